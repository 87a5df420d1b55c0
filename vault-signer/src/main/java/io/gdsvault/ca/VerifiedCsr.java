package io.gdsvault.ca;

import io.gdsvault.ca.CaException.Reason;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * A PKCS#10 request whose proof of possession has been checked: its self-signature verifies under
 * the public key it carries. The CA issues only for these.
 *
 * <p>There are exactly two ways to get one, and both check something:
 *
 * <ul>
 *   <li>{@link #verify} parses the request (size, DER syntax, key algorithm and curve) and verifies
 *       its signature. The server calls it once, when it accepts the request.
 *   <li>{@link CsrSeal#restore} re-creates the object later (at approval) from the stored bytes and
 *       the seal made at acceptance. It checks the keyed seal over the bytes and re-parses them,
 *       but does not repeat the signature verification: the seal says it was done on these exact
 *       bytes.
 * </ul>
 *
 * <p>The constructor is private. The object carries the SHA-256 of the request bytes that were
 * checked, so a seal names exactly those bytes.
 */
public final class VerifiedCsr {

  private final CertificateRequest request;
  private final byte[] der;
  private final byte[] sha256;

  private VerifiedCsr(CertificateRequest request, byte[] der, byte[] sha256) {
    this.request = request;
    this.der = der;
    this.sha256 = sha256;
  }

  /**
   * Parses {@code der} and verifies its proof of possession, refusing requests above {@link
   * CsrChecks#DEFAULT_MAX_CSR_BYTES}.
   *
   * @throws CaException CSR_TOO_LARGE, CSR_MALFORMED, ALGORITHM_UNSUPPORTED or
   *     CSR_SIGNATURE_INVALID, with a message safe to show to a client
   */
  public static VerifiedCsr verify(byte[] der) throws CaException {
    return verify(der, CsrChecks.DEFAULT_MAX_CSR_BYTES);
  }

  /** As {@link #verify(byte[])}, with a size limit of {@code maxBytes}. */
  public static VerifiedCsr verify(byte[] der, int maxBytes) throws CaException {
    CertificateRequest parsed = CsrChecks.parse(der, maxBytes);
    CsrChecks.signatureValid().check(parsed);
    byte[] copy = der.clone();
    return new VerifiedCsr(parsed, copy, sha256(copy));
  }

  /**
   * Only for {@link CsrSeal#restore}: bytes whose seal has just been checked, so their signature
   * was verified when the seal was made.
   */
  static VerifiedCsr sealed(byte[] der, byte[] sha256, int maxBytes) throws CaException {
    byte[] copy = der.clone();
    // the seal covers these exact bytes, which passed the canonical-DER check when it was made
    return new VerifiedCsr(CsrChecks.parse(copy, maxBytes, false), copy, sha256.clone());
  }

  /** Runs {@code check} on the parsed request; returns this for chaining. */
  public VerifiedCsr require(CsrCheck check) throws CaException {
    check.check(request);
    return this;
  }

  /** The parsed request, as the {@link CsrCheck} steps see it. */
  public CertificateRequest request() {
    return request;
  }

  public PublicKey publicKey() {
    return request.publicKey();
  }

  public X500Name subject() {
    return request.subject();
  }

  /** The URIs of the request's subjectAltName extension request. */
  public List<String> uris() {
    return request.uris();
  }

  public List<String> dnsNames() {
    return request.dnsNames();
  }

  public List<String> ipAddresses() {
    return request.ipAddresses();
  }

  /** The DER bytes that were checked (a copy). */
  public byte[] encoded() {
    return der.clone();
  }

  /** SHA-256 of {@link #encoded()} (a copy). */
  public byte[] sha256() {
    return sha256.clone();
  }

  static byte[] sha256(byte[] data) throws CaException {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new CaException(Reason.TEMPLATE_INVALID, "SHA-256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "VerifiedCsr[" + request.subject() + "]";
  }
}
