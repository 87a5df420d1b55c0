package io.gdsvault.gds.model;

import java.util.Objects;

/**
 * A refused GDS operation. The message is short and safe to show to the caller: it must never
 * contain secrets or internal details (log those separately).
 */
public class GdsException extends RuntimeException {

  private final Reason reason;

  public GdsException(Reason reason, String safeMessage) {
    super(safeMessage, null, false, false);
    this.reason = Objects.requireNonNull(reason);
  }

  public Reason reason() {
    return reason;
  }

  public static GdsException notFound(String what) {
    return new GdsException(Reason.NOT_FOUND, what + " not found");
  }

  public static GdsException invalid(String message) {
    return new GdsException(Reason.INVALID_ARGUMENT, message);
  }

  public static GdsException accessDenied(String message) {
    return new GdsException(Reason.ACCESS_DENIED, message);
  }
}
