package io.gdsvault.gds.push;

import org.jspecify.annotations.Nullable;

/**
 * A push step failed. The message is what operators see as lastError: it names the step and the
 * target's answer (e.g. a status code name) and never carries secrets.
 */
public class PushException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean notSupported;

  public PushException(String message) {
    this(message, false, null);
  }

  public PushException(String message, Throwable cause) {
    this(message, false, cause);
  }

  public PushException(String message, boolean notSupported, @Nullable Throwable cause) {
    super(message, cause);
    this.notSupported = notSupported;
  }

  /** True when the target answered that it does not implement the method (fallbacks apply). */
  public boolean notSupported() {
    return notSupported;
  }
}
