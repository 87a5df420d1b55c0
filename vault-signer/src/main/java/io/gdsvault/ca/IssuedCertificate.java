package io.gdsvault.ca;

import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An issued certificate with its issuer chain (issuing CA first, root last).
 *
 * <p>The CA hands out the DER it signed together with the serial number and notAfter it put in it.
 * The JDK {@link X509Certificate} view is parsed on first use of {@link #certificate()}: parsing
 * costs about a third of the CA's own work per certificate, and a caller that stores the DER,
 * serial, thumbprint and expiry does not need it.
 */
public final class IssuedCertificate {

  private final byte[] der;
  private final BigInteger serialNumber;
  private final Instant notAfter;
  private final List<X509Certificate> issuerChain;
  private final String caId;
  private volatile @Nullable X509Certificate certificate;

  /**
   * @param caId the CA generation that issued it (for revocation and CRL lookup)
   */
  public IssuedCertificate(
      X509Certificate certificate, List<X509Certificate> issuerChain, String caId) {
    this(
        encodedOf(certificate),
        certificate.getSerialNumber(),
        certificate.getNotAfter().toInstant(),
        issuerChain,
        caId);
    this.certificate = certificate;
  }

  IssuedCertificate(
      byte[] der,
      BigInteger serialNumber,
      Instant notAfter,
      List<X509Certificate> issuerChain,
      String caId) {
    this.der = der;
    this.serialNumber = serialNumber;
    this.notAfter = notAfter;
    this.issuerChain = List.copyOf(issuerChain);
    this.caId = caId;
  }

  /** The certificate as a JDK object (parsed once, on first use). */
  public X509Certificate certificate() {
    X509Certificate c = certificate;
    if (c == null) {
      try {
        c = Certificates.parse(der);
      } catch (CaException e) {
        // the CA encoded it a moment ago from a checked template: a bug, not a client error
        throw new IllegalStateException("issued certificate cannot be parsed", e);
      }
      certificate = c;
    }
    return c;
  }

  /** The DER encoding (a copy). */
  public byte[] encoded() {
    return der.clone();
  }

  public BigInteger serialNumber() {
    return serialNumber;
  }

  public Instant notAfter() {
    return notAfter;
  }

  /** SHA-1 thumbprint of the DER in lower-case hex, as OPC UA names certificates. */
  public String thumbprint() {
    return Certificates.thumbprint(der);
  }

  public List<X509Certificate> issuerChain() {
    return issuerChain;
  }

  /** The CA generation that issued it (for revocation and CRL lookup). */
  public String caId() {
    return caId;
  }

  /** The leaf followed by its issuer chain. */
  public List<X509Certificate> fullChain() {
    List<X509Certificate> all = new ArrayList<>(issuerChain.size() + 1);
    all.add(certificate());
    all.addAll(issuerChain);
    return all;
  }

  private static byte[] encodedOf(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateException e) {
      throw new IllegalArgumentException("certificate cannot be encoded", e);
    }
  }

  @Override
  public String toString() {
    return "IssuedCertificate[" + caId + ", serial " + serialNumber.toString(16) + "]";
  }
}
