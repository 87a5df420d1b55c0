package io.gdsvault.gds.model.x509;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * Parsing X.509 certificates and CRLs, and the OPC UA thumbprint (SHA-1 of the DER encoding).
 *
 * <p>One failure behaviour: whatever the input, the parse methods return a value or throw {@link
 * InvalidCertificateException} (unchecked, an {@link IllegalArgumentException}); they never return
 * null and never let the JDK parser's own exceptions, checked or not, escape. Each caller decides
 * what a bad certificate means to it (a status code, a skipped file, a refused connection).
 * Certificates may be DER or PEM, as the JDK's {@link CertificateFactory} reads both.
 */
public final class Certificates {

  private static final HexFormat HEX = HexFormat.of();

  private Certificates() {}

  /**
   * Exactly one certificate.
   *
   * @throws InvalidCertificateException if the bytes hold no certificate, more than one, or one
   *     that cannot be decoded
   */
  public static X509Certificate parse(byte[] encoded) {
    List<X509Certificate> all = decode(encoded);
    if (all.size() != 1) {
      throw new InvalidCertificateException(
          all.isEmpty() ? "no certificate" : "expected one certificate, got " + all.size());
    }
    return all.get(0);
  }

  /**
   * One or more concatenated certificates (a chain, leaf first as given), in order.
   *
   * @throws InvalidCertificateException if the bytes hold no certificate or one that cannot be
   *     decoded
   */
  public static List<X509Certificate> parseAll(byte[] encoded) {
    List<X509Certificate> all = decode(encoded);
    if (all.isEmpty()) {
      throw new InvalidCertificateException("no certificate");
    }
    return all;
  }

  /**
   * One CRL.
   *
   * @throws InvalidCertificateException if the bytes are not a decodable X.509 CRL
   */
  public static X509CRL parseCrl(byte[] encoded) {
    try {
      if (encoded.length == 0) {
        throw new InvalidCertificateException("no CRL");
      }
      if (factory().generateCRL(new ByteArrayInputStream(encoded)) instanceof X509CRL crl) {
        return crl;
      }
      throw new InvalidCertificateException("not an X.509 CRL");
    } catch (GeneralSecurityException | RuntimeException e) {
      throw invalid("CRL cannot be decoded", e);
    }
  }

  /**
   * The DER encoding.
   *
   * @throws InvalidCertificateException if the certificate cannot be encoded
   */
  public static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (GeneralSecurityException | RuntimeException e) {
      throw invalid("certificate cannot be encoded", e);
    }
  }

  /**
   * The OPC UA thumbprint: SHA-1 of the DER encoding in lower-case hex (40 characters), as
   * certificates are named in trust lists, audit records and pins.
   *
   * @throws InvalidCertificateException if the certificate cannot be encoded
   */
  public static String thumbprint(X509Certificate certificate) {
    return thumbprint(encoded(certificate));
  }

  /**
   * SHA-1 of the given encoding (a DER certificate or CRL) in lower-case hex; the bytes are not
   * parsed.
   */
  public static String thumbprint(byte[] encoded) {
    return hex(sha1(encoded));
  }

  /** Lower-case hex, no separators. */
  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  /**
   * A thumbprint as people write it (any case, optionally with {@code :} or space separators)
   * brought to the form {@link #thumbprint} returns, for comparisons.
   */
  public static String normalizeThumbprint(String thumbprint) {
    StringBuilder out = new StringBuilder(thumbprint.length());
    for (int i = 0; i < thumbprint.length(); i++) {
      char c = thumbprint.charAt(i);
      if (c != ':' && c != ' ') {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString();
  }

  private static byte[] sha1(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      // every Java platform must provide SHA-1 (MessageDigest's documented requirement)
      throw new IllegalStateException("SHA-1 is not available", e);
    }
  }

  private static List<X509Certificate> decode(byte[] encoded) {
    if (encoded.length == 0) {
      return List.of();
    }
    try {
      Collection<? extends Certificate> found =
          factory().generateCertificates(new ByteArrayInputStream(encoded));
      List<X509Certificate> out = new ArrayList<>(found.size());
      for (Certificate c : found) {
        if (!(c instanceof X509Certificate x)) {
          throw new InvalidCertificateException("not an X.509 certificate");
        }
        out.add(x);
      }
      return out;
    } catch (GeneralSecurityException | RuntimeException e) {
      throw invalid("certificate cannot be decoded", e);
    }
  }

  private static InvalidCertificateException invalid(String message, Exception e) {
    return e instanceof InvalidCertificateException ice
        ? ice
        : new InvalidCertificateException(message, e);
  }

  private static CertificateFactory factory() throws GeneralSecurityException {
    return CertificateFactory.getInstance("X.509");
  }
}
