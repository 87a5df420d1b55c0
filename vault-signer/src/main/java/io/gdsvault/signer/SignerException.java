package io.gdsvault.signer;

/**
 * The issuer key could not be created, found or used. The message is safe to show: it never carries
 * a PIN, password, token or key material; the cause is for the log.
 */
public class SignerException extends Exception {

  public SignerException(String safeMessage) {
    super(safeMessage);
  }

  public SignerException(String safeMessage, Throwable cause) {
    super(safeMessage, cause);
  }

  /** The safe message given at construction (never null). */
  @Override
  public String getMessage() {
    return String.valueOf(super.getMessage());
  }
}
