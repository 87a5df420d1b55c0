package io.gdsvault.ca;

import io.gdsvault.signer.IssuerSigner;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;

/**
 * One CA generation opened for use: its stored record, its parsed certificate, the signer of its
 * key (bound to the certificate), and what every certificate and CRL it signs reuses: the issuer
 * name, the authority key identifier and the issuer-dependent template checks.
 */
record OpenGeneration(
    CaGeneration record,
    X509Certificate certificate,
    IssuerSigner signer,
    X500Name issuerName,
    Extension authorityKeyId,
    TemplateCheck issuerChecks) {

  String caId() {
    return record.caId();
  }

  Instant notAfter() {
    return certificate.getNotAfter().toInstant();
  }

  /** Whether the CA certificate is still valid at {@code now} (so still trusted). */
  boolean validAt(Instant now) {
    return notAfter().isAfter(now);
  }
}
