package io.gdsvault.gds.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdsvault.ca.CaConfig;
import io.gdsvault.ca.CertificateAuthority;
import io.gdsvault.ca.CertificateType;
import io.gdsvault.ca.InMemoryCaStateStore;
import io.gdsvault.ca.KeyPairs;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.ChannelSecurity;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.trust.CertificateGroup;
import io.gdsvault.gds.trust.CertificateGroupService;
import io.gdsvault.gds.trust.GroupCertificateType;
import io.gdsvault.signer.local.LocalKeyStoreBackend;
import io.gdsvault.signer.local.LocalSignerSettings;
import io.gdsvault.testing.MutableClock;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The certificate manager on in-memory stores: one group (DefaultApplicationGroup) with an EC P-256
 * CA, a mutable clock, key generation run by the test, and listeners that note where they ran.
 */
final class CertificatesFixture implements AutoCloseable {

  static final Duration KEY_TTL = Duration.ofHours(1);
  static final Duration GRACE = Duration.ofMinutes(5);

  final MutableClock clock = MutableClock.startingNow();
  final InMemoryCertificateStore store = new InMemoryCertificateStore();
  final Map<UUID, ApplicationRecord> applications = new LinkedHashMap<>();
  final DataKeyCipher cipher = DataKeyCipher.random();
  ManualExecutor keyThreads = new ManualExecutor();
  final RecordingListener audit = new RecordingListener(store);
  final RecordingListener view = new RecordingListener(store);
  final CertificateGroupService groups;
  private final LocalKeyStoreBackend backend;
  private ApprovalPolicy policy = ApprovalPolicy.MANUAL;
  private IssuancePolicy issuancePolicy = defaultIssuancePolicy(Map.of());
  private RequestQuotaPolicy quotas = RequestQuotaPolicy.NONE;
  private KeyGenerationWorker.KeyPairSource keyPairs = type -> KeyPairs.generate(type, 2048);
  private boolean allowSelfApproval;
  private CertificateRequestService service;

  CertificatesFixture(Path dir) throws Exception {
    this(dir, CertificateType.ECC_NIST_P256);
  }

  /** With a CA of another certificate type (RSA: the key pool's keys). */
  CertificatesFixture(Path dir, CertificateType caType) throws Exception {
    CaConfig config =
        CaConfig.defaults(
            CertificateGroup.DEFAULT_APPLICATION_GROUP,
            caType,
            LocalSignerSettings.inDirectory(dir));
    backend = LocalKeyStoreBackend.open((LocalSignerSettings) config.signer());
    CertificateAuthority ca =
        CertificateAuthority.open(config, backend, new InMemoryCaStateStore(), clock);
    groups =
        new CertificateGroupService(
            List.of(
                new CertificateGroup(
                    CertificateGroup.DEFAULT_APPLICATION_GROUP,
                    List.of(new GroupCertificateType(caType.browseName(), ca)))),
            clock);
  }

  CertificatesFixture policy(ApprovalPolicy p) {
    policy = p;
    return this;
  }

  /** The issuance policy of a GDS at urn:test:gds on gds.test with these group rules. */
  static IssuancePolicy defaultIssuancePolicy(Map<String, IssuanceRules> groups) {
    return new IssuancePolicy(
        groups, IssuanceRules.registeredHostsAndLoopback(), GDS_URI, "gds.test");
  }

  static final String GDS_URI = "urn:test:gds";

  CertificatesFixture issuancePolicy(IssuancePolicy p) {
    issuancePolicy = p;
    return this;
  }

  CertificatesFixture quotas(RequestQuotaPolicy q) {
    quotas = q;
    return this;
  }

  CertificatesFixture keyPairs(KeyGenerationWorker.KeyPairSource k) {
    keyPairs = k;
    return this;
  }

  CertificatesFixture allowSelfApproval() {
    allowSelfApproval = true;
    return this;
  }

  /** The service as configured so far (made on first use). */
  CertificateRequestService service() {
    if (service == null) {
      service =
          new CertificateRequestService(
              new CertificateRequestService.Stores(
                  store.requests,
                  store.issued,
                  groups,
                  id -> Optional.ofNullable(applications.get(id)),
                  store),
              policy,
              issuancePolicy,
              quotas,
              audit,
              cipher,
              clock,
              new CertificateSettings(allowSelfApproval, KEY_TTL, 2048, GRACE),
              keyPairs,
              keyThreads);
      service.setListener(view);
    }
    return service;
  }

  /**
   * A crash and restart: key generation not yet run is lost with the process; the next {@link
   * #service()} is a new manager on the same stores and data key.
   */
  void restart() {
    if (service != null) {
      service.close();
    }
    service = null;
    keyThreads = new ManualExecutor();
  }

  /** A registered server application. */
  ApplicationRecord register(String name) {
    ApplicationRecord app =
        new ApplicationRecord(
            UUID.randomUUID(),
            "urn:test:" + name,
            ApplicationType.SERVER,
            List.of(new LocalizedName("en", name)),
            "urn:test:product",
            List.of("opc.tcp://" + name + ":4840"),
            List.of());
    applications.put(app.id(), app);
    return app;
  }

  /** A CSR of a new EC P-256 key for the application's URI. */
  static byte[] csr(ApplicationRecord app) throws Exception {
    KeyPair pair = KeyPairs.generate(CertificateType.ECC_NIST_P256, 2048);
    return Csrs.create(
        pair, "CN=" + app.applicationUri(), app.applicationUri(), List.of(), List.of());
  }

  /** A CertificateAuthorityAdmin filing from its own client (thumbprint {@code ca-client}). */
  static Caller certificateAdmin() {
    return new Caller(
        "ca-admin",
        Set.of(Role.CERTIFICATE_AUTHORITY_ADMIN),
        "ca-client",
        "urn:test:ca-tool",
        ChannelSecurity.SIGN_AND_ENCRYPT);
  }

  /** A RegistrationAuthorityAdmin. */
  static Caller approver(String name) {
    return new Caller(
        name,
        Set.of(Role.REGISTRATION_AUTHORITY_ADMIN),
        null,
        null,
        ChannelSecurity.SIGN_AND_ENCRYPT);
  }

  /** A session of the application itself with a client certificate of this thumbprint. */
  static Caller application(ApplicationRecord app, String thumbprint) {
    return new Caller(
        null, Set.of(), thumbprint, app.applicationUri(), ChannelSecurity.SIGN_AND_ENCRYPT);
  }

  /** The thumbprint the OPC UA layer would compute for this certificate. */
  static String thumbprintOf(byte[] der) throws Exception {
    return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(der));
  }

  /** The refusal {@code call} ends with. */
  static GdsException refusal(ThrowingCallable call) {
    Throwable t = catchThrowable(call);
    assertThat(t).isInstanceOf(GdsException.class);
    return (GdsException) t;
  }

  CertificateRequestRecord request(UUID id) {
    return store.requests.find(id).orElseThrow();
  }

  List<String> history(UUID id) {
    return store.requests.history(id).stream().map(RequestHistoryEntry::action).toList();
  }

  @Override
  public void close() {
    if (service != null) {
      service.close();
    }
    backend.close();
  }
}
