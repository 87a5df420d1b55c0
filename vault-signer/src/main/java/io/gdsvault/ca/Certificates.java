package io.gdsvault.ca;

import io.gdsvault.ca.CaException.Reason;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.jspecify.annotations.Nullable;

/**
 * The one place in vault-signer that parses X.509 certificates and CRLs, computes SHA-1 thumbprints
 * and derives key identifiers, so every caller fails the same way.
 *
 * <p>The certificate factory and the SHA-1 digest are kept per thread: issuance runs on many
 * threads, and looking either up per call costs more than using it.
 */
final class Certificates {

  private static final ThreadLocal<CertificateFactory> X509 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return CertificateFactory.getInstance("X.509");
            } catch (CertificateException e) {
              throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
            }
          });

  private static final ThreadLocal<MessageDigest> SHA1 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-1");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("the JDK has no SHA-1 digest", e);
            }
          });

  private Certificates() {}

  /**
   * Parses a DER certificate.
   *
   * @throws CaException STORE_FAILED: the bytes came from the state store or the CA itself
   */
  static X509Certificate parse(byte[] der) throws CaException {
    try {
      return (X509Certificate) X509.get().generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new CaException(Reason.STORE_FAILED, "stored certificate cannot be parsed", e);
    }
  }

  /**
   * Parses a DER CRL.
   *
   * @throws CaException STORE_FAILED: the bytes came from the state store or the CA itself
   */
  static X509CRL parseCrl(byte[] der) throws CaException {
    try {
      return (X509CRL) X509.get().generateCRL(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw new CaException(Reason.STORE_FAILED, "stored CRL cannot be parsed", e);
    }
  }

  /** SHA-1 of {@code der} in lower-case hex, as OPC UA names certificates. */
  static String thumbprint(byte[] der) {
    return HexFormat.of().formatHex(sha1(der));
  }

  /** The thumbprint of {@code cert}, or {@code unavailable} if it cannot be encoded. */
  static String thumbprint(X509Certificate cert) {
    try {
      return thumbprint(cert.getEncoded());
    } catch (CertificateEncodingException e) {
      return "unavailable";
    }
  }

  /**
   * The key identifier of a public key: RFC 5280 §4.2.1.2 method 1, the SHA-1 of the
   * subjectPublicKey BIT STRING's value. Used for the SKI of every certificate the CA issues and
   * for the AKI of its self-signed CA certificates.
   */
  static byte[] keyId(SubjectPublicKeyInfo spki) {
    return sha1(spki.getPublicKeyData().getBytes());
  }

  /** The subjectKeyIdentifier of {@code cert}, or null if it has none. */
  static byte @Nullable [] subjectKeyId(X509Certificate cert) {
    byte[] ext = cert.getExtensionValue(Extension.subjectKeyIdentifier.getId());
    if (ext == null) {
      return null;
    }
    return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(ext).getOctets())
        .getKeyIdentifier();
  }

  /**
   * The authorityKeyIdentifier of what {@code issuer} signs (certificates and CRLs): its key id,
   * and its own issuer name and serial, as BouncyCastle derives them. Compute it once per CA
   * certificate.
   */
  static AuthorityKeyIdentifier authorityKeyIdentifier(X509Certificate issuer) throws CaException {
    try {
      return new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CaException(Reason.STORE_FAILED, "CA certificate cannot be read", e);
    }
  }

  /** Parses an X.500 name given as text (a configured or requested subject). */
  static X500Name x500Name(String name) throws CaException {
    try {
      return new X500Name(name);
    } catch (RuntimeException e) {
      throw new CaException(Reason.INVALID_ARGUMENT, "subject is not a valid X.500 name", e);
    }
  }

  private static byte[] sha1(byte[] data) {
    return SHA1.get().digest(data);
  }
}
