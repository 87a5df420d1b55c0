package io.gdsvault.ca;

import java.nio.charset.StandardCharsets;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/** DER and PEM export of certificates and CRLs. */
public final class PemEncoding {

  private static final Base64.Encoder MIME =
      Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

  private PemEncoding() {}

  public static byte[] der(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("certificate cannot be encoded", e);
    }
  }

  public static byte[] der(X509CRL crl) {
    try {
      return crl.getEncoded();
    } catch (CRLException e) {
      throw new IllegalStateException("CRL cannot be encoded", e);
    }
  }

  public static String pem(X509Certificate certificate) {
    return block("CERTIFICATE", der(certificate));
  }

  /** Several certificates, one PEM block each, in order. */
  public static String pem(List<X509Certificate> certificates) {
    StringBuilder b = new StringBuilder();
    certificates.forEach(c -> b.append(pem(c)));
    return b.toString();
  }

  public static String pem(X509CRL crl) {
    return block("X509 CRL", der(crl));
  }

  /** A PEM block of {@code der} with the given label. */
  public static String block(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + MIME.encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }
}
