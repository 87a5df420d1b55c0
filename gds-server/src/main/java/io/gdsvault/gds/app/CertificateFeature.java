package io.gdsvault.gds.app;

import io.gdsvault.ca.CaConfig;
import io.gdsvault.ca.CertificateAuthority;
import io.gdsvault.ca.CertificateType;
import io.gdsvault.gds.certificates.ApprovalPolicy;
import io.gdsvault.gds.certificates.ApprovalRule;
import io.gdsvault.gds.certificates.CertificateRequestListener;
import io.gdsvault.gds.certificates.CertificateRequestService;
import io.gdsvault.gds.certificates.CertificateSettings;
import io.gdsvault.gds.certificates.DataKeyCipher;
import io.gdsvault.gds.certificates.IssuancePolicy;
import io.gdsvault.gds.certificates.OpenRequestQuotas;
import io.gdsvault.gds.certificates.RuleBasedApprovalPolicy;
import io.gdsvault.gds.cluster.ChangeRelay;
import io.gdsvault.gds.cluster.Cluster;
import io.gdsvault.gds.config.GdsSettings;
import io.gdsvault.gds.directory.DirectoryService;
import io.gdsvault.gds.opcua.server.CertificateGroupNodes;
import io.gdsvault.gds.opcua.server.CertificateMethods;
import io.gdsvault.gds.opcua.server.CertificateRequestNodes;
import io.gdsvault.gds.opcua.server.CertificateVendorMethods;
import io.gdsvault.gds.opcua.server.GdsServer;
import io.gdsvault.gds.opcua.server.MethodBinding;
import io.gdsvault.gds.opcua.server.ServerTrustPublisher;
import io.gdsvault.gds.opcua.trustlist.TrustListFiles;
import io.gdsvault.gds.persistence.Transactions;
import io.gdsvault.gds.persistence.jdbc.JdbcCaStateStore;
import io.gdsvault.gds.persistence.jdbc.JdbcCertificateRequestRepository;
import io.gdsvault.gds.persistence.jdbc.JdbcIssuedCertificateRepository;
import io.gdsvault.gds.persistence.jdbc.JdbcKeystoreRepository;
import io.gdsvault.gds.trust.CertificateGroup;
import io.gdsvault.gds.trust.CertificateGroupService;
import io.gdsvault.gds.trust.GroupCertificateType;
import io.gdsvault.gds.trust.KeystoreRepository;
import io.gdsvault.gds.trust.TrustListLimit;
import io.gdsvault.signer.SecretResolver;
import io.gdsvault.signer.SignerBackend;
import io.gdsvault.signer.SignerSettings;
import io.gdsvault.signer.azure.AzureSignerSettings;
import io.gdsvault.signer.backends.SignerBackends;
import io.gdsvault.signer.local.LocalKeyStoreBackend;
import io.gdsvault.signer.local.LocalSignerSettings;
import io.gdsvault.signer.pkcs11.Pkcs11SignerSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the pull flow: certificate groups backed by vault-signer CAs whose state lives in the
 * database, the request service with its approval policy, the Directory methods, TrustList objects,
 * the vendor approval queue, the server's trust in its own CAs, and the schedules (CRL re-issue,
 * expired key purge, queue view refresh).
 */
public final class CertificateFeature implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CertificateFeature.class);
  static final String KEYSTORE_PASSWORD_ENV = "GDS_KEYSTORE_PASSWORD";

  /** Lease names and change topic shared by the nodes of one database. */
  public static final String CRL_REISSUE_LEASE = "certificates.crl-reissue";

  public static final String KEY_PURGE_LEASE = "certificates.key-purge";

  /** The scheduled sweep of requests that can no longer progress (one node at a time). */
  public static final String REQUEST_SWEEP_LEASE = "certificates.request-sweep";

  public static final String TRUST_TOPIC = "trust";

  private final Map<SignerSettings, SignerBackend> backends;
  private final CertificateGroupService groups;
  private final CertificateRequestService service;
  private final ScheduledExecutorService scheduler;
  private final TrustListLimit trustListLimit;
  private final GdsSettings.AdmissionSettings admission;
  private volatile @Nullable ServerTrustPublisher publisher;

  private CertificateFeature(
      Map<SignerSettings, SignerBackend> backends,
      CertificateGroupService groups,
      CertificateRequestService service,
      TrustListLimit trustListLimit,
      GdsSettings.AdmissionSettings admission) {
    this.backends = backends;
    this.admission = admission;
    this.groups = groups;
    this.service = service;
    this.trustListLimit = trustListLimit;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gds-certificates");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Opens (on first start: creates) the CAs of the three default groups and the service, with the
   * open-request quotas of the settings and {@code audit} told of every request history step inside
   * its transaction (the audit trail).
   */
  public static CertificateFeature open(
      GdsSettings settings,
      Path dataDir,
      Transactions tx,
      DirectoryService directory,
      Clock clock,
      CertificateRequestListener audit,
      String gdsApplicationUri)
      throws Exception {
    GdsSettings.CertificateSettings cs = settings.certificates();
    Map<SignerSettings, SignerBackend> backends = new LinkedHashMap<>();
    try {
      CertificateGroupService groups =
          new CertificateGroupService(groups(cs, dataDir, backends, tx, clock), clock);
      if (cs.autoApprove()) {
        log.warn(
            "auto-approve is ON: every certificate request is approved at once (labs and benchmarks"
                + " only)");
      }
      var service =
          service(
              settings,
              dataDir,
              tx,
              directory,
              clock,
              groups,
              audit,
              IssuancePolicies.of(settings, gdsApplicationUri));
      return new CertificateFeature(
          backends,
          groups,
          service,
          new TrustListLimit(settings.limits().maxTrustListBytes()),
          settings.admission());
    } catch (Exception | Error e) {
      backends.values().forEach(SignerBackend::close);
      throw e;
    }
  }

  /** The three default groups, their signer backends opened into {@code backends}. */
  private static List<CertificateGroup> groups(
      GdsSettings.CertificateSettings cs,
      Path dataDir,
      Map<SignerSettings, SignerBackend> backends,
      Transactions tx,
      Clock clock)
      throws Exception {
    var store = new JdbcCaStateStore(tx);
    KeystoreRepository keystores = new JdbcKeystoreRepository();
    List<CertificateGroup> list = new ArrayList<>();
    list.add(
        group(
            CertificateGroup.DEFAULT_APPLICATION_GROUP,
            cs,
            dataDir,
            backends,
            store,
            clock,
            keystores,
            tx,
            Map.of(
                CertificateType.RSA_SHA256.browseName(),
                CertificateType.RSA_SHA256,
                CertificateType.ECC_NIST_P256.browseName(),
                CertificateType.ECC_NIST_P256,
                CertificateType.ECC_NIST_P384.browseName(),
                CertificateType.ECC_NIST_P384)));
    list.add(
        group(
            CertificateGroup.DEFAULT_HTTPS_GROUP,
            cs,
            dataDir,
            backends,
            store,
            clock,
            keystores,
            tx,
            Map.of("HttpsCertificateType", CertificateType.RSA_SHA256)));
    list.add(
        group(
            CertificateGroup.DEFAULT_USER_TOKEN_GROUP,
            cs,
            dataDir,
            backends,
            store,
            clock,
            keystores,
            tx,
            Map.of("UserCertificateType", CertificateType.RSA_SHA256)));
    // every CA opened, so the local keystores hold every generation's key: share them
    for (CertificateGroup g : list) {
      SignerSettings signer =
          signerSettings(cs.groupSigners().getOrDefault(g.name(), cs.signer()), cs, dataDir);
      if (signer instanceof LocalSignerSettings local) {
        saveKeystore(keystores, keystoreName(cs, g.name()), local, tx, clock);
      }
    }
    return list;
  }

  /** The request service on the database, with the settings' approval policy and quotas. */
  private static CertificateRequestService service(
      GdsSettings settings,
      Path dataDir,
      Transactions tx,
      DirectoryService directory,
      Clock clock,
      CertificateGroupService groups,
      CertificateRequestListener audit,
      IssuancePolicy issuancePolicy)
      throws Exception {
    GdsSettings.CertificateSettings cs = settings.certificates();
    var requests = new JdbcCertificateRequestRepository();
    var quotas =
        new OpenRequestQuotas(
            requests,
            settings.quotas().maxOpenRequestsPerApplication(),
            settings.quotas().maxOpenRequests());
    return new CertificateRequestService(
        requests,
        new JdbcIssuedCertificateRepository(),
        groups,
        directory::findById,
        tx,
        policy(cs),
        quotas,
        audit,
        new DataKeyCipher(dataKey(cs, dataDir)),
        clock,
        new CertificateSettings(
            cs.allowSelfApproval(),
            Duration.ofMinutes(cs.keyBlobTtlMinutes()),
            cs.rsaKeyBits(),
            Duration.ofMinutes(cs.finishRequestGraceMinutes()),
            cs.keyPoolSize()),
        issuancePolicy);
  }

  private static CertificateGroup group(
      String name,
      GdsSettings.CertificateSettings cs,
      Path dataDir,
      Map<SignerSettings, SignerBackend> backends,
      JdbcCaStateStore store,
      Clock clock,
      KeystoreRepository keystores,
      Transactions tx,
      Map<String, CertificateType> types)
      throws Exception {
    SignerSettings signer =
        signerSettings(cs.groupSigners().getOrDefault(name, cs.signer()), cs, dataDir);
    SignerBackend backend = backends.get(signer);
    if (backend == null) {
      if (signer instanceof LocalSignerSettings local) {
        restoreKeystore(keystores, keystoreName(cs, name), local, tx);
      }
      backend = SignerBackends.open(signer);
      backends.put(signer, backend);
    }
    List<GroupCertificateType> out = new ArrayList<>();
    // RSA first: the default type of each group
    List<Map.Entry<String, CertificateType>> ordered = new ArrayList<>(types.entrySet());
    ordered.sort(Map.Entry.comparingByValue());
    for (Map.Entry<String, CertificateType> t : ordered) {
      CertificateAuthority ca =
          CertificateAuthority.open(
              CaConfig.defaults(name, t.getValue(), signer), backend, store, clock);
      out.add(new GroupCertificateType(t.getKey(), ca));
    }
    return new CertificateGroup(name, out);
  }

  private static String keystoreName(GdsSettings.CertificateSettings cs, String group) {
    return cs.groupSigners().containsKey(group) ? "local:" + group : "local";
  }

  /** The database's keystore is the shared truth: it replaces the local file before opening. */
  private static void restoreKeystore(
      KeystoreRepository keystores, String name, LocalSignerSettings local, Transactions tx)
      throws java.io.IOException {
    var stored = tx.inTransaction(() -> keystores.load(name));
    if (stored.isEmpty()) {
      return;
    }
    Path file = local.directory().resolve(LocalKeyStoreBackend.FILE_NAME);
    if (java.nio.file.Files.exists(file)
        && Arrays.equals(java.nio.file.Files.readAllBytes(file), stored.get())) {
      return;
    }
    java.nio.file.Files.createDirectories(local.directory());
    Path tmp = local.directory().resolve(LocalKeyStoreBackend.FILE_NAME + ".db-tmp");
    java.nio.file.Files.deleteIfExists(tmp);
    try {
      java.nio.file.Files.createFile(
          tmp,
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
              java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      java.nio.file.Files.createFile(tmp);
    }
    java.nio.file.Files.write(tmp, stored.get());
    java.nio.file.Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    log.info("restored the CA keystore {} from the database", name);
  }

  private static void saveKeystore(
      KeystoreRepository keystores,
      String name,
      LocalSignerSettings local,
      Transactions tx,
      Clock clock)
      throws java.io.IOException {
    Path file = local.directory().resolve(LocalKeyStoreBackend.FILE_NAME);
    if (!java.nio.file.Files.exists(file)) {
      return;
    }
    byte[] content = java.nio.file.Files.readAllBytes(file);
    tx.run(
        () -> {
          if (!keystores.load(name).map(b -> Arrays.equals(b, content)).orElse(false)) {
            keystores.save(name, content, clock.instant());
          }
        });
  }

  static SignerSettings signerSettings(
      GdsSettings.SignerConfig s, GdsSettings.CertificateSettings cs, Path dataDir) {
    String kind = s.kind() == null ? "local" : s.kind().toLowerCase(Locale.ROOT);
    return switch (kind) {
      case "local" -> {
        Path directory = blank(s.directory()) ? dataDir.resolve("ca") : Path.of(s.directory());
        yield new LocalSignerSettings(
            directory,
            blank(s.passwordEnv()) ? KEYSTORE_PASSWORD_ENV : s.passwordEnv(),
            blank(cs.keystorePasswordFile())
                ? directory.resolve("keystore.secret")
                : Path.of(cs.keystorePasswordFile()));
      }
      case "pkcs11" ->
          new Pkcs11SignerSettings(
              Path.of(s.library()),
              s.slot(),
              null,
              blank(s.pinEnv()) ? Pkcs11SignerSettings.DEFAULT_PIN_ENV : s.pinEnv(),
              blank(s.pinFile()) ? null : Path.of(s.pinFile()));
      case "azure" ->
          new AzureSignerSettings(
              URI.create(s.vaultUrl()), s.tenantId(), s.clientId(), s.clientSecretEnv(), s.hsm());
      default ->
          throw new IllegalArgumentException(
              "certificates.signer.kind must be local, pkcs11 or azure");
    };
  }

  /**
   * The key that seals pending private keys: derived from the CA keystore secret (shared by every
   * node that shares the database), or from a generated secret in DATA/ca when no local keystore is
   * used.
   */
  private static byte[] dataKey(GdsSettings.CertificateSettings cs, Path dataDir) throws Exception {
    char[] secret =
        new SecretResolver()
            .resolve(
                KEYSTORE_PASSWORD_ENV,
                blank(cs.keystorePasswordFile())
                    ? dataDir.resolve("ca").resolve("keystore.secret")
                    : Path.of(cs.keystorePasswordFile()),
                true);
    byte[] raw = new String(secret).getBytes(StandardCharsets.UTF_8);
    Arrays.fill(secret, '\0');
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(raw, "HmacSHA256"));
      return mac.doFinal("gdsvault request key blobs v1".getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  static ApprovalPolicy policy(GdsSettings.CertificateSettings cs) {
    ApprovalPolicy fallback =
        cs.autoApprove() ? ApprovalPolicy.AUTO_APPROVE : ApprovalPolicy.MANUAL;
    if (cs.approvalRules().isEmpty()) {
      return fallback;
    }
    List<ApprovalRule> rules = new ArrayList<>();
    for (GdsSettings.ApprovalRuleSettings r : cs.approvalRules()) {
      rules.add(
          new ApprovalRule(
              blank(r.uriPattern()) ? null : Pattern.compile(r.uriPattern()),
              blank(r.requestedBy()) ? null : r.requestedBy(),
              ApprovalPolicy.Outcome.valueOf(r.outcome().toUpperCase(Locale.ROOT))));
    }
    return new RuleBasedApprovalPolicy(rules, fallback);
  }

  /**
   * The Directory bindings with the certificate methods added and UnregisterApplication revoking.
   */
  public List<MethodBinding> directoryBindings(
      List<MethodBinding> core, DirectoryService directory) {
    return CertificateMethods.withDirectory(core, directory, service);
  }

  /**
   * Adds the certificate group nodes, the vendor objects and the server's trust in its own CAs
   * (call after install, before start), so the first client already sees and is trusted by them.
   */
  public void contribute(GdsServer server) {
    GdsSettings.AdmissionSettings a = admission;
    TrustListFiles files =
        new TrustListFiles(
            server.server(),
            groups,
            trustListLimit,
            new TrustListFiles.Caps(
                a.maxTrustListHandles(),
                a.maxTrustListHandlesPerSession(),
                a.unauthenticatedSessionShare()),
            server.admission()::privileged);
    server.admission().onClosed(files::sessionClosed);
    server.gdsNamespace().contribute(ns -> new CertificateGroupNodes(ns, groups, files).install());
    ServerTrustPublisher own = new ServerTrustPublisher(server.serverTrustList());
    publisher = own;
    own.publish(groups);
    groups.onChange(p -> own.publish(p));
    // revocation means out in onboarding mode too: a revoked GDS-issued certificate opens no
    // channel
    server.refuseRevokedClientCertificates(this::revokedHere);
    var vendor = server.vendorNamespace();
    vendor.contribute(
        CertificateVendorMethods.REQUESTS, CertificateVendorMethods.requests(service));
    vendor.contribute(
        CertificateVendorMethods.CERTIFICATES, CertificateVendorMethods.certificates(service));
    vendor.contribute(
        CertificateVendorMethods.AUTHORITIES, CertificateVendorMethods.authorities(groups));
  }

  /** Shows the approval queue and starts the schedules (after the server started). */
  public void start(GdsServer server, Cluster cluster) {
    ServerTrustPublisher own =
        Objects.requireNonNull(publisher, "contribute() runs before start()");
    CertificateRequestNodes queue =
        new CertificateRequestNodes(
            server.server(), server.vendorNamespace(), server.gdsNamespace(), service);
    queue.install();
    service.setListener(queue);
    // what a crash left behind (a key pair being generated, an approval not yet issued) is
    // repaired or closed with a reason before devices come back for it
    try {
      service.sweepStuckRequests();
    } catch (RuntimeException e) {
      log.error("start-up request sweep failed; the scheduled sweep tries again", e);
    }
    // the futures are not kept: safe() logs every failure and close() stops the scheduler
    // with several nodes on one database exactly one (the lease holder) runs these
    var unusedCrls =
        scheduler.scheduleWithFixedDelay(
            safe(
                cluster.claimed(CRL_REISSUE_LEASE, Duration.ofMinutes(15), groups::reissueDueCrls)),
            1,
            5,
            TimeUnit.MINUTES);
    var unusedKeys =
        scheduler.scheduleWithFixedDelay(
            safe(
                cluster.claimed(KEY_PURGE_LEASE, Duration.ofMinutes(3), service::purgeExpiredKeys)),
            1,
            1,
            TimeUnit.MINUTES);
    var unusedSweep =
        scheduler.scheduleWithFixedDelay(
            safe(
                cluster.claimed(
                    REQUEST_SWEEP_LEASE, Duration.ofMinutes(15), service::sweepStaleRequests)),
            0,
            5,
            TimeUnit.MINUTES);
    // trust changes (revocations, CRLs) made here are announced; those of other nodes reach this
    // server's own trust list and the TrustList nodes within Cluster.RELAY_POLL
    ChangeRelay trust =
        cluster.relay(
            TRUST_TOPIC,
            () -> {
              refreshCas();
              groups.changed();
            });
    groups.onChange(g -> trust.localChange());
    var unusedQueue = scheduler.scheduleWithFixedDelay(safe(queue::sync), 5, 5, TimeUnit.SECONDS);
    // revocations made on other nodes reach this server's own trust list within a minute
    var unusedTrust =
        scheduler.scheduleWithFixedDelay(safe(() -> own.publish(groups)), 1, 1, TimeUnit.MINUTES);
  }

  /** Re-reads the CA generations (a rollover on another node); a CA that cannot keeps its own. */
  private void refreshCas() {
    for (CertificateGroup g : groups.groups()) {
      for (GroupCertificateType t : g.types()) {
        try {
          t.ca().refresh();
        } catch (io.gdsvault.ca.CaException | RuntimeException e) {
          log.warn(
              "CA {} not refreshed after a change on another node: {}",
              t.ca().config().caName(),
              e.getMessage());
        }
      }
    }
  }

  /** Whether one of this GDS's CAs issued {@code cert} and has revoked it. */
  private boolean revokedHere(java.security.cert.X509Certificate cert) {
    try {
      return groups.revocationStatus(cert.getEncoded()).status()
          == io.gdsvault.gds.trust.RevocationStatus.Status.REVOKED;
    } catch (java.security.cert.CertificateEncodingException e) {
      return false;
    }
  }

  private static Runnable safe(Runnable r) {
    return () -> {
      try {
        r.run();
      } catch (RuntimeException e) {
        log.warn("scheduled certificate task failed", e);
      }
    };
  }

  public CertificateRequestService service() {
    return service;
  }

  public CertificateGroupService groups() {
    return groups;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    service.close();
    backends
        .values()
        .forEach(
            b -> {
              try {
                b.close();
              } catch (RuntimeException e) {
                log.debug("signer backend close failed", e);
              }
            });
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
