package io.gdsvault.ca;

import io.gdsvault.ca.CaException.Reason;
import io.gdsvault.signer.IssuerSigner;
import io.gdsvault.signer.SignerBackend;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuer CA of one certificate group and certificate type, above the {@link IssuerSigner} port.
 * It creates its CA on first start, issues OPC UA application certificates (Part 6 §6.2.2) from
 * CSRs or generated key pairs, keeps a CRL per CA generation, and rolls over to a new CA with
 * overlap. It never sees where the key lives.
 *
 * <p>This class is the façade; the jobs sit behind it: {@link GenerationLine} (the CA generations
 * and their keys), {@link LeafProfile} (what an application certificate carries), {@link
 * SerialNumbers}, {@link CrlIssuer} (revocation and CRLs) and {@link SignedDer} (the one call to
 * the port). Issuance runs the steps in order: CSR checks, profile, serial, template checks, and
 * the signer last.
 *
 * <p>Thread-safe: issuance runs concurrently; CRL and rollover operations are serialized.
 */
public final class CertificateAuthority {

  private static final Logger log = LoggerFactory.getLogger(CertificateAuthority.class);

  private final CaConfig config;
  private final Clock clock;
  private final int maxCsrBytes;
  private final CsrCheck keyFits;
  private final GenerationLine line;
  private final LeafProfile profile;
  private final SerialNumbers serials;
  private final CrlIssuer crls;

  private CertificateAuthority(
      CaConfig config, SignerBackend backend, CaStateStore store, Clock clock, int maxCsrBytes) {
    this.config = config;
    this.clock = clock;
    this.maxCsrBytes = maxCsrBytes;
    this.keyFits = CsrChecks.keyFits(config.certificateType());
    this.line = new GenerationLine(config, backend, store, clock);
    this.profile = new LeafProfile(config.certificateType(), config.leafLifetime());
    this.serials = new SerialNumbers(store);
    this.crls = new CrlIssuer(store, clock, config.crlLifetime(), config.crlReissueBefore());
  }

  /**
   * Opens the CA line of {@code config}: loads its generations from {@code store} and finds their
   * keys in {@code backend}; on first start creates the issuer key and CA certificate; makes sure
   * every CA still trusted has a CRL.
   */
  public static CertificateAuthority open(
      CaConfig config, SignerBackend backend, CaStateStore store, Clock clock) throws CaException {
    CertificateAuthority ca =
        new CertificateAuthority(config, backend, store, clock, CsrChecks.DEFAULT_MAX_CSR_BYTES);
    ca.line.load();
    if (ca.line.isEmpty()) {
      ca.line.create(1);
      ca.line.load();
    }
    for (OpenGeneration g : ca.line.trusted()) {
      if (!ca.crls.hasCrl(g.caId())) {
        ca.reissueCrl(g.caId());
      }
    }
    return ca;
  }

  public CaConfig config() {
    return config;
  }

  /** Re-reads the generations from the store (after a rollover on another node). */
  public synchronized void refresh() throws CaException {
    line.load();
  }

  // ---------------------------------------------------------------- trust material

  /** The CA certificate now issuing. */
  public X509Certificate currentCaCertificate() {
    return line.current().certificate();
  }

  /** The id of the CA generation now issuing. */
  public String currentCaId() {
    return line.current().caId();
  }

  /** The chain that accompanies every certificate issued now (issuing CA first, root last). */
  public List<X509Certificate> issuerChain() {
    return line.current().signer().certificateChain();
  }

  /**
   * Every CA certificate still valid, newest first: after a rollover the old CA stays here (and so
   * in trust lists) until it expires.
   */
  public List<X509Certificate> trustedCaCertificates() {
    List<X509Certificate> out = new ArrayList<>();
    List<OpenGeneration> trusted = line.trusted();
    for (int i = trusted.size() - 1; i >= 0; i--) {
      out.add(trusted.get(i).certificate());
    }
    return out;
  }

  /** The issuer chain of a certificate this CA line issued (looked up by issuer key id). */
  public Optional<List<X509Certificate>> issuerChainFor(X509Certificate issued) {
    return line.issuerChainFor(issued);
  }

  /** Whether {@code key} is the public key of the issuing CA. */
  public boolean isIssuerKey(PublicKey key) {
    return line.current().signer().publicKey().equals(key);
  }

  /** SHA-1 thumbprint in hex, as OPC UA names certificates. */
  public static String thumbprint(X509Certificate cert) {
    return Certificates.thumbprint(cert);
  }

  // ---------------------------------------------------------------- issuance

  /**
   * Verifies a PKCS#10 request and issues a certificate for it: {@link VerifiedCsr#verify} (size,
   * syntax, key algorithm, proof of possession), then {@link #issue(VerifiedCsr, IssuanceRequest,
   * CsrCheck...)}. For callers that hold only the CSR; a server that accepts a request first and
   * issues at approval verifies once at acceptance and issues from the {@link VerifiedCsr}.
   */
  public IssuedCertificate issue(byte[] csrDer, IssuanceRequest request, CsrCheck... extraChecks)
      throws CaException {
    return issue(VerifiedCsr.verify(csrDer, maxCsrBytes), request, extraChecks);
  }

  /**
   * Issues a certificate for a request whose proof of possession was already checked. The key must
   * fit this CA's certificate type; then {@code extraChecks} run (e.g. {@link
   * CsrChecks#applicationUriMatches}). The CSR's signature is not verified again.
   */
  public IssuedCertificate issue(
      VerifiedCsr verified, IssuanceRequest request, CsrCheck... extraChecks) throws CaException {
    CertificateRequest csr = verified.request();
    keyFits.check(csr);
    for (CsrCheck c : extraChecks) {
      c.check(csr);
    }
    X500Name subject =
        request.subject() != null ? Certificates.x500Name(request.subject()) : csr.subject();
    if (subject.getRDNs().length == 0) {
      throw new CaException(Reason.INVALID_ARGUMENT, "certificate subject is empty");
    }
    List<String> dns = request.dnsNames().isEmpty() ? csr.dnsNames() : request.dnsNames();
    List<String> ips = request.ipAddresses().isEmpty() ? csr.ipAddresses() : request.ipAddresses();
    return issue(
        new LeafIdentity(
            csr.publicKeyInfo(),
            subject,
            request.applicationUri(),
            dns,
            ips,
            request.applicationType()));
  }

  /** Generates a key pair of this CA's certificate type and issues a certificate for it. */
  public IssuedKeyPair issueWithNewKeyPair(IssuanceRequest request, int rsaBits)
      throws CaException {
    if (request.subject() == null) {
      throw new CaException(Reason.INVALID_ARGUMENT, "a subject is required for a new key pair");
    }
    KeyPair pair;
    try {
      pair = KeyPairs.generate(config.certificateType(), rsaBits);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CaException(Reason.INVALID_ARGUMENT, "key pair cannot be generated", e);
    }
    IssuedCertificate issued =
        issue(
            new LeafIdentity(
                SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()),
                Certificates.x500Name(request.subject()),
                request.applicationUri(),
                request.dnsNames(),
                request.ipAddresses(),
                request.applicationType()));
    return new IssuedKeyPair(issued, pair.getPrivate());
  }

  /**
   * The issuance steps: the profile's validity and extensions, a reserved serial, the finished
   * template checked against the issuer and the ApplicationUri, and only then the signer.
   */
  private IssuedCertificate issue(LeafIdentity leaf) throws CaException {
    LeafProfile.checkApplicationUri(leaf.applicationUri());
    OpenGeneration g = line.current();
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant caEnd = g.notAfter();
    if (!caEnd.isAfter(now)) {
      throw new CaException(Reason.SIGNER_UNAVAILABLE, "the issuer CA has expired");
    }
    Instant notBefore = LeafProfile.notBefore(now);
    Instant notAfter = profile.notAfter(notBefore, caEnd);
    List<Extension> exts = profile.extensions(leaf, g.authorityKeyId());
    BigInteger serial = serials.reserve(g.caId());
    CertificateTemplate t =
        new CertificateTemplate(
            g.issuerName(),
            serial,
            notBefore,
            notAfter,
            leaf.subject(),
            leaf.publicKeyInfo(),
            exts);
    g.issuerChecks().check(t);
    TemplateChecks.applicationUriIs(leaf.applicationUri()).check(t);
    byte[] der = SignedDer.certificate(t, g.signer());
    IssuedCertificate issued =
        new IssuedCertificate(der, serial, notAfter, g.signer().certificateChain(), g.caId());
    // DEBUG: the GDS logs each issuance once, with the request it belongs to
    if (log.isDebugEnabled()) {
      log.debug(
          "issued caId={} serial={} thumbprint={} notAfter={}",
          g.caId(),
          serial.toString(16),
          issued.thumbprint(),
          notAfter);
    }
    return issued;
  }

  // ---------------------------------------------------------------- revocation and CRLs

  /**
   * Revokes {@code serial} in whichever generation issued it and re-issues that CA's CRL at once.
   *
   * @throws CaException NOT_FOUND if no generation of this CA line issued the serial
   */
  public RevokedEntry revoke(BigInteger serial) throws CaException {
    List<OpenGeneration> all = line.all();
    for (int i = all.size() - 1; i >= 0; i--) {
      OpenGeneration g = all.get(i);
      if (serials.issuedBy(g.caId(), serial)) {
        return revoke(g.caId(), serial);
      }
    }
    throw new CaException(
        Reason.NOT_FOUND, "no certificate with this serial number was issued here");
  }

  /** Revokes {@code serial} of CA {@code caId} and re-issues its CRL immediately. */
  public synchronized RevokedEntry revoke(String caId, BigInteger serial) throws CaException {
    return crls.revoke(line.byId(caId), serial);
  }

  /** The latest CRL of the issuing CA. */
  public X509CRL currentCrl() throws CaException {
    return crl(line.current().caId());
  }

  /** The latest CRL of CA {@code caId}. */
  public X509CRL crl(String caId) throws CaException {
    Optional<X509CRL> stored = crls.latest(caId);
    return stored.isPresent() ? stored.get() : reissueCrl(caId);
  }

  /** The latest CRL of every trusted CA generation, newest CA first (for trust lists). */
  public List<X509CRL> crls() throws CaException {
    List<X509CRL> out = new ArrayList<>();
    List<OpenGeneration> trusted = line.trusted();
    for (int i = trusted.size() - 1; i >= 0; i--) {
      out.add(crl(trusted.get(i).caId()));
    }
    return out;
  }

  /** When the next CRL re-issue is due: the earliest nextUpdate minus crlReissueBefore. */
  public Instant nextCrlReissueAt() throws CaException {
    return crls.nextReissueAt(line.trusted());
  }

  /** Whether some trusted CA's CRL should be re-issued now. */
  public boolean crlReissueDue() throws CaException {
    return !nextCrlReissueAt().isAfter(clock.instant());
  }

  /** Re-issues the CRLs that are due; returns the new ones. Call it from a scheduler. */
  public synchronized List<X509CRL> reissueDueCrls() throws CaException {
    return crls.reissueDue(line.trusted());
  }

  /** Issues a new CRL for {@code caId} with the next CRL number and persists it. */
  public synchronized X509CRL reissueCrl(String caId) throws CaException {
    return crls.issue(line.byId(caId));
  }

  // ---------------------------------------------------------------- rollover

  /** Whether the issuing CA is within {@code renewBefore} of its expiry. */
  public boolean renewalDue() {
    Instant end = line.current().notAfter();
    return !end.minus(config.renewBefore()).isAfter(clock.instant());
  }

  /**
   * Creates a new CA generation (new key, new CA certificate, first CRL) that issues from now on.
   * The previous CA stays trusted, with its CRL maintained, until it expires.
   */
  public synchronized X509Certificate rollover() throws CaException {
    int next = line.current().record().generation() + 1;
    line.create(next);
    line.load();
    reissueCrl(line.current().caId());
    return currentCaCertificate();
  }
}
