package io.gdsvault.ca;

import java.io.IOException;
import java.security.PublicKey;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.jspecify.annotations.Nullable;

/**
 * A parsed PKCS#10 request as the CSR checks see it: the raw request, its public key and what it
 * asks for in its subject and subjectAltName.
 *
 * <p>The JCA {@link PublicKey} is made when the request is parsed for checking; when a sealed
 * request is re-parsed at issuance (its key was checked when the seal was made) it is made on first
 * use, because issuance itself needs only the {@link SubjectPublicKeyInfo}.
 */
public final class CertificateRequest {

  private final PKCS10CertificationRequest pkcs10;
  private final SubjectPublicKeyInfo publicKeyInfo;
  private volatile @Nullable PublicKey publicKey;
  private final X500Name subject;
  private final List<String> uris;
  private final List<String> dnsNames;
  private final List<String> ipAddresses;

  CertificateRequest(
      PKCS10CertificationRequest pkcs10,
      SubjectPublicKeyInfo publicKeyInfo,
      @Nullable PublicKey publicKey,
      X500Name subject,
      List<String> uris,
      List<String> dnsNames,
      List<String> ipAddresses) {
    this.pkcs10 = pkcs10;
    this.publicKeyInfo = publicKeyInfo;
    this.publicKey = publicKey;
    this.subject = subject;
    this.uris = List.copyOf(uris);
    this.dnsNames = List.copyOf(dnsNames);
    this.ipAddresses = List.copyOf(ipAddresses);
  }

  public PKCS10CertificationRequest pkcs10() {
    return pkcs10;
  }

  public SubjectPublicKeyInfo publicKeyInfo() {
    return publicKeyInfo;
  }

  /** The request's public key as a JCA key. */
  public PublicKey publicKey() {
    PublicKey k = publicKey;
    if (k == null) {
      try {
        k = CsrChecks.publicKey(publicKeyInfo);
      } catch (CaException e) {
        // only sealed requests get here, and their key was accepted when the seal was made
        throw new IllegalStateException("public key of a sealed request cannot be read", e);
      }
      publicKey = k;
    }
    return k;
  }

  public X500Name subject() {
    return subject;
  }

  public List<String> uris() {
    return uris;
  }

  public List<String> dnsNames() {
    return dnsNames;
  }

  public List<String> ipAddresses() {
    return ipAddresses;
  }

  /** The DER encoding of the request. */
  public byte[] encoded() throws IOException {
    return pkcs10.getEncoded();
  }

  @Override
  public String toString() {
    return "CertificateRequest[" + subject + "]";
  }
}
