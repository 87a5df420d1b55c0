package io.gdsvault.ca;

import io.gdsvault.ca.CaException.Reason;
import io.gdsvault.signer.IssuerSigner;
import io.gdsvault.signer.PortContentSigner;
import io.gdsvault.signer.SignerBackend;
import io.gdsvault.signer.SignerException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.util.IPAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuer CA of one certificate group and certificate type, above the {@link IssuerSigner} port.
 * It creates its CA on first start, issues OPC UA application certificates (Part 6 §6.2.2) from
 * CSRs or generated key pairs, keeps a CRL per CA generation, and rolls over to a new CA with
 * overlap. It never sees where the key lives.
 *
 * <p>Thread-safe: issuance runs concurrently; CRL and rollover operations are serialized.
 */
public final class CertificateAuthority {

  private static final Logger log = LoggerFactory.getLogger(CertificateAuthority.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Serials come from a DRBG per thread: the shared NativePRNG's lock is contended under load. */
  private static final ThreadLocal<SecureRandom> SERIAL_RANDOM =
      ThreadLocal.withInitial(io.gdsvault.signer.JcaKeySigner::newRandom);

  /** Issued certificates start a little in the past to tolerate clock skew between peers. */
  static final Duration BACKDATE = Duration.ofMinutes(5);

  private static final java.util.regex.Pattern DNS_NAME =
      java.util.regex.Pattern.compile(
          "^(?=.{1,253}$)[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?"
              + "(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?$");

  /**
   * One CA certificate with the signer of its key, and what every issuance under it reuses: the
   * issuer name, the authority key identifier and the issuer-dependent template checks.
   */
  private record Generation(
      CaGeneration record,
      X509Certificate certificate,
      IssuerSigner signer,
      X500Name issuerName,
      Extension authorityKeyId,
      TemplateCheck issuerChecks) {
    String caId() {
      return record.caId();
    }
  }

  private final CaConfig config;
  private final SignerBackend backend;
  private final CaStateStore store;
  private final Clock clock;
  private final int maxCsrBytes;
  private final CsrCheck keyFits;
  private final Extension keyUsage;
  private final Map<ApplicationType, Extension> extendedKeyUsage = extendedKeyUsages();
  private volatile List<Generation> generations = List.of(); // oldest first; non-empty once open

  private CertificateAuthority(
      CaConfig config, SignerBackend backend, CaStateStore store, Clock clock, int maxCsrBytes) {
    this.config = config;
    this.backend = backend;
    this.store = store;
    this.clock = clock;
    this.maxCsrBytes = maxCsrBytes;
    this.keyFits = CsrChecks.keyFits(config.certificateType());
    this.keyUsage = keyUsageFor(config.certificateType());
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
    ca.load();
    if (ca.generations.isEmpty()) {
      ca.createGeneration(1);
      ca.load();
    }
    for (Generation g : ca.trustedGenerations()) {
      if (store.latestCrl(g.caId()).isEmpty()) {
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
    load();
  }

  private void load() throws CaException {
    List<Generation> list = new ArrayList<>();
    for (CaGeneration rec : store.generations(config.caName())) {
      X509Certificate cert = parseCertificate(rec.certificateDer());
      IssuerSigner signer;
      try {
        signer =
            backend
                .findKey(rec.keyAlias())
                .orElseThrow(
                    () ->
                        new CaException(
                            Reason.SIGNER_UNAVAILABLE,
                            "issuer key "
                                + rec.keyAlias()
                                + " is missing from the "
                                + backend.kind()
                                + " backend"));
      } catch (SignerException e) {
        throw new CaException(Reason.SIGNER_UNAVAILABLE, e.getMessage(), e);
      }
      if (!signer.publicKey().equals(cert.getPublicKey())) {
        throw new CaException(
            Reason.SIGNER_UNAVAILABLE,
            "issuer key " + rec.keyAlias() + " does not match its CA certificate");
      }
      Extension aki;
      try {
        aki =
            new Extension(
                Extension.authorityKeyIdentifier,
                false,
                new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(cert).getEncoded());
      } catch (IOException | GeneralSecurityException e) {
        throw new CaException(Reason.STORE_FAILED, "CA certificate cannot be read", e);
      }
      list.add(
          new Generation(
              rec,
              cert,
              signer.withChain(List.of(cert)),
              X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()),
              aki,
              TemplateChecks.forIssuer(cert)));
    }
    list.sort(Comparator.comparingInt(g -> g.record().generation()));
    generations = List.copyOf(list);
  }

  private void createGeneration(int number) throws CaException {
    String alias = keyAlias(number);
    IssuerSigner signer;
    try {
      signer = backend.createKey(alias, config.issuerKey());
    } catch (SignerException e) {
      throw new CaException(Reason.SIGNER_UNAVAILABLE, e.getMessage(), e);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    X500Name name = generationName(x500(config.subject()), number);
    try {
      SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(signer.publicKey().getEncoded());
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      List<Extension> exts =
          List.of(
              new Extension(Extension.basicConstraints, true, new BasicConstraints(0).getEncoded()),
              new Extension(
                  Extension.keyUsage,
                  true,
                  new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature)
                      .getEncoded()),
              new Extension(
                  Extension.subjectKeyIdentifier,
                  false,
                  utils.createSubjectKeyIdentifier(spki).getEncoded()),
              new Extension(
                  Extension.authorityKeyIdentifier,
                  false,
                  utils.createAuthorityKeyIdentifier(spki).getEncoded()));
      CertificateTemplate t =
          new CertificateTemplate(
              name,
              newSerial(),
              now.minus(BACKDATE),
              now.plus(config.caLifetime()),
              name,
              spki,
              exts);
      X509Certificate cert = parseCertificate(sign(t, signer));
      CaGeneration rec = new CaGeneration(number, alias, alias, cert.getEncoded(), now);
      if (!store.addGeneration(config.caName(), rec)) {
        log.warn(
            "another node created CA generation {} of {} first; key {} is unused",
            number,
            config.caName(),
            alias);
        return;
      }
      log.info(
          "created issuer CA caName={} generation={} caId={} thumbprint={} notAfter={}",
          config.caName(),
          number,
          alias,
          thumbprint(cert),
          cert.getNotAfter().toInstant());
    } catch (IOException | GeneralSecurityException e) {
      throw new CaException(Reason.TEMPLATE_INVALID, "CA certificate could not be built", e);
    }
  }

  /**
   * Generation 1 carries the configured subject; later ones append " G<n>" to the CN, because
   * several OPC UA stacks and the JDK's CRL lookup find issuers and CRLs by name alone.
   */
  static X500Name generationName(X500Name configured, int number) throws CaException {
    if (number == 1) {
      return configured;
    }
    org.bouncycastle.asn1.x500.X500NameBuilder b =
        new org.bouncycastle.asn1.x500.X500NameBuilder(
            org.bouncycastle.asn1.x500.style.BCStyle.INSTANCE);
    boolean cnSeen = false;
    for (org.bouncycastle.asn1.x500.RDN rdn : configured.getRDNs()) {
      var first = rdn.getFirst();
      if (!cnSeen && first.getType().equals(org.bouncycastle.asn1.x500.style.BCStyle.CN)) {
        cnSeen = true;
        b.addRDN(first.getType(), first.getValue().toString() + " G" + number);
      } else if (rdn.isMultiValued()) {
        b.addMultiValuedRDN(rdn.getTypesAndValues());
      } else {
        b.addRDN(first);
      }
    }
    if (!cnSeen) {
      b.addRDN(org.bouncycastle.asn1.x500.style.BCStyle.SERIALNUMBER, "G" + number);
    }
    try {
      return b.build();
    } catch (RuntimeException e) {
      throw new CaException(Reason.INVALID_ARGUMENT, "CA subject cannot carry a generation", e);
    }
  }

  private String keyAlias(int number) {
    String base =
        (config.groupId() + "-" + config.certificateType().name())
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-");
    byte[] rnd = new byte[4];
    RANDOM.nextBytes(rnd);
    String alias = "gdsvault-" + base + "-g" + number + "-" + HexFormat.of().formatHex(rnd);
    return alias.length() > 120 ? alias.substring(alias.length() - 120) : alias;
  }

  // ---------------------------------------------------------------- trust material

  private Generation current() {
    return generations.get(generations.size() - 1);
  }

  private List<Generation> trustedGenerations() {
    Instant now = clock.instant();
    List<Generation> out = new ArrayList<>();
    for (Generation g : generations) {
      if (g.certificate().getNotAfter().toInstant().isAfter(now)) {
        out.add(g);
      }
    }
    return out;
  }

  /** The CA certificate now issuing. */
  public X509Certificate currentCaCertificate() {
    return current().certificate();
  }

  /** The id of the CA generation now issuing. */
  public String currentCaId() {
    return current().caId();
  }

  /** The chain that accompanies every certificate issued now (issuing CA first, root last). */
  public List<X509Certificate> issuerChain() {
    return current().signer().certificateChain();
  }

  /**
   * Every CA certificate still valid, newest first: after a rollover the old CA stays here (and so
   * in trust lists) until it expires.
   */
  public List<X509Certificate> trustedCaCertificates() {
    List<X509Certificate> out = new ArrayList<>();
    List<Generation> trusted = trustedGenerations();
    for (int i = trusted.size() - 1; i >= 0; i--) {
      out.add(trusted.get(i).certificate());
    }
    return out;
  }

  /** The issuer chain of a certificate this CA line issued (looked up by issuer key id). */
  public Optional<List<X509Certificate>> issuerChainFor(X509Certificate issued) {
    for (Generation g : generations) {
      if (g.certificate().getSubjectX500Principal().equals(issued.getIssuerX500Principal())) {
        try {
          issued.verify(g.certificate().getPublicKey());
          return Optional.of(g.signer().certificateChain());
        } catch (GeneralSecurityException e) {
          // another generation with the same subject
        }
      }
    }
    return Optional.empty();
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
    X500Name subject = request.subject() != null ? x500(request.subject()) : csr.subject();
    if (subject.getRDNs().length == 0) {
      throw new CaException(Reason.INVALID_ARGUMENT, "certificate subject is empty");
    }
    List<String> dns = request.dnsNames().isEmpty() ? csr.dnsNames() : request.dnsNames();
    List<String> ips = request.ipAddresses().isEmpty() ? csr.ipAddresses() : request.ipAddresses();
    return issue(
        csr.publicKeyInfo(),
        subject,
        request.applicationUri(),
        dns,
        ips,
        request.applicationType());
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
            SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()),
            x500(request.subject()),
            request.applicationUri(),
            request.dnsNames(),
            request.ipAddresses(),
            request.applicationType());
    return new IssuedKeyPair(issued, pair.getPrivate());
  }

  private IssuedCertificate issue(
      SubjectPublicKeyInfo spki,
      X500Name subject,
      String applicationUri,
      List<String> dnsNames,
      List<String> ipAddresses,
      ApplicationType appType)
      throws CaException {
    validateUri(applicationUri);
    Generation g = current();
    X509Certificate caCert = g.certificate();
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    if (!caCert.getNotAfter().toInstant().isAfter(now)) {
      throw new CaException(Reason.SIGNER_UNAVAILABLE, "the issuer CA has expired");
    }
    Instant notBefore = now.minus(BACKDATE);
    Instant notAfter = notBefore.plus(config.leafLifetime());
    Instant caEnd = caCert.getNotAfter().toInstant();
    if (notAfter.isAfter(caEnd)) {
      notAfter = caEnd;
    }
    List<Extension> exts =
        applicationExtensions(
            spki, g.authorityKeyId(), applicationUri, dnsNames, ipAddresses, appType);
    BigInteger serial = reserveSerial(g.caId());
    CertificateTemplate t =
        new CertificateTemplate(g.issuerName(), serial, notBefore, notAfter, subject, spki, exts);
    g.issuerChecks().check(t);
    TemplateChecks.applicationUriIs(applicationUri).check(t);
    byte[] der = sign(t, g.signer());
    IssuedCertificate issued =
        new IssuedCertificate(der, serial, notAfter, g.signer().certificateChain(), g.caId());
    if (log.isInfoEnabled()) {
      log.info(
          "issued caId={} serial={} thumbprint={} notAfter={}",
          g.caId(),
          serial.toString(16),
          issued.thumbprint(),
          notAfter);
    }
    return issued;
  }

  private List<Extension> applicationExtensions(
      SubjectPublicKeyInfo spki,
      Extension authorityKeyId,
      String applicationUri,
      List<String> dnsNames,
      List<String> ipAddresses,
      ApplicationType appType)
      throws CaException {
    List<ASN1Encodable> names = new ArrayList<>();
    names.add(new GeneralName(GeneralName.uniformResourceIdentifier, applicationUri));
    for (String dns : dnsNames) {
      if (!DNS_NAME.matcher(dns).matches()) {
        throw new CaException(Reason.INVALID_ARGUMENT, "invalid DNS name in request");
      }
      names.add(new GeneralName(GeneralName.dNSName, dns));
    }
    for (String ip : ipAddresses) {
      if (!IPAddress.isValid(ip)) {
        throw new CaException(Reason.INVALID_ARGUMENT, "invalid IP address in request");
      }
      names.add(new GeneralName(GeneralName.iPAddress, ip));
    }
    try {
      return List.of(
          LEAF_BASIC_CONSTRAINTS,
          keyUsage,
          extendedKeyUsage.get(appType),
          new Extension(
              Extension.subjectAlternativeName,
              false,
              new DERSequence(names.toArray(ASN1Encodable[]::new)).getEncoded()),
          subjectKeyIdentifier(spki),
          authorityKeyId);
    } catch (IOException | GeneralSecurityException e) {
      throw new CaException(
          Reason.TEMPLATE_INVALID, "certificate extensions could not be built", e);
    }
  }

  /** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING's value. */
  private static Extension subjectKeyIdentifier(SubjectPublicKeyInfo spki)
      throws IOException, GeneralSecurityException {
    byte[] keyId = MessageDigest.getInstance("SHA-1").digest(spki.getPublicKeyData().getBytes());
    return new Extension(
        Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyId).getEncoded());
  }

  private static final Extension LEAF_BASIC_CONSTRAINTS = leafBasicConstraints();

  private static Extension leafBasicConstraints() {
    try {
      return new Extension(
          Extension.basicConstraints, true, new BasicConstraints(false).getEncoded());
    } catch (IOException e) {
      throw new IllegalStateException("basicConstraints cannot be encoded", e);
    }
  }

  /** keyUsage by key type (Part 6 §6.2.2): the same for every certificate of this CA. */
  private static Extension keyUsageFor(CertificateType type) {
    int usage =
        type.isRsa()
            ? KeyUsage.digitalSignature
                | KeyUsage.nonRepudiation
                | KeyUsage.keyEncipherment
                | KeyUsage.dataEncipherment
            : KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.keyAgreement;
    try {
      return new Extension(Extension.keyUsage, true, new KeyUsage(usage).getEncoded());
    } catch (IOException e) {
      throw new IllegalStateException("keyUsage cannot be encoded", e);
    }
  }

  /** extendedKeyUsage by application type: serverAuth and/or clientAuth. */
  private static Map<ApplicationType, Extension> extendedKeyUsages() {
    Map<ApplicationType, Extension> out = new EnumMap<>(ApplicationType.class);
    for (ApplicationType appType : ApplicationType.values()) {
      List<KeyPurposeId> purposes = new ArrayList<>();
      if (appType.serverAuth()) {
        purposes.add(KeyPurposeId.id_kp_serverAuth);
      }
      if (appType.clientAuth()) {
        purposes.add(KeyPurposeId.id_kp_clientAuth);
      }
      try {
        out.put(
            appType,
            new Extension(
                Extension.extendedKeyUsage,
                false,
                new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new)).getEncoded()));
      } catch (IOException e) {
        throw new IllegalStateException("extendedKeyUsage cannot be encoded", e);
      }
    }
    return out;
  }

  private BigInteger reserveSerial(String caId) throws CaException {
    for (int attempt = 0; attempt < 8; attempt++) {
      BigInteger serial = newSerial();
      if (store.reserveSerial(caId, serial)) {
        return serial;
      }
    }
    throw new CaException(Reason.STORE_FAILED, "no unused serial number could be reserved");
  }

  /** 127 random bits, positive, fixed length of 16 octets (RFC 5280 allows up to 20). */
  static BigInteger newSerial() {
    byte[] b = new byte[16];
    SERIAL_RANDOM.get().nextBytes(b);
    b[0] &= 0x7F;
    b[0] |= 0x40;
    return new BigInteger(1, b);
  }

  // ---------------------------------------------------------------- revocation and CRLs

  /**
   * Revokes {@code serial} in whichever generation issued it and re-issues that CA's CRL at once.
   *
   * @throws CaException NOT_FOUND if no generation of this CA line issued the serial
   */
  public RevokedEntry revoke(BigInteger serial) throws CaException {
    List<Generation> all = generations;
    for (int i = all.size() - 1; i >= 0; i--) {
      Generation g = all.get(i);
      if (store.serialReserved(g.caId(), serial)) {
        return revoke(g.caId(), serial);
      }
    }
    throw new CaException(
        Reason.NOT_FOUND, "no certificate with this serial number was issued here");
  }

  /** Revokes {@code serial} of CA {@code caId} and re-issues its CRL immediately. */
  public synchronized RevokedEntry revoke(String caId, BigInteger serial) throws CaException {
    generation(caId);
    RevokedEntry entry = new RevokedEntry(serial, clock.instant().truncatedTo(ChronoUnit.SECONDS));
    if (store.addRevoked(caId, entry)) {
      log.info("revoked caId={} serial={}", caId, serial.toString(16));
      reissueCrl(caId);
      return entry;
    }
    return store.revoked(caId).stream()
        .filter(r -> r.serialNumber().equals(serial))
        .findFirst()
        .orElse(entry);
  }

  /** The latest CRL of the issuing CA. */
  public X509CRL currentCrl() throws CaException {
    return crl(current().caId());
  }

  /** The latest CRL of CA {@code caId}. */
  public X509CRL crl(String caId) throws CaException {
    Optional<StoredCrl> stored = store.latestCrl(caId);
    if (stored.isEmpty()) {
      return reissueCrl(caId);
    }
    return parseCrl(stored.get().der());
  }

  /** The latest CRL of every trusted CA generation, newest CA first (for trust lists). */
  public List<X509CRL> crls() throws CaException {
    List<X509CRL> out = new ArrayList<>();
    List<Generation> trusted = trustedGenerations();
    for (int i = trusted.size() - 1; i >= 0; i--) {
      out.add(crl(trusted.get(i).caId()));
    }
    return out;
  }

  /** When the next CRL re-issue is due: the earliest nextUpdate minus crlReissueBefore. */
  public Instant nextCrlReissueAt() throws CaException {
    Instant earliest = Instant.MAX;
    for (Generation g : trustedGenerations()) {
      Optional<StoredCrl> stored = store.latestCrl(g.caId());
      if (stored.isEmpty()) {
        return clock.instant();
      }
      Date next = parseCrl(stored.get().der()).getNextUpdate();
      Instant due = next.toInstant().minus(config.crlReissueBefore());
      if (due.isBefore(earliest)) {
        earliest = due;
      }
    }
    return earliest;
  }

  /** Whether some trusted CA's CRL should be re-issued now. */
  public boolean crlReissueDue() throws CaException {
    return !nextCrlReissueAt().isAfter(clock.instant());
  }

  /** Re-issues the CRLs that are due; returns the new ones. Call it from a scheduler. */
  public synchronized List<X509CRL> reissueDueCrls() throws CaException {
    List<X509CRL> out = new ArrayList<>();
    Instant now = clock.instant();
    for (Generation g : trustedGenerations()) {
      Optional<StoredCrl> stored = store.latestCrl(g.caId());
      boolean due =
          stored.isEmpty()
              || !parseCrl(stored.get().der())
                  .getNextUpdate()
                  .toInstant()
                  .minus(config.crlReissueBefore())
                  .isAfter(now);
      if (due) {
        out.add(reissueCrl(g.caId()));
      }
    }
    return out;
  }

  /** Issues a new CRL for {@code caId} with the next CRL number and persists it. */
  public synchronized X509CRL reissueCrl(String caId) throws CaException {
    Generation g = generation(caId);
    long number = store.nextCrlNumber(caId);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    X509Certificate caCert = g.certificate();
    X509v2CRLBuilder b =
        new X509v2CRLBuilder(
            X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded()), Date.from(now));
    b.setNextUpdate(Date.from(now.plus(config.crlLifetime())));
    for (RevokedEntry r : store.revoked(caId)) {
      b.addCRLEntry(
          r.serialNumber(), Date.from(r.revokedAt()), (org.bouncycastle.asn1.x509.Extensions) null);
    }
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
      b.addExtension(
          Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(caCert));
      X509CRLHolder holder;
      try {
        holder = b.build(new PortContentSigner(g.signer()));
      } catch (RuntimeException e) {
        SignerException se = PortContentSigner.unwrap(e);
        throw new CaException(Reason.SIGNER_UNAVAILABLE, se.getMessage(), se);
      }
      byte[] der = holder.getEncoded();
      store.saveCrl(caId, new StoredCrl(number, der));
      log.info(
          "issued CRL caId={} crlNumber={} nextUpdate={}",
          caId,
          number,
          now.plus(config.crlLifetime()));
      return parseCrl(der);
    } catch (IOException | GeneralSecurityException e) {
      throw new CaException(Reason.TEMPLATE_INVALID, "CRL could not be built", e);
    }
  }

  // ---------------------------------------------------------------- rollover

  /** Whether the issuing CA is within {@code renewBefore} of its expiry. */
  public boolean renewalDue() {
    Instant end = currentCaCertificate().getNotAfter().toInstant();
    return !end.minus(config.renewBefore()).isAfter(clock.instant());
  }

  /**
   * Creates a new CA generation (new key, new CA certificate, first CRL) that issues from now on.
   * The previous CA stays trusted, with its CRL maintained, until it expires.
   */
  public synchronized X509Certificate rollover() throws CaException {
    int next = current().record().generation() + 1;
    createGeneration(next);
    load();
    reissueCrl(current().caId());
    return currentCaCertificate();
  }

  // ---------------------------------------------------------------- helpers

  private Generation generation(String caId) throws CaException {
    for (Generation g : generations) {
      if (g.caId().equals(caId)) {
        return g;
      }
    }
    throw new CaException(Reason.NOT_FOUND, "no CA with this id");
  }

  /**
   * Encodes the template's TBSCertificate once, has the port sign exactly those bytes, and appends
   * the algorithm and signature: {@code Certificate ::= SEQUENCE { tbsCertificate,
   * signatureAlgorithm, signatureValue BIT STRING }} (RFC 5280 §4.1). Building the BouncyCastle
   * holder and encoding it again would encode the TBSCertificate twice.
   */
  private static byte[] sign(CertificateTemplate t, IssuerSigner signer) throws CaException {
    AlgorithmIdentifier algorithm = signer.signatureAlgorithm().algorithmIdentifier();
    byte[] tbs;
    byte[] algorithmDer;
    try {
      tbs = t.tbsDer(algorithm);
      algorithmDer = algorithm.getEncoded(ASN1Encoding.DER);
    } catch (IOException | RuntimeException e) {
      throw new CaException(Reason.TEMPLATE_INVALID, "certificate could not be encoded", e);
    }
    byte[] signature;
    try {
      signature = signer.sign(tbs);
    } catch (SignerException e) {
      throw new CaException(Reason.SIGNER_UNAVAILABLE, e.getMessage(), e);
    }
    int bitStringLength = signature.length + 1; // leading octet: 0 unused bits
    byte[] bitHeader = derHeader(0x03, bitStringLength);
    int body = tbs.length + algorithmDer.length + bitHeader.length + bitStringLength;
    byte[] header = derHeader(0x30, body);
    byte[] der = new byte[header.length + body];
    int at = 0;
    System.arraycopy(header, 0, der, at, header.length);
    at += header.length;
    System.arraycopy(tbs, 0, der, at, tbs.length);
    at += tbs.length;
    System.arraycopy(algorithmDer, 0, der, at, algorithmDer.length);
    at += algorithmDer.length;
    System.arraycopy(bitHeader, 0, der, at, bitHeader.length);
    at += bitHeader.length;
    der[at++] = 0;
    System.arraycopy(signature, 0, der, at, signature.length);
    return der;
  }

  /** A DER tag and definite length. */
  static byte[] derHeader(int tag, int length) {
    if (length < 0x80) {
      return new byte[] {(byte) tag, (byte) length};
    }
    int octets = length > 0xFFFFFF ? 4 : length > 0xFFFF ? 3 : length > 0xFF ? 2 : 1;
    byte[] h = new byte[2 + octets];
    h[0] = (byte) tag;
    h[1] = (byte) (0x80 | octets);
    for (int i = 0; i < octets; i++) {
      h[2 + i] = (byte) (length >>> (8 * (octets - 1 - i)));
    }
    return h;
  }

  private static void validateUri(String uri) throws CaException {
    if (uri == null || uri.isBlank()) {
      throw new CaException(Reason.INVALID_ARGUMENT, "ApplicationUri is required");
    }
    try {
      if (new URI(uri).getScheme() == null) {
        throw new CaException(Reason.INVALID_ARGUMENT, "ApplicationUri must be an absolute URI");
      }
    } catch (URISyntaxException e) {
      throw new CaException(Reason.INVALID_ARGUMENT, "ApplicationUri is not a valid URI", e);
    }
  }

  private static X500Name x500(String name) throws CaException {
    try {
      return new X500Name(name);
    } catch (RuntimeException e) {
      throw new CaException(Reason.INVALID_ARGUMENT, "subject is not a valid X.500 name", e);
    }
  }

  private static final ThreadLocal<CertificateFactory> X509 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return CertificateFactory.getInstance("X.509");
            } catch (CertificateException e) {
              throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
            }
          });

  static X509Certificate parseCertificate(byte[] der) throws CaException {
    try {
      return (X509Certificate) X509.get().generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new CaException(Reason.STORE_FAILED, "stored certificate cannot be parsed", e);
    }
  }

  static X509CRL parseCrl(byte[] der) throws CaException {
    try {
      return (X509CRL)
          CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw new CaException(Reason.STORE_FAILED, "stored CRL cannot be parsed", e);
    }
  }

  /** SHA-1 thumbprint in hex, as OPC UA names certificates. */
  public static String thumbprint(X509Certificate cert) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(cert.getEncoded()));
    } catch (GeneralSecurityException e) {
      return "unavailable";
    }
  }

  /** Whether {@code key} is the public key of the issuing CA. */
  public boolean isIssuerKey(PublicKey key) {
    return current().signer().publicKey().equals(key);
  }
}
