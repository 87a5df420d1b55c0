package io.gdsvault.sim.pull;

/**
 * A pull that cannot succeed: refused by the GDS (rejected, access denied, bad arguments) or a
 * certificate that fails the local checks. The message is safe to print: it never carries key
 * material or passwords.
 */
public final class PullException extends Exception {

  private static final long serialVersionUID = 1L;

  public PullException(String message) {
    super(message);
  }

  public PullException(String message, Throwable cause) {
    super(message, cause);
  }
}
