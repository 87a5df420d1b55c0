package io.gdsvault.gds.push;

import java.util.Locale;
import java.util.UUID;

/**
 * Called when a push reaches a point where a crash matters; it may block (a crash test holds the
 * push there and kills the process). Production wiring passes {@link #NONE}.
 */
@FunctionalInterface
public interface PauseHook {

  /** The points of a push where the hook is called. */
  enum Point {
    /** The trust list was written and applied; the certificate step comes next. */
    AFTER_TRUST_LIST,
    /** UpdateCertificate was staged on the target; ApplyChanges comes next. */
    BEFORE_APPLY_CHANGES;

    /** {@code after-trust-list}, {@code before-apply-changes}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  void reached(Point point, UUID applicationId);

  PauseHook NONE = (point, applicationId) -> {};
}
