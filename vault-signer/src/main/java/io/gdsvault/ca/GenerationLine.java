package io.gdsvault.ca;

import io.gdsvault.ca.CaException.Reason;
import io.gdsvault.signer.IssuerSigner;
import io.gdsvault.signer.SignerBackend;
import io.gdsvault.signer.SignerException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CA generations of one CA line, oldest first: read from the {@link CaStateStore} with their
 * keys found in the {@link SignerBackend}, created on first start and at each rollover. The newest
 * generation issues; every generation whose certificate is still valid stays trusted.
 *
 * <p>Readers see an immutable snapshot; {@link #load} and {@link #create} are serialized by the
 * caller.
 */
final class GenerationLine {

  private static final Logger log = LoggerFactory.getLogger(GenerationLine.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final CaConfig config;
  private final SignerBackend backend;
  private final CaStateStore store;
  private final Clock clock;
  private volatile List<OpenGeneration> generations = List.of(); // oldest first

  GenerationLine(CaConfig config, SignerBackend backend, CaStateStore store, Clock clock) {
    this.config = config;
    this.backend = backend;
    this.store = store;
    this.clock = clock;
  }

  /** (Re-)reads the generations from the store and finds their keys. */
  void load() throws CaException {
    List<OpenGeneration> list = new ArrayList<>();
    for (CaGeneration rec : store.generations(config.caName())) {
      list.add(open(rec));
    }
    list.sort(Comparator.comparingInt(g -> g.record().generation()));
    generations = List.copyOf(list);
  }

  boolean isEmpty() {
    return generations.isEmpty();
  }

  /** The generation now issuing: the newest. */
  OpenGeneration current() {
    List<OpenGeneration> all = generations;
    return all.get(all.size() - 1);
  }

  /** Every generation, oldest first. */
  List<OpenGeneration> all() {
    return generations;
  }

  /** The generations whose CA certificate is still valid, oldest first. */
  List<OpenGeneration> trusted() {
    Instant now = clock.instant();
    List<OpenGeneration> out = new ArrayList<>();
    for (OpenGeneration g : generations) {
      if (g.validAt(now)) {
        out.add(g);
      }
    }
    return out;
  }

  /**
   * The generation with id {@code caId}.
   *
   * @throws CaException NOT_FOUND if this line has none
   */
  OpenGeneration byId(String caId) throws CaException {
    for (OpenGeneration g : generations) {
      if (g.caId().equals(caId)) {
        return g;
      }
    }
    throw new CaException(Reason.NOT_FOUND, "no CA with this id");
  }

  /** The issuer chain of a certificate some generation signed (same name, verifying key). */
  Optional<List<X509Certificate>> issuerChainFor(X509Certificate issued) {
    for (OpenGeneration g : generations) {
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

  private OpenGeneration open(CaGeneration rec) throws CaException {
    X509Certificate cert = Certificates.parse(rec.certificateDer());
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
    return new OpenGeneration(
        rec,
        cert,
        signer.withChain(List.of(cert)),
        X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()),
        extension(
            Extension.authorityKeyIdentifier, false, Certificates.authorityKeyIdentifier(cert)),
        TemplateChecks.forIssuer(cert));
  }

  /**
   * Creates generation {@code number}: a new key in the backend and its self-signed CA certificate,
   * saved to the store. If another node saved that generation first, the new key stays unused and
   * {@link #load} picks up the other node's.
   */
  void create(int number) throws CaException {
    String alias = keyAlias(number);
    IssuerSigner signer;
    try {
      signer = backend.createKey(alias, config.issuerKey());
    } catch (SignerException e) {
      throw new CaException(Reason.SIGNER_UNAVAILABLE, e.getMessage(), e);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    X500Name name = generationName(Certificates.x500Name(config.subject()), number);
    SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(signer.publicKey().getEncoded());
    CertificateTemplate t =
        new CertificateTemplate(
            name,
            SerialNumbers.random(),
            now.minus(LeafProfile.BACKDATE),
            now.plus(config.caLifetime()),
            name,
            spki,
            caExtensions(spki));
    X509Certificate cert = Certificates.parse(SignedDer.certificate(t, signer));
    CaGeneration rec = new CaGeneration(number, alias, alias, encoded(cert), now);
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
        Certificates.thumbprint(cert),
        cert.getNotAfter().toInstant());
  }

  /**
   * The CA certificate profile: basicConstraints critical CA:true with pathLen 0, keyUsage critical
   * keyCertSign, cRLSign and digitalSignature, and SKI and AKI naming its own key.
   */
  private static List<Extension> caExtensions(SubjectPublicKeyInfo spki) throws CaException {
    byte[] keyId = Certificates.keyId(spki);
    return List.of(
        extension(Extension.basicConstraints, true, new BasicConstraints(0)),
        extension(
            Extension.keyUsage,
            true,
            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature)),
        extension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyId)),
        extension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(keyId)));
  }

  private static Extension extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Object value)
      throws CaException {
    try {
      return new Extension(oid, critical, value.getEncoded());
    } catch (IOException e) {
      throw new CaException(Reason.TEMPLATE_INVALID, "CA certificate could not be built", e);
    }
  }

  private static byte[] encoded(X509Certificate cert) throws CaException {
    try {
      return cert.getEncoded();
    } catch (CertificateEncodingException e) {
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
    X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
    boolean cnSeen = false;
    for (RDN rdn : configured.getRDNs()) {
      var first = rdn.getFirst();
      if (!cnSeen && first.getType().equals(BCStyle.CN)) {
        cnSeen = true;
        b.addRDN(first.getType(), first.getValue().toString() + " G" + number);
      } else if (rdn.isMultiValued()) {
        b.addMultiValuedRDN(rdn.getTypesAndValues());
      } else {
        b.addRDN(first);
      }
    }
    if (!cnSeen) {
      b.addRDN(BCStyle.SERIALNUMBER, "G" + number);
    }
    try {
      return b.build();
    } catch (RuntimeException e) {
      throw new CaException(Reason.INVALID_ARGUMENT, "CA subject cannot carry a generation", e);
    }
  }

  /** A fresh backend key alias (also the CA id): group, type, generation and 32 random bits. */
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
}
