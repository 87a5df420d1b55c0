package io.gdsvault.gds.certificates;

import io.gdsvault.gds.model.x509.Certificates;
import io.gdsvault.gds.model.x509.InvalidCertificateException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/**
 * {@link Certificates} for certificates this package stored itself: a stored certificate that does
 * not decode is a broken invariant, so it fails with IllegalStateException.
 */
final class DerCertificates {

  private DerCertificates() {}

  /** The certificate; bytes that are not one fail with IllegalStateException. */
  static X509Certificate parse(byte[] der) {
    try {
      return Certificates.parse(der);
    } catch (InvalidCertificateException e) {
      throw new IllegalStateException("not an X.509 certificate", e);
    }
  }

  static byte[] encoded(X509Certificate c) {
    try {
      return Certificates.encoded(c);
    } catch (InvalidCertificateException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SHA-1 thumbprint in lower-case hex (as the OPC UA layer computes it for callers). */
  static String thumbprint(X509Certificate c) {
    return Certificates.thumbprint(encoded(c));
  }

  /** The key type as requests record it: {@code RSA-2048}, {@code EC-256}, or the algorithm. */
  static String keyTypeOf(PublicKey key) {
    if (key instanceof RSAPublicKey rsa) {
      return "RSA-" + rsa.getModulus().bitLength();
    }
    if (key instanceof ECPublicKey ec) {
      return "EC-" + ec.getParams().getCurve().getField().getFieldSize();
    }
    return key.getAlgorithm();
  }
}
