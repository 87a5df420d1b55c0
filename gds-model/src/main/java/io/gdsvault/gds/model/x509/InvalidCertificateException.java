package io.gdsvault.gds.model.x509;

/**
 * Bytes that are not the expected X.509 certificate(s) or CRL, or a certificate that cannot be
 * encoded. The message is short and safe to show a client; the parser's own exception, if any, is
 * the cause (for the log only).
 */
public final class InvalidCertificateException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidCertificateException(String message) {
    super(message);
  }

  public InvalidCertificateException(String message, Throwable cause) {
    super(message, cause);
  }
}
