package io.gdsvault.ca;

/**
 * A CA operation refused or failed. {@link #getMessage()} is safe to show to a client (no key
 * material, secrets or stack detail); the cause, if any, is for the log. gds-server maps {@link
 * #reason()} to an OPC UA status code.
 */
public class CaException extends Exception {

  /** Why an operation was refused. */
  public enum Reason {
    /** The CSR is larger than the accepted maximum. */
    CSR_TOO_LARGE,
    /** The CSR is not a DER PKCS#10 request. */
    CSR_MALFORMED,
    /** The CSR's self-signature does not verify. */
    CSR_SIGNATURE_INVALID,
    /** The key is of a known kind but too weak (e.g. RSA below 2048 bits). */
    KEY_TOO_WEAK,
    /** The key does not fit the requested certificate type (RSA for ECC, P-384 for P-256...). */
    KEY_TYPE_MISMATCH,
    /** Unknown key algorithm or curve (e.g. secp256k1, brainpool). */
    ALGORITHM_UNSUPPORTED,
    /** The certificate's application URI differs from the registered ApplicationUri. */
    CERTIFICATE_URI_INVALID,
    /** A request field (name, DNS name, IP address, validity) is invalid. */
    INVALID_ARGUMENT,
    /** No such certificate, serial or CA. */
    NOT_FOUND,
    /** The issuer key could not be reached or refused to sign. */
    SIGNER_UNAVAILABLE,
    /** The CA state could not be read or written. */
    STORE_FAILED,
    /** The finished certificate failed the pre-signing checks (a bug, not a client error). */
    TEMPLATE_INVALID
  }

  private final Reason reason;

  public CaException(Reason reason, String safeMessage) {
    super(safeMessage);
    this.reason = reason;
  }

  public CaException(Reason reason, String safeMessage, Throwable cause) {
    super(safeMessage, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** The safe message given at construction (never null). */
  @Override
  public String getMessage() {
    return String.valueOf(super.getMessage());
  }

  // getMessage() stays the client-safe text; logs get the reason as well
  @SuppressWarnings("OverrideThrowableToString")
  @Override
  public String toString() {
    return "CaException[" + reason + "]: " + getMessage();
  }
}
