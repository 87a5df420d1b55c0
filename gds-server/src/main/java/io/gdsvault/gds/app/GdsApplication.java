package io.gdsvault.gds.app;

import io.gdsvault.gds.audit.AuditTrail;
import io.gdsvault.gds.audit.RefusalSummary;
import io.gdsvault.gds.audit.TrailAuditLog;
import io.gdsvault.gds.audit.TrailRequestAudit;
import io.gdsvault.gds.audit.TrailUserAudit;
import io.gdsvault.gds.auth.ClientTrustService;
import io.gdsvault.gds.auth.CredentialCache;
import io.gdsvault.gds.auth.LoginThrottle;
import io.gdsvault.gds.auth.PasswordHasher;
import io.gdsvault.gds.auth.UserService;
import io.gdsvault.gds.backup.BackupService;
import io.gdsvault.gds.cluster.Cluster;
import io.gdsvault.gds.cluster.NodeIdentity;
import io.gdsvault.gds.config.GdsSettings;
import io.gdsvault.gds.directory.DirectoryService;
import io.gdsvault.gds.opcua.audit.AuditTrailEvents;
import io.gdsvault.gds.opcua.audit.AuditingMethodObserver;
import io.gdsvault.gds.opcua.audit.MiloAuditLog;
import io.gdsvault.gds.opcua.security.EventAudience;
import io.gdsvault.gds.opcua.server.AuditVendorMethods;
import io.gdsvault.gds.opcua.server.BackupVendorMethods;
import io.gdsvault.gds.opcua.server.DirectoryMethods;
import io.gdsvault.gds.opcua.server.DirectoryVendorMethods;
import io.gdsvault.gds.opcua.server.GdsServer;
import io.gdsvault.gds.opcua.server.MethodBinding;
import io.gdsvault.gds.persistence.DiskSpaceGuard;
import io.gdsvault.gds.persistence.jdbc.Database;
import io.gdsvault.gds.persistence.jdbc.H2Snapshot;
import io.gdsvault.gds.persistence.jdbc.JdbcApplicationRepository;
import io.gdsvault.gds.persistence.jdbc.JdbcAuditRepository;
import io.gdsvault.gds.persistence.jdbc.JdbcClusterStore;
import io.gdsvault.gds.persistence.jdbc.JdbcUserRepository;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the GDS with constructors: data directory, database, services, Milo server. One instance is
 * one running GDS; {@link #close()} stops it and releases the data directory.
 */
public final class GdsApplication implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GdsApplication.class);

  private final DataDirectory data;
  private final Database database;
  private final UserService users;
  private final DirectoryService directory;
  private final ClientTrustService clientTrust;
  private final GdsServer server;
  private final boolean firstStart;
  private final CertificateFeature certificates;
  private final PushFeature push;
  private final AuditTrail auditTrail;
  private final RefusalSummary refusals;
  private final Cluster cluster;
  private final GdsSettings settings;

  private GdsApplication(
      DataDirectory data,
      Database database,
      UserService users,
      DirectoryService directory,
      ClientTrustService clientTrust,
      GdsServer server,
      boolean firstStart,
      CertificateFeature certificates,
      PushFeature push,
      AuditTrail auditTrail,
      RefusalSummary refusals,
      Cluster cluster,
      GdsSettings settings) {
    this.settings = settings;
    this.data = data;
    this.database = database;
    this.users = users;
    this.directory = directory;
    this.clientTrust = clientTrust;
    this.server = server;
    this.firstStart = firstStart;
    this.certificates = certificates;
    this.push = push;
    this.auditTrail = auditTrail;
    this.refusals = refusals;
    this.cluster = cluster;
  }

  static UserService.Protection protection(GdsSettings.AdmissionSettings a, Clock clock) {
    return new UserService.Protection(
        new LoginThrottle(
            new LoginThrottle.Settings(
                a.loginFreeFailures(),
                a.loginLockoutFailures(),
                a.addressFreeFailures(),
                a.addressLockoutFailures(),
                Duration.ofMillis(a.loginDelayBaseMs()),
                Duration.ofMillis(a.loginDelayMaxMs()),
                Duration.ofMillis(a.loginLockoutMs()),
                100_000),
            clock),
        new CredentialCache(
            Duration.ofMillis(a.credentialCacheTtlMs()), a.credentialCacheMaxEntries(), clock));
  }

  /**
   * Starts a GDS on {@code dataDir}. On first start (no users yet: a new database) creates the
   * admin user, writes its password to {@code DATA/initial-admin-password} and prints it once to
   * {@code out}. Nothing is left locked or open when this fails.
   */
  public static GdsApplication start(
      GdsSettings settings, Path dataDir, Clock clock, PrintStream out) throws Exception {
    return start(
        settings, dataDir, clock, out, io.gdsvault.gds.push.PushSettings.of(settings.push()));
  }

  /** As {@link #start(GdsSettings, Path, Clock, PrintStream)} with the push engine's tuning. */
  public static GdsApplication start(
      GdsSettings settings,
      Path dataDir,
      Clock clock,
      PrintStream out,
      io.gdsvault.gds.push.PushSettings pushSettings)
      throws Exception {
    DataDirectory data = DataDirectory.open(dataDir);
    Database database = null;
    GdsServer server = null;
    CertificateFeature certificates = null;
    PushFeature push = null;
    Cluster cluster = null;
    try {
      database = openDatabase(settings, data.root());
      var tx = database.transactions();
      var trail = new AuditTrail(new JdbcAuditRepository(), tx, clock);
      var users = users(settings, tx, clock, trail);
      boolean firstStart = createInitialAdminIfNew(users, data, out);
      server = new GdsServer(settings, data.root(), users);
      var directory = directory(settings, tx, clock, trail, server);
      var clientTrust = new ClientTrustService(server.clientCertificates());

      certificates =
          CertificateFeature.open(
              settings,
              data.root(),
              tx,
              directory,
              clock,
              new TrailRequestAudit(trail),
              server.applicationUri());
      install(server, certificates, directory, clientTrust, users);
      var refusals = new RefusalSummary(trail, clock, settings.database().refusalSummarySeconds());
      server.callers().setObserver(new AuditingMethodObserver(trail, refusals));
      contributeOperatorMethods(server, trail, directory);
      contributeBackups(server, settings, data, database, clock);
      push =
          openPush(settings, pushSettings, data, tx, directory, certificates, server, clock, trail);
      server.start();
      cluster =
          new Cluster(
              new JdbcClusterStore(tx), NodeIdentity.generate(), server.endpointUrl(), clock);
      certificates.start(server, cluster);
      push.start();
      goLive(server, trail, data, refusals);
      return new GdsApplication(
          data,
          database,
          users,
          directory,
          clientTrust,
          server,
          firstStart,
          certificates,
          push,
          trail,
          refusals,
          cluster,
          settings);
    } catch (Exception | Error e) {
      closeStarted(cluster, push, server, certificates, database);
      data.close();
      throw e;
    }
  }

  /** The Directory's methods (each feature adds its bindings) and the feature's own nodes. */
  private static void install(
      GdsServer server,
      CertificateFeature certificates,
      DirectoryService directory,
      ClientTrustService clientTrust,
      UserService users) {
    List<MethodBinding> directoryMethods =
        new ArrayList<>(
            certificates.directoryBindings(DirectoryMethods.bindings(directory), directory));
    server.install(directoryMethods, clientTrust, users);
    certificates.contribute(server);
  }

  private static PushFeature openPush(
      GdsSettings settings,
      io.gdsvault.gds.push.PushSettings pushSettings,
      DataDirectory data,
      io.gdsvault.gds.persistence.Transactions tx,
      DirectoryService directory,
      CertificateFeature certificates,
      GdsServer server,
      Clock clock,
      AuditTrail trail)
      throws Exception {
    return PushFeature.open(
        settings,
        pushSettings,
        data.root(),
        tx,
        directory,
        certificates,
        server,
        clock,
        trail::append);
  }

  private static UserService users(
      GdsSettings settings,
      io.gdsvault.gds.persistence.Transactions tx,
      Clock clock,
      AuditTrail trail) {
    return new UserService(
        new JdbcUserRepository(),
        tx,
        new PasswordHasher(settings.security().passwordHashIterations()),
        clock,
        new TrailUserAudit(trail),
        protection(settings.admission(), clock));
  }

  /** The Directory, its changes audited in the trail and raised as OPC UA audit events. */
  private static DirectoryService directory(
      GdsSettings settings,
      io.gdsvault.gds.persistence.Transactions tx,
      Clock clock,
      AuditTrail trail,
      GdsServer server) {
    var audit =
        new TrailAuditLog(
            new MiloAuditLog(server.server(), new EventAudience(server.server(), server.callers())),
            trail);
    return new DirectoryService(
        new JdbcApplicationRepository(),
        tx,
        audit,
        clock,
        settings.directory().maxRecordsPerQuery(),
        java.util.Set.of(server.applicationUri()));
  }

  /**
   * On first start (no users yet: a new database) creates the admin user, writes its password to
   * {@code DATA/initial-admin-password} and prints it once; returns whether it did.
   */
  private static boolean createInitialAdminIfNew(
      UserService users, DataDirectory data, PrintStream out) throws java.io.IOException {
    if (users.hasUsers()) {
      return false;
    }
    char[] password = data.writeInitialAdminPassword();
    users.createInitialAdmin(password);
    out.println(
        "First start: created user '"
            + UserService.INITIAL_ADMIN
            + "' with all roles; its password (shown once) is "
            + new String(password));
    out.println("The password is also in " + data.initialAdminPasswordFile() + " (mode 0600).");
    Arrays.fill(password, '\0');
    return true;
  }

  /** The backup vendor methods (online snapshots of the embedded H2 database). */
  private static void contributeBackups(
      GdsServer server, GdsSettings settings, DataDirectory data, Database database, Clock clock) {
    boolean embeddedH2 = settings.database().url() == null || settings.database().url().isBlank();
    var backups =
        new BackupService(
            data.root(),
            new H2Snapshot(database, embeddedH2),
            () -> effectiveYaml(settings),
            clock);
    server
        .vendorNamespace()
        .contribute(BackupVendorMethods.OBJECT, BackupVendorMethods.bindings(backups));
  }

  /** The last steps of a start: trail events, data directory permissions, refusal summaries. */
  private static void goLive(
      GdsServer server, AuditTrail trail, DataDirectory data, RefusalSummary refusals)
      throws java.io.IOException {
    installTrailEvents(server, trail);
    data.restrictPermissions();
    refusals.start();
    log.info("GDS started endpoint={} data={}", server.endpointUrl(), data.root());
  }

  /** Every trail row raised as an OPC UA event, to the subscribers who may see it. */
  private static void installTrailEvents(GdsServer server, AuditTrail trail) {
    var trailEvents =
        new AuditTrailEvents(
            server.server(),
            server.vendorNamespace(),
            new EventAudience(server.server(), server.callers()));
    trailEvents.install();
    trail.setListener(trailEvents::fire);
  }

  /** Closes, newest first, what a failed start had opened. */
  private static void closeStarted(
      @Nullable Cluster cluster,
      @Nullable PushFeature push,
      @Nullable GdsServer server,
      @Nullable CertificateFeature certificates,
      @Nullable Database database)
      throws Exception {
    if (cluster != null) {
      cluster.close();
    }
    if (push != null) {
      push.close();
    }
    if (server != null) {
      server.close();
    }
    if (certificates != null) {
      certificates.close();
    }
    if (database != null) {
      database.close();
    }
  }

  /** The vendor methods of the audit trail and the operators' application list. */
  private static void contributeOperatorMethods(
      GdsServer server, AuditTrail trail, DirectoryService directory) {
    server
        .vendorNamespace()
        .contribute(AuditVendorMethods.OBJECT, AuditVendorMethods.bindings(trail));
    server
        .vendorNamespace()
        .contribute(DirectoryVendorMethods.OBJECT, DirectoryVendorMethods.bindings(directory));
  }

  /** The settings in force, as YAML (the backup's config/gds.yaml). */
  static String effectiveYaml(GdsSettings settings) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper(
              new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
          .writeValueAsString(settings);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("settings cannot be written as YAML", e);
    }
  }

  private static Database openDatabase(GdsSettings settings, Path dataDir) throws IOException {
    GdsSettings.DatabaseSettings db = settings.database();
    if (db.url() == null || db.url().isBlank()) {
      Database h2 =
          Database.open(
              Database.h2Url(dataDir), "", "", db.maxPoolSize(), db.statementTimeoutSeconds());
      // the embedded database shares the data directory's disk: stop writing before it is full
      h2.transactions().setWriteGuard(DiskSpaceGuard.of(dataDir, db.minFreeDiskMb() * 1024 * 1024));
      return h2;
    }
    String password = "";
    if (db.passwordFile() != null && !db.passwordFile().isBlank()) {
      password = Files.readString(Path.of(db.passwordFile())).trim();
    }
    return Database.open(
        db.url(), db.user(), password, db.maxPoolSize(), db.statementTimeoutSeconds());
  }

  /** The settings this GDS runs with. */
  public GdsSettings settings() {
    return settings;
  }

  /**
   * The standard string form of the NodeId of an application or request id ({@code ns=N;g=...}), as
   * the OPC UA methods and the CLI show it.
   */
  public String nodeId(java.util.UUID id) {
    // upper case, as Milo writes a Guid NodeId (the CLI's form)
    return "ns="
        + server.gdsNamespace().getNamespaceIndex().intValue()
        + ";g="
        + id.toString().toUpperCase(java.util.Locale.ROOT);
  }

  /** The inverse of {@link #nodeId}: the id of a NodeId string of the GDS namespace, or empty. */
  public java.util.Optional<java.util.UUID> idOfNodeId(String nodeId) {
    String prefix = "ns=" + server.gdsNamespace().getNamespaceIndex().intValue() + ";g=";
    if (!nodeId.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(java.util.UUID.fromString(nodeId.substring(prefix.length())));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  /** Tells {@code timing} how long every OPC UA method call takes (the console's metrics). */
  public void timeMethodCalls(io.gdsvault.gds.opcua.security.MethodTimingListener timing) {
    server.callers().setTiming(timing);
  }

  public String endpointUrl() {
    return server.endpointUrl();
  }

  public Path dataDirectory() {
    return data.root();
  }

  public boolean firstStart() {
    return firstStart;
  }

  public GdsServer server() {
    return server;
  }

  public UserService users() {
    return users;
  }

  public DirectoryService directory() {
    return directory;
  }

  public ClientTrustService clientTrust() {
    return clientTrust;
  }

  public Database database() {
    return database;
  }

  /** The pull flow: certificate groups, requests and approval. */
  public CertificateFeature certificates() {
    return certificates;
  }

  /** The hash-chained audit trail in the database. */
  public AuditTrail auditTrail() {
    return auditTrail;
  }

  /** The push engine. */
  public PushFeature push() {
    return push;
  }

  /** This node among the nodes sharing the database. */
  public Cluster cluster() {
    return cluster;
  }

  /** Refused calls of unauthenticated callers, counted until written to the audit trail. */
  public RefusalSummary refusals() {
    return refusals;
  }

  @Override
  public void close() {
    try {
      refusals.close();
      if (push != null) {
        push.close();
      }
      server.close();
      if (certificates != null) {
        certificates.close();
      }
      if (cluster != null) {
        cluster.close();
      }
    } finally {
      try {
        database.close();
        data.restrictPermissions();
      } catch (java.io.IOException e) {
        log.warn("could not restrict the data directory's permissions: {}", e.toString());
      } finally {
        data.close();
      }
    }
    log.info("GDS stopped");
  }
}
