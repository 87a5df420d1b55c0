package io.gdsvault.sim.pull;

import static io.gdsvault.sim.pull.StatusText.describe;
import static io.gdsvault.sim.pull.StatusText.duration;
import static io.gdsvault.sim.pull.StatusText.name;

import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.ua.ApplicationRecordDataType;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.model.x509.Certificates;
import io.gdsvault.sim.push.PkiDirectory;
import io.gdsvault.sim.push.ServerConfigurationSupport;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.TrustListDataType;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.jspecify.annotations.Nullable;

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

  private final PullSettings settings;
  private final Clock clock;
  private final Consumer<String> status;
  private final CertificateRequester requester;

  /** What a run ended with. */
  public record Outcome(
      X509Certificate certificate,
      @Nullable NodeId applicationId,
      boolean pulled,
      Instant renewalDue) {}

  public PullClient(PullSettings settings, Clock clock, Consumer<String> status) {
    this.settings = settings;
    this.clock = clock;
    this.status = status;
    this.requester = new CertificateRequester(settings, clock, status);
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
    Identity current = Identity.load(pki);
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
        Identity current = Identity.load(PkiDirectory.open(settings.pkiDir()));
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
                + duration(retry));
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
    Identity identity = Identity.load(pki);
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

    Delivery delivery = fetch(pki, identity, uri, pins);
    TrustListDataType trustList = delivery.trustList();
    Identity fresh = IssuedCheck.verify(delivery.issued(), trustList, uri, clock.instant());
    PkiInstaller.install(pki, fresh, delivery.issued().issuers(), trustList);
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
    reconnect(fresh, delivery.applicationId(), uri, pins);
    return new Outcome(fresh.certificate(), delivery.applicationId(), true, due);
  }

  /** What the GDS session delivered: the application, its certificate and its trust list. */
  private record Delivery(NodeId applicationId, Issued issued, TrustListDataType trustList) {}

  /**
   * Connects with {@code identity}, resumes the pending request or finds (registers) the
   * application and files a new one, and reads the trust list.
   */
  private Delivery fetch(PkiDirectory pki, Identity identity, String uri, Path pins)
      throws PullException, IOException, InterruptedException {
    try (GdsClient gds = connect(identity, settings.user(), settings.password(), pins)) {
      CertificateRequester.Resumed resumed = requester.resumePending(gds, pki, uri);
      NodeId applicationId;
      Issued issued;
      if (resumed != null) {
        applicationId = resumed.applicationId();
        issued = resumed.issued();
      } else {
        applicationId = findOrRegister(gds, uri);
        issued = requester.request(gds, pki, applicationId, uri);
      }
      return new Delivery(applicationId, issued, trustList(gds, applicationId));
    } catch (UaException e) {
      throw new PullException("the GDS at " + settings.gdsUrl() + " failed: " + describe(e), e);
    }
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

  private Identity createSelfSigned(PkiDirectory pki, String uri)
      throws IOException, PullException {
    Identity bootstrap =
        Identity.createSelfSigned(pki, uri, settings.applicationName(), settings.hostnames());
    status.accept(
        "created a self-signed bootstrap certificate "
            + Certificates.thumbprint(bootstrap.certificate())
            + " for "
            + uri);
    return bootstrap;
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
    return Identity.isSelfSigned(c);
  }

  // ------------------------------------------------------------------ helpers

  private static int length(Object[] a) {
    return a == null ? 0 : a.length;
  }
}
