package io.gdsvault.ca;

import java.io.IOException;
import java.security.PublicKey;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * A parsed PKCS#10 request as the CSR checks see it: the raw request, its public key and what it
 * asks for in its subject and subjectAltName.
 */
public record CertificateRequest(
    PKCS10CertificationRequest pkcs10,
    SubjectPublicKeyInfo publicKeyInfo,
    PublicKey publicKey,
    X500Name subject,
    List<String> uris,
    List<String> dnsNames,
    List<String> ipAddresses) {

  public CertificateRequest {
    uris = List.copyOf(uris);
    dnsNames = List.copyOf(dnsNames);
    ipAddresses = List.copyOf(ipAddresses);
  }

  /** The DER encoding of the request. */
  public byte[] encoded() throws IOException {
    return pkcs10.getEncoded();
  }
}
