package io.gdsvault.gds.app;

import io.gdsvault.gds.audit.AuditTrail;
import io.gdsvault.gds.audit.TrailAuditLog;
import io.gdsvault.gds.audit.TrailRequestAudit;
import io.gdsvault.gds.audit.TrailUserAudit;
import io.gdsvault.gds.auth.ClientTrustService;
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
import io.gdsvault.gds.opcua.server.AuditVendorMethods;
import io.gdsvault.gds.opcua.server.BackupVendorMethods;
import io.gdsvault.gds.opcua.server.DirectoryMethods;
import io.gdsvault.gds.opcua.server.GdsServer;
import io.gdsvault.gds.opcua.server.MethodBinding;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    this.cluster = cluster;
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
      var users =
          new UserService(
              new JdbcUserRepository(),
              tx,
              new PasswordHasher(settings.security().passwordHashIterations()),
              clock,
              new TrailUserAudit(trail));
      boolean firstStart = !users.hasUsers();
      if (firstStart) {
        char[] password = data.writeInitialAdminPassword();
        users.createInitialAdmin(password);
        out.println(
            "First start: created user '"
                + UserService.INITIAL_ADMIN
                + "' with all roles; its password (shown once) is "
                + new String(password));
        out.println("The password is also in " + data.initialAdminPasswordFile() + " (mode 0600).");
        Arrays.fill(password, '\0');
      }

      server = new GdsServer(settings, data.root(), users);
      var audit = new TrailAuditLog(new MiloAuditLog(server.server()), trail);
      var directory =
          new DirectoryService(
              new JdbcApplicationRepository(),
              tx,
              audit,
              clock,
              settings.directory().maxRecordsPerQuery());
      var clientTrust = new ClientTrustService(server.clientCertificates());

      // Directory methods per feature: add further bindings (certificates, trust lists) here.
      certificates =
          CertificateFeature.open(
              settings, data.root(), tx, directory, clock, new TrailRequestAudit(trail));
      List<MethodBinding> directoryMethods =
          new ArrayList<>(
              certificates.directoryBindings(DirectoryMethods.bindings(directory), directory));

      server.install(directoryMethods, clientTrust, users);
      // Nodes beyond the Directory's methods: server.gdsNamespace().contribute(ns -> ...) here.
      certificates.contribute(server);
      server.callers().setObserver(new AuditingMethodObserver(trail));
      server
          .vendorNamespace()
          .contribute(AuditVendorMethods.OBJECT, AuditVendorMethods.bindings(trail));
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
      push =
          PushFeature.open(
              settings,
              pushSettings,
              data.root(),
              tx,
              directory,
              certificates,
              server,
              clock,
              trail::append);
      server.start();
      cluster =
          new Cluster(
              new JdbcClusterStore(tx), NodeIdentity.generate(), server.endpointUrl(), clock);
      certificates.start(server, cluster);
      push.start();
      var trailEvents = new AuditTrailEvents(server.server(), server.vendorNamespace());
      trailEvents.install();
      trail.setListener(trailEvents::fire);
      log.info("GDS started endpoint={} data={}", server.endpointUrl(), data.root());
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
          cluster,
          settings);
    } catch (Exception | Error e) {
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
      data.close();
      throw e;
    }
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
      return Database.open(Database.h2Url(dataDir), "", "", db.maxPoolSize());
    }
    String password = "";
    if (db.passwordFile() != null && !db.passwordFile().isBlank()) {
      password = Files.readString(Path.of(db.passwordFile())).trim();
    }
    return Database.open(db.url(), db.user(), password, db.maxPoolSize());
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

  @Override
  public void close() {
    try {
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
      } finally {
        data.close();
      }
    }
    log.info("GDS stopped");
  }
}
