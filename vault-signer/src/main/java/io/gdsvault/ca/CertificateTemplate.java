package io.gdsvault.ca;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/**
 * A certificate before signing: everything the signer will cover. The CA builds it, runs its
 * {@link TemplateChecks}, and only then asks the signer for a signature.
 */
public record CertificateTemplate(
    X500Name issuer,
    BigInteger serialNumber,
    Instant notBefore,
    Instant notAfter,
    X500Name subject,
    SubjectPublicKeyInfo publicKeyInfo,
    List<Extension> extensions) {

  public CertificateTemplate {
    extensions = List.copyOf(extensions);
  }

  /** The extension with {@code oid}, or null. */
  public Extension extension(org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
    for (Extension e : extensions) {
      if (e.getExtnId().equals(oid)) {
        return e;
      }
    }
    return null;
  }

  X509v3CertificateBuilder toBuilder() throws CertIOException {
    X509v3CertificateBuilder b =
        new X509v3CertificateBuilder(
            issuer, serialNumber, Date.from(notBefore), Date.from(notAfter), subject, publicKeyInfo);
    for (Extension e : extensions) {
      b.addExtension(e);
    }
    return b;
  }
}
