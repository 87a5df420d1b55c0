package io.gdsvault.sim.pull;

import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.net.HostNames;
import io.gdsvault.gds.model.ua.ApplicationRecordDataType;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.model.x509.Certificates;
import io.gdsvault.sim.push.CertificateCodec;
import io.gdsvault.sim.push.PkiDirectory;
import io.gdsvault.sim.push.ServerConfigurationSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.TrustListDataType;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device pulling its application certificate from a GDS (Part 12 §7.9): finds or registers its
 * application, starts a signing request (key made here) or a new key pair request (key made by the
 * GDS, PEM or PFX with a one-time password kept in memory), polls FinishRequest with exponential
 * backoff while the request waits for approval, checks the result (URI, key, chain to the CA of the
 * GDS TrustList with its CRLs), installs certificate, key, CAs and CRLs into the PKI folder in one
 * atomic commit, and reconnects to the GDS with the new certificate.
 *
 * <p>State changes go to the status sink as one line each (not one per poll).
 */
public final class PullClient {

  private static final Logger log = LoggerFactory.getLogger(PullClient.class);

  /** Prefix of the trust files this client writes; other files in those folders are kept. */
  static final String GDS_FILE_PREFIX = "gds-";

  static final String APPLICATION_FILE = "application.pem";

  private final PullSettings settings;
  private final Clock clock;
  private final Consumer<String> status;

  /** What a run ended with. */
  public record Outcome(
      X509Certificate certificate,
      @Nullable NodeId applicationId,
      boolean pulled,
      Instant renewalDue) {}

  private record Identity(
      KeyPair keyPair,
      @SuppressWarnings("ArrayRecordComponent") // Milo takes the chain as an array; never compared
          X509Certificate[] chain) {
    X509Certificate certificate() {
      return chain[0];
    }
  }

  public PullClient(PullSettings settings, Clock clock, Consumer<String> status) {
    this.settings = settings;
    this.clock = clock;
    this.status = status;
    ServerConfigurationSupport.ensureBouncyCastle();
  }

  public PullSettings settings() {
    return settings;
  }

  /**
   * Pulls when the device has no certificate from a CA yet or its renewal point has passed;
   * otherwise only says when renewal is due.
   */
  public Outcome runOnce() throws PullException, IOException, InterruptedException {
    PkiDirectory pki = PkiDirectory.open(settings.pkiDir());
    Identity current = loadIdentity(pki);
    if (current != null && !isSelfSigned(current.certificate())) {
      Instant due = RenewalSchedule.renewalDue(current.certificate(), settings.renewAt());
      if (clock.instant().isBefore(due)) {
        status.accept(
            "certificate "
                + Certificates.thumbprint(current.certificate())
                + " is valid until "
                + current.certificate().getNotAfter().toInstant()
                + "; renewal is due at "
                + due
                + ", nothing to do");
        return new Outcome(current.certificate(), null, false, due);
      }
      status.accept(
          "certificate "
              + Certificates.thumbprint(current.certificate())
              + " reached its renewal point "
              + due
              + ": renewing");
    }
    return pull();
  }

  /** Runs until interrupted: pulls when due, then sleeps until the renewal point. */
  public void runForever() throws PullException, IOException, InterruptedException {
    Duration firstRetry =
        settings.pollMax().compareTo(Duration.ofMinutes(1)) > 0
            ? settings.pollMax()
            : Duration.ofMinutes(1);
    Backoff retries = new Backoff(firstRetry, Duration.ofHours(1));
    while (!Thread.currentThread().isInterrupted()) {
      Outcome o;
      try {
        o = runOnce();
        retries = new Backoff(firstRetry, Duration.ofHours(1));
      } catch (PullException e) {
        // a device whose certificate is still valid keeps it and tries again later; a device
        // without one (first enrollment) fails at once so that the operator sees why
        Identity current = loadIdentity(PkiDirectory.open(settings.pkiDir()));
        if (current == null
            || isSelfSigned(current.certificate())
            || !stillValid(current.certificate())) {
          throw e;
        }
        // a rejected renewal is not filed again every minute: the wait doubles up to an hour
        Duration retry = retries.next();
        status.accept(
            "renewal failed: "
                + e.getMessage()
                + "; the current certificate stays in use, retrying in "
                + fmt(retry));
        Thread.sleep(retry.toMillis());
        continue;
      }
      Duration sleep = Duration.between(clock.instant(), o.renewalDue());
      status.accept("sleeping until the renewal point " + o.renewalDue());
      // at least a second: a certificate that is due at once must not make the loop spin
      Thread.sleep(Math.max(1000, sleep.toMillis()));
    }
    throw new InterruptedException();
  }

  /** One complete pull, regardless of the current certificate. */
  public Outcome pull() throws PullException, IOException, InterruptedException {
    PkiDirectory pki = PkiDirectory.open(settings.pkiDir());
    Identity identity = loadIdentity(pki);
    String uri = settings.applicationUri();
    if (identity == null) {
      if (uri == null) {
        uri = defaultUri();
      }
      identity = createSelfSigned(pki, uri);
    } else if (uri == null) {
      uri = CertificateUtil.getSanUri(identity.certificate()).orElse(defaultUri());
    }
    Path pins = settings.pkiDir().resolve(GdsClient.PINS_FILE);

    Issued issued;
    NodeId applicationId;
    TrustListDataType trustList;
    try (GdsClient gds = connect(identity, settings.user(), settings.password(), pins)) {
      Issued resumed = null;
      NodeId resumedApp = null;
      var pending = PendingRequest.load(pki);
      if (pending.isPresent()) {
        var p = pending.get();
        var key = PendingRequest.key(pki);
        if (settings.keyFormat() == PullSettings.KeyFormat.CSR
            && settings.gdsUrl().equals(p.gdsUrl())
            && uri.equals(p.applicationUri())
            && key.isPresent()) {
          status.accept(
              "resuming request " + p.requestId().toParseableString() + " filed before a restart");
          resumed = resume(gds, pki, p, key.get());
          resumedApp = p.applicationId();
        } else {
          PendingRequest.clear(pki);
        }
      }
      if (resumed != null && resumedApp != null) {
        applicationId = resumedApp;
        issued = resumed;
      } else {
        applicationId = findOrRegister(gds, uri);
        issued = request(gds, pki, applicationId, uri);
      }
      trustList = trustList(gds, applicationId);
    } catch (UaException e) {
      throw new PullException("the GDS at " + settings.gdsUrl() + " failed: " + describe(e), e);
    }

    Identity fresh = verify(issued, trustList, uri);
    install(pki, fresh, issued.issuers(), trustList);
    PendingRequest.clear(pki);
    Instant due = RenewalSchedule.renewalDue(fresh.certificate(), settings.renewAt());
    status.accept(
        "installed certificate "
            + Certificates.thumbprint(fresh.certificate())
            + " (notAfter "
            + fresh.certificate().getNotAfter().toInstant()
            + ", "
            + length(trustList.getTrustedCertificates())
            + " trusted CA certificate(s), "
            + length(trustList.getTrustedCrls())
            + " CRL(s)) in "
            + pki.root());
    reconnect(fresh, applicationId, uri, pins);
    return new Outcome(fresh.certificate(), applicationId, true, due);
  }

  // ------------------------------------------------------------------ steps

  private GdsClient connect(
      Identity identity, @Nullable String user, char @Nullable [] password, Path pins)
      throws PullException {
    try {
      return GdsClient.open(
          settings.gdsUrl(),
          CertificateUtil.getSanUri(identity.certificate()).orElse(""),
          identity.keyPair(),
          identity.chain(),
          user,
          password,
          pins,
          settings.gdsThumbprint());
    } catch (UaException e) {
      long code = e.getStatusCode().getValue();
      if (user != null
          && (code == StatusCodes.Bad_UserAccessDenied
              || code == StatusCodes.Bad_IdentityTokenRejected
              || code == StatusCodes.Bad_IdentityTokenInvalid)) {
        throw new PullException(
            "the GDS at "
                + settings.gdsUrl()
                + " refused the login of user '"
                + user
                + "' ("
                + name(e.getStatusCode())
                + "); check --user and --password-file",
            e);
      }
      throw new PullException(
          "cannot connect to the GDS at " + settings.gdsUrl() + ": " + describe(e), e);
    }
  }

  private NodeId findOrRegister(GdsClient gds, String uri) throws UaException, PullException {
    GdsClient.Result found = gds.callDirectory(GdsNodeIds.FindApplications, new Variant(uri));
    if (!found.good()) {
      throw new PullException("FindApplications failed: " + name(found.status()));
    }
    Object value = found.outputs().length == 0 ? null : found.outputs()[0].value();
    if (value instanceof ExtensionObject[] records && records.length > 0) {
      var record =
          (ApplicationRecordDataType) records[0].decode(gds.client().getStaticEncodingContext());
      NodeId id = record.getApplicationId();
      status.accept("found application " + uri + " as " + id.toParseableString());
      return id;
    }
    boolean server = !settings.discoveryUrls().isEmpty();
    var record =
        new ApplicationRecord(
            null,
            uri,
            server ? ApplicationType.CLIENT_AND_SERVER : ApplicationType.CLIENT,
            List.of(new LocalizedName("en", settings.applicationName())),
            "urn:gdsvault:device-sim",
            settings.discoveryUrls(),
            List.of());
    ExtensionObject encoded =
        ExtensionObject.encode(
            gds.client().getStaticEncodingContext(),
            ApplicationRecordMapper.toUa(record, gds.gdsNamespace()));
    GdsClient.Result reg = gds.callDirectory(GdsNodeIds.RegisterApplication, new Variant(encoded));
    if (!reg.good()) {
      String hint =
          reg.code() == StatusCodes.Bad_UserAccessDenied
              ? " (registering needs a --user with the DiscoveryAdmin role)"
              : "";
      throw new PullException(
          "cannot register application " + uri + ": " + name(reg.status()) + hint);
    }
    NodeId id = reg.output(0, NodeId.class);
    status.accept("registered application " + uri + " as " + id.toParseableString());
    return id;
  }

  /** What FinishRequest delivered, with the locally made key (CSR) or the opened GDS key. */
  private record Issued(
      X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> issuers) {}

  /**
   * Polls a request filed before a restart; null when the GDS no longer knows it or has already
   * delivered it (a new request is filed then).
   */
  private @Nullable Issued resume(
      GdsClient gds, PkiDirectory pki, PendingRequest.State p, PrivateKey key)
      throws UaException, PullException, InterruptedException, IOException {
    GdsClient.Result done;
    try {
      done = awaitFinish(gds, p.applicationId(), p.requestId(), true);
    } catch (PullException e) {
      PendingRequest.clear(pki);
      throw e;
    }
    if (!done.good()) {
      PendingRequest.clear(pki);
      status.accept(
          "request " + p.requestId().toParseableString() + " is no longer open; filing a new one");
      return null;
    }
    return issued(done, PullSettings.KeyFormat.CSR, key, null);
  }

  private Issued issued(
      GdsClient.Result done,
      PullSettings.KeyFormat format,
      @Nullable PrivateKey localKey,
      char @Nullable [] password)
      throws UaException, PullException {
    X509Certificate cert = CertificateCodec.decodeCertificate(bytes(done.outputs()[0]));
    List<X509Certificate> issuers =
        done.outputs().length > 2 && done.outputs()[2].value() instanceof ByteString[] list
            ? CertificateCodec.decodeCertificates(list)
            : List.of();
    PrivateKey key =
        localKey != null
            ? localKey
            : KeyMaterial.openDeliveredKey(
                format,
                bytes(done.outputs()[1]),
                Objects.requireNonNull(
                    password, "a key pair made by the GDS comes with a password"));
    return new Issued(cert, key, issuers);
  }

  private Issued request(GdsClient gds, PkiDirectory pki, NodeId applicationId, String uri)
      throws UaException, PullException, InterruptedException, IOException {
    PullSettings.KeyFormat format = settings.keyFormat();
    String subject = "CN=" + escape(settings.applicationName()) + ", O=GDS Vault device-sim";
    KeyPair localKey = null;
    char[] password = null;
    GdsClient.Result started;
    if (format == PullSettings.KeyFormat.CSR) {
      try {
        localKey = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
      } catch (Exception e) {
        throw new PullException("cannot generate an RSA key pair");
      }
      byte[] csr = KeyMaterial.csr(localKey, subject, uri, settings.hostnames());
      started =
          gds.callDirectory(
              GdsNodeIds.StartSigningRequest,
              new Variant(applicationId),
              new Variant(NodeId.NULL_VALUE),
              new Variant(NodeId.NULL_VALUE),
              new Variant(ByteString.of(csr)));
    } else {
      password = KeyMaterial.randomPassword();
      started =
          gds.callDirectory(
              GdsNodeIds.StartNewKeyPairRequest,
              new Variant(applicationId),
              new Variant(NodeId.NULL_VALUE),
              new Variant(NodeId.NULL_VALUE),
              new Variant(subject),
              new Variant(settings.hostnames().toArray(new String[0])),
              new Variant(format.name()),
              new Variant(new String(password)));
    }
    try {
      if (!started.good()) {
        String hint =
            started.code() == StatusCodes.Bad_UserAccessDenied
                ? " (a device without a GDS certificate needs a --user with the"
                    + " CertificateAuthorityAdmin role)"
                : "";
        throw new PullException(
            "the GDS refused the certificate request: " + name(started.status()) + hint);
      }
      NodeId requestId = started.output(0, NodeId.class);
      status.accept(
          "request "
              + requestId.toParseableString()
              + " submitted ("
              + (format == PullSettings.KeyFormat.CSR
                  ? "signing request"
                  : "new key pair, " + format)
              + ")");
      if (localKey != null) {
        PendingRequest.save(
            pki,
            new PendingRequest.State(settings.gdsUrl(), uri, applicationId, requestId),
            localKey.getPrivate());
      }
      GdsClient.Result done;
      try {
        done = awaitFinish(gds, applicationId, requestId, false);
      } catch (PullException e) {
        PendingRequest.clear(pki);
        throw e;
      }
      return issued(done, format, localKey == null ? null : localKey.getPrivate(), password);
    } finally {
      if (password != null) {
        Arrays.fill(password, '\0');
      }
    }
  }

  private enum PollState {
    WAITING,
    UNREACHABLE
  }

  /**
   * Polls FinishRequest until the request is delivered; for a resumed request, the failed result
   * when the GDS does not know it any more or has delivered it already.
   */
  private GdsClient.Result awaitFinish(
      GdsClient gds, NodeId applicationId, NodeId requestId, boolean resumed)
      throws PullException, InterruptedException {
    Backoff backoff = new Backoff(settings.pollInitial(), settings.pollMax());
    Duration timeout = settings.approvalTimeout();
    Instant started = clock.instant();
    PollState last = null;
    String id = requestId.toParseableString();
    while (true) {
      PollState now;
      try {
        GdsClient.Result r =
            gds.callDirectory(
                GdsNodeIds.FinishRequest, new Variant(applicationId), new Variant(requestId));
        if (r.good()) {
          if (last != null) {
            status.accept("request " + id + " approved");
          }
          return r;
        }
        long code = r.code();
        if (code == StatusCodes.Bad_RequestNotAllowed) {
          throw new PullException(
              "request " + id + " was rejected by the GDS (Bad_RequestNotAllowed)");
        }
        if (resumed
            && (code == StatusCodes.Bad_InvalidArgument
                || code == StatusCodes.Bad_NotFound
                || code == StatusCodes.Bad_NodeIdUnknown)) {
          return r;
        }
        if (code != StatusCodes.Bad_NothingToDo) {
          throw new PullException("FinishRequest for " + id + " failed: " + name(r.status()));
        }
        now = PollState.WAITING;
      } catch (UaException e) {
        // transport trouble: Milo reconnects the session in the background; keep polling
        now = PollState.UNREACHABLE;
        if (now != last) {
          log.warn("FinishRequest for {} failed ({}); retrying", id, describe(e));
        }
      }
      if (now != last) {
        status.accept(
            now == PollState.WAITING
                ? "request "
                    + id
                    + " is waiting for approval (polling every "
                    + fmt(settings.pollInitial())
                    + " up to "
                    + fmt(settings.pollMax())
                    + ")"
                : "the GDS cannot be reached; retrying");
        last = now;
      }
      if (timeout != null && clock.instant().isAfter(started.plus(timeout))) {
        throw new PullException(
            "gave up waiting for approval of request " + id + " after " + fmt(timeout));
      }
      Thread.sleep(backoff.next().toMillis());
    }
  }

  private TrustListDataType trustList(GdsClient gds, NodeId applicationId)
      throws UaException, PullException {
    GdsClient.Result r =
        gds.callDirectory(
            GdsNodeIds.GetTrustList, new Variant(applicationId), new Variant(NodeId.NULL_VALUE));
    if (!r.good()) {
      throw new PullException("GetTrustList failed: " + name(r.status()));
    }
    return gds.readTrustList(r.output(0, NodeId.class));
  }

  /** The local checks before anything is written: URI, key, chain and revocation. */
  private Identity verify(Issued issued, TrustListDataType trustList, String uri)
      throws PullException {
    X509Certificate cert = issued.certificate();
    String certUri = CertificateUtil.getSanUri(cert).orElse(null);
    if (!uri.equals(certUri)) {
      throw new PullException("the issued certificate carries the URI " + certUri + ", not " + uri);
    }
    if (!CertificateCodec.matches(cert.getPublicKey(), issued.privateKey())) {
      throw new PullException("the private key does not match the issued certificate");
    }
    try {
      List<X509Certificate> trusted =
          CertificateCodec.decodeCertificates(trustList.getTrustedCertificates());
      List<X509Certificate> intermediates =
          new ArrayList<>(CertificateCodec.decodeCertificates(trustList.getIssuerCertificates()));
      intermediates.addAll(issued.issuers());
      List<X509CRL> crls = new ArrayList<>(CertificateCodec.decodeCrls(trustList.getTrustedCrls()));
      crls.addAll(CertificateCodec.decodeCrls(trustList.getIssuerCrls()));
      Set<TrustAnchor> anchors = new HashSet<>();
      for (X509Certificate c : trusted) {
        anchors.add(new TrustAnchor(c, null));
      }
      if (anchors.isEmpty()) {
        throw new PullException(
            "the GDS trust list holds no CA certificate to check the issued certificate against");
      }
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(cert);
      PKIXBuilderParameters p = new PKIXBuilderParameters(anchors, target);
      List<Object> store = new ArrayList<>(intermediates);
      store.add(cert);
      store.addAll(crls);
      p.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
      p.setRevocationEnabled(!crls.isEmpty());
      p.setDate(java.util.Date.from(clock.instant()));
      var built = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(p);
      CertPathValidator.getInstance("PKIX").validate(built.getCertPath(), p);
      List<X509Certificate> chain = new ArrayList<>();
      for (var c : built.getCertPath().getCertificates()) {
        chain.add((X509Certificate) c);
      }
      X509Certificate anchor = built.getTrustAnchor().getTrustedCert();
      if (!chain.contains(anchor)) {
        chain.add(anchor);
      }
      return new Identity(
          new KeyPair(cert.getPublicKey(), issued.privateKey()),
          chain.toArray(new X509Certificate[0]));
    } catch (PullException e) {
      throw e;
    } catch (Exception e) {
      throw new PullException(
          "the issued certificate does not chain to a CA of the GDS trust list: " + e.getMessage());
    }
  }

  /** One atomic commit: own certificate and key, and the GDS's CAs and CRLs beside other files. */
  private void install(
      PkiDirectory pki, Identity fresh, List<X509Certificate> issuers, TrustListDataType tl)
      throws IOException, PullException {
    try {
      Map<String, Map<String, byte[]>> files = new LinkedHashMap<>();
      files.put("own/certs", Map.of(APPLICATION_FILE, pem((Object[]) fresh.chain())));
      files.put("own/private", Map.of(APPLICATION_FILE, pem(fresh.keyPair().getPrivate())));
      List<X509Certificate> trusted =
          CertificateCodec.decodeCertificates(tl.getTrustedCertificates());
      List<X509Certificate> issuerCerts =
          new ArrayList<>(CertificateCodec.decodeCertificates(tl.getIssuerCertificates()));
      for (X509Certificate c : issuers) {
        if (!trusted.contains(c) && !issuerCerts.contains(c)) {
          issuerCerts.add(c);
        }
      }
      files.put("trusted/certs", merge(pki, "trusted/certs", certFiles(trusted)));
      files.put("trusted/crl", merge(pki, "trusted/crl", crlFiles(tl.getTrustedCrls())));
      files.put("issuer/certs", merge(pki, "issuer/certs", certFiles(issuerCerts)));
      files.put("issuer/crl", merge(pki, "issuer/crl", crlFiles(tl.getIssuerCrls())));
      pki.commit(files);
      log.info(
          "Installed pulled certificate thumbprint={} notAfter={} in {}",
          Certificates.thumbprint(fresh.certificate()),
          fresh.certificate().getNotAfter().toInstant(),
          pki.root());
    } catch (UaException e) {
      throw new PullException("cannot encode the certificates to install: " + describe(e));
    }
  }

  private void reconnect(Identity fresh, NodeId applicationId, String uri, Path pins)
      throws PullException {
    // anonymous on purpose: the GDS must accept the new certificate as the application's own
    try (GdsClient again = connect(fresh, null, null, pins)) {
      NodeId app = applicationId;
      GdsClient.Result r = again.callDirectory(GdsNodeIds.GetCertificateGroups, new Variant(app));
      if (!r.good()) {
        throw new PullException(
            "reconnected, but the GDS does not accept the new certificate for "
                + uri
                + ": "
                + name(r.status()));
      }
      status.accept(
          "reconnected to the GDS with the new certificate "
              + Certificates.thumbprint(fresh.certificate()));
    } catch (UaException e) {
      throw new PullException("reconnecting with the new certificate failed: " + describe(e), e);
    }
  }

  // ------------------------------------------------------------------ identity

  private static @Nullable Identity loadIdentity(PkiDirectory pki)
      throws IOException, PullException {
    Path cert = pki.resolve("own/certs/" + APPLICATION_FILE);
    Path key = pki.resolve("own/private/" + APPLICATION_FILE);
    if (!Files.exists(cert) || !Files.exists(key)) {
      return null;
    }
    try {
      List<X509Certificate> chain =
          CertificateCodec.decodeCertificateChain(Files.readAllBytes(cert));
      PrivateKey privateKey =
          CertificateCodec.decodePrivateKey(CertificateCodec.PEM, Files.readAllBytes(key));
      if (!CertificateCodec.matches(chain.get(0).getPublicKey(), privateKey)) {
        throw new PullException(
            "the certificate and private key in " + pki.resolve("own") + " do not match");
      }
      return new Identity(
          new KeyPair(chain.get(0).getPublicKey(), privateKey),
          chain.toArray(new X509Certificate[0]));
    } catch (UaException e) {
      throw new PullException(
          "cannot read the certificate or key in " + pki.resolve("own") + ": " + e.getMessage());
    }
  }

  private Identity createSelfSigned(PkiDirectory pki, String uri)
      throws IOException, PullException {
    try {
      KeyPair kp = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
      var b =
          new SelfSignedCertificateBuilder(kp)
              .setCommonName(settings.applicationName())
              .setOrganization("GDS Vault device-sim")
              .setApplicationUri(uri)
              .setValidityPeriod(Period.ofDays(365));
      for (String h : settings.hostnames()) {
        if (HostNames.isIpAddress(h)) {
          b.addIpAddress(h);
        } else {
          b.addDnsName(h);
        }
      }
      X509Certificate cert = b.build();
      pki.commit(
          Map.of(
              "own/certs", Map.of(APPLICATION_FILE, pem(cert)),
              "own/private", Map.of(APPLICATION_FILE, pem(kp.getPrivate()))));
      status.accept(
          "created a self-signed bootstrap certificate "
              + Certificates.thumbprint(cert)
              + " for "
              + uri);
      return new Identity(kp, new X509Certificate[] {cert});
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new PullException(
          "cannot create a bootstrap certificate: " + e.getClass().getSimpleName());
    }
  }

  private String defaultUri() {
    Path name = settings.pkiDir().toAbsolutePath().normalize().getFileName();
    return "urn:gdsvault:device-sim:"
        + KeyMaterial.hostname()
        + ":pull:"
        + (name == null ? "device" : name);
  }

  private boolean stillValid(X509Certificate c) {
    return clock.instant().isBefore(c.getNotAfter().toInstant());
  }

  /** True for a self-signed certificate (a bootstrap certificate, not one from a CA). */
  public static boolean isSelfSigned(X509Certificate c) {
    if (!c.getIssuerX500Principal().equals(c.getSubjectX500Principal())) {
      return false;
    }
    try {
      c.verify(c.getPublicKey());
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  // ------------------------------------------------------------------ helpers

  private static Map<String, byte[]> merge(PkiDirectory pki, String rel, Map<String, byte[]> ours)
      throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    Path dir = pki.resolve(rel);
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
        for (Path p : s) {
          String n = p.getFileName().toString();
          if (Files.isRegularFile(p) && !n.startsWith(GDS_FILE_PREFIX) && !n.startsWith(".")) {
            out.put(n, Files.readAllBytes(p));
          }
        }
      }
    }
    out.putAll(ours);
    return out;
  }

  private static Map<String, byte[]> certFiles(List<X509Certificate> certs) throws UaException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (X509Certificate c : certs) {
      byte[] der = encoded(c);
      out.put(GDS_FILE_PREFIX + Certificates.thumbprint(der) + ".der", der);
    }
    return out;
  }

  private static Map<String, byte[]> crlFiles(ByteString[] crls) throws UaException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (X509CRL crl : CertificateCodec.decodeCrls(crls)) {
      try {
        byte[] der = crl.getEncoded();
        out.put(GDS_FILE_PREFIX + Certificates.thumbprint(der) + ".crl", der);
      } catch (java.security.cert.CRLException e) {
        throw new UaException(StatusCodes.Bad_CertificateInvalid, "CRL cannot be encoded");
      }
    }
    return out;
  }

  private static byte[] encoded(X509Certificate c) throws UaException {
    try {
      return c.getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new UaException(StatusCodes.Bad_CertificateInvalid, "certificate cannot be encoded");
    }
  }

  private static byte[] pem(Object... objects) {
    return CertificateCodec.toPem(objects).getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] bytes(Variant v) {
    return v.value() instanceof ByteString b ? b.bytesOrEmpty() : new byte[0];
  }

  private static int length(Object[] a) {
    return a == null ? 0 : a.length;
  }

  static String name(StatusCode s) {
    return StatusCodes.lookup(s.getValue())
        .map(a -> a[0])
        .orElse(String.format("0x%08X", s.getValue()));
  }

  static String describe(UaException e) {
    String n = name(e.getStatusCode());
    String m = e.getMessage();
    return m == null || m.isBlank() || m.equals(n) ? n : n + " (" + m + ")";
  }

  private static String escape(String rdnValue) {
    return rdnValue.replaceAll("([,+=\"\\\\<>;#])", "\\\\$1");
  }

  private static String fmt(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
  }
}
