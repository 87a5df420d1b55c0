package io.gdsvault.gds.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.app.Main;
import io.gdsvault.gds.cli.ClientIdentity;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import io.gdsvault.gds.model.ua.GdsDataTypes;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.opcua.server.VendorNamespace;
import io.gdsvault.gds.persistence.jdbc.Database;
import io.gdsvault.gds.testing.GdsTestServer;
import io.gdsvault.gds.testing.TestClients;
import io.gdsvault.testing.Await;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.Test;

/**
 * The request lifecycle survives SIGKILL: a GDS process is killed three times right after devices
 * filed requests (CSR and new-key-pair devices, auto-approved by a rule and approved by a person),
 * while new key pairs are still being generated. After each kill the database holds no request the
 * policy should have decided and left New; after the last restart every acknowledged request is
 * delivered once a person approved the manual ones, none stuck. A clean SIGTERM at the end gives
 * the node's cluster leases back before the database closes (checked in the database and H2's trace
 * file).
 */
class RequestKillIT {

  static final String PW = "kill-test-password";
  static final String KEY_PASSWORD = "device-key-pw";
  static final int DEVICES = 6;
  static final int KILLS = 3;

  /** A device: its client certificate and application; CSR devices also their CSR. */
  // the CSR goes to the GDS as bytes; devices are never compared with equals
  @SuppressWarnings("ArrayRecordComponent")
  record Dev(ClientIdentity identity, NodeId app, boolean newKeyPair, boolean auto, byte[] csr) {}

  /** A request a device got an answer for (the GDS acknowledged it). */
  record Filed(Dev dev, NodeId request) {}

  @Test
  void killedDuringRequestsEveryAcknowledgedRequestIsDeliveredAndSigtermReleasesTheLease()
      throws Exception {
    Path data = Files.createTempDirectory("gds-kill-");
    Path config = data.resolveSibling(data.getFileName() + ".yaml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "security:",
            "  passwordHashIterations: 100000",
            "certificates:",
            // slow key pairs, none made ahead: the kill comes while they are generated
            "  rsaKeyBits: 3072",
            "  keyPoolSize: 0",
            "  approvalRules:",
            "    - {uriPattern: \"urn:kill:auto:.*\", requestedBy: \"\", outcome: approve}",
            ""));
    Process gds = null;
    long t0 = System.nanoTime();
    try {
      List<Filed> filed = new ArrayList<>();
      List<Dev> devs = List.of();
      int keylessAtKill = 0;
      int port = 0;
      List<Long> phases = new ArrayList<>();
      for (int round = 0; round < KILLS; round++) {
        port = GdsTestServer.freePort();
        gds = serve(data, config, port);
        String url = "opc.tcp://localhost:" + port + "/GDS";
        if (round == 0) {
          devs = setUp(data, url);
        }
        filed.addAll(fileAndApproveSome(devs, url, round));
        gds.destroyForcibly(); // SIGKILL while key pairs are being generated
        assertThat(gds.waitFor(30, TimeUnit.SECONDS)).isTrue();
        keylessAtKill += afterKill(data);
        phases.add(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0));
      }
      assertThat(keylessAtKill)
          .as("new key pairs acknowledged but without their key when the process died")
          .isPositive();
      expireLeasesOfKilledNodes(data); // as their ttl would: the next node takes the leases

      port = GdsTestServer.freePort();
      gds = serve(data, config, port);
      Map<Long, Integer> outcomes = collect(filed, "opc.tcp://localhost:" + port + "/GDS");
      phases.add(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0));
      Instant stoppedAt = sigterm(gds);
      System.out.printf(
          "kill test: kills=%d requests=%d keylessAtKill=%d outcomes=%s seconds=%d phases=%s%n",
          KILLS,
          filed.size(),
          keylessAtKill,
          outcomes,
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0),
          phases);
      assertThat(outcomes).as("every acknowledged request delivered").containsOnlyKeys(0L);
      assertLeasesReleased(data, port, stoppedAt);
    } finally {
      if (gds != null && gds.isAlive()) {
        gds.destroyForcibly();
        gds.waitFor(30, TimeUnit.SECONDS);
      }
      GdsTestServer.deleteTree(data);
      Files.deleteIfExists(config);
    }
  }

  /** Users (a requester and an approver) and the devices' applications. */
  private static List<Dev> setUp(Path data, String url) throws Exception {
    String adminPw = Files.readString(data.resolve("initial-admin-password")).strip();
    OpcUaClient admin =
        client(
            url,
            PullSupport.selfSigned("urn:kill:admin", PullSupport.rsa()),
            new UsernameProvider("admin", adminPw));
    try {
      addUser(admin, "requester", "CertificateAuthorityAdmin");
      addUser(admin, "approver", "RegistrationAuthorityAdmin");
      int ns = admin.getNamespaceTable().getIndex(GdsNodeIds.NAMESPACE_URI).intValue();
      KeyPair deviceKey = PullSupport.rsa(); // one key for all: RSA generation is not measured
      List<Dev> devs = new ArrayList<>();
      for (int i = 0; i < DEVICES; i++) {
        boolean newKeyPair = i % 2 == 0;
        boolean auto = (i / 2) % 2 == 0;
        String uri = "urn:kill:" + (auto ? "auto" : "manual") + ":" + i + ":" + UUID.randomUUID();
        ApplicationRecord r =
            new ApplicationRecord(
                null,
                uri,
                ApplicationType.SERVER,
                List.of(new LocalizedName("en", "kill " + i)),
                "urn:kill",
                List.of("opc.tcp://d" + i + ":4840"),
                List.of("NA"));
        CallMethodResult reg =
            call(
                admin,
                GdsNodeIds.RegisterApplication,
                new Variant(
                    ExtensionObject.encode(
                        admin.getStaticEncodingContext(), ApplicationRecordMapper.toUa(r, ns))));
        assertThat(reg.getStatusCode().isGood()).as("register %s", reg.getStatusCode()).isTrue();
        devs.add(
            new Dev(
                PullSupport.selfSigned(uri, deviceKey),
                (NodeId) reg.getOutputArguments()[0].value(),
                newKeyPair,
                auto,
                PullSupport.csr(deviceKey, uri)));
      }
      return devs;
    } finally {
      TestClients.disconnect(admin);
    }
  }

  /**
   * Every device files one request and gets its answer; the approver approves the manual requests
   * of every other device (the rest wait for a person). Returns the acknowledged requests.
   */
  private static List<Filed> fileAndApproveSome(List<Dev> devs, String url, int round)
      throws Exception {
    OpcUaClient approver =
        client(
            url,
            PullSupport.selfSigned("urn:kill:approver", PullSupport.rsa()),
            new UsernameProvider("approver", PW));
    // no disconnect: the process is killed with the sessions open, devices waiting
    List<Filed> filed = new ArrayList<>();
    List<Dev> order = new ArrayList<>(devs);
    // new key pairs last, so their generation still runs at the kill
    order.sort(java.util.Comparator.comparing(Dev::newKeyPair));
    for (Dev d : order) {
      OpcUaClient c = client(url, d.identity(), new UsernameProvider("requester", PW));
      CallMethodResult s = start(c, d);
      assertThat(s.getStatusCode().isGood()).as("start %s", s.getStatusCode()).isTrue();
      filed.add(new Filed(d, (NodeId) s.getOutputArguments()[0].value()));
    }
    for (int i = 0; i < filed.size(); i++) {
      Filed f = filed.get(i);
      if (!f.dev().auto() && (i + round) % 4 < 2) {
        assertThat(approve(approver, f.request(), "before the kill").getStatusCode().isGood())
            .isTrue();
      }
    }
    return filed;
  }

  /**
   * What the kill left in the database: no request the rule approves is New (filing and decision
   * are one transaction). Returns the new-key-pair requests without their key.
   */
  private static int afterKill(Path data) {
    try (Database db = Database.open(Database.h2Url(data), "", "", 2)) {
      long undecided =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT COUNT(*) FROM certificate_requests WHERE state = 'NEW'"
                                  + " AND application_uri LIKE 'urn:kill:auto:%'")
                          .mapTo(Long.class)
                          .one());
      assertThat(undecided).as("auto-approved requests left New by the kill").isZero();
      return db.jdbi()
          .withHandle(
              h ->
                  h.createQuery(
                          "SELECT COUNT(*) FROM certificate_requests WHERE kind = 'NEW_KEY_PAIR'"
                              + " AND state IN ('NEW', 'APPROVED') AND csr_der IS NULL")
                      .mapTo(Integer.class)
                      .one());
    }
  }

  /**
   * After the last restart: a person approves what waits for one, and every device polls its
   * requests until they are past Bad_NothingToDo (bounded). Returns the final status codes,
   * counted.
   */
  private static Map<Long, Integer> collect(List<Filed> filed, String url) throws Exception {
    OpcUaClient approver =
        client(
            url,
            PullSupport.selfSigned("urn:kill:approver", PullSupport.rsa()),
            new UsernameProvider("approver", PW));
    Map<Long, Integer> outcomes = new LinkedHashMap<>();
    try {
      for (Filed f : filed) {
        approve(approver, f.request(), "after the restart"); // Bad_InvalidState once decided
      }
      Map<Dev, OpcUaClient> sessions = new LinkedHashMap<>();
      for (Filed f : filed) {
        OpcUaClient c =
            sessions.computeIfAbsent(
                f.dev(), d -> connectUnchecked(url, d.identity(), "requester"));
        CallMethodResult r =
            Await.until("FinishRequest of " + f.request() + " past Bad_NothingToDo")
                .atMost(Duration.ofSeconds(60))
                .every(Duration.ofMillis(250))
                .valueUnlessThrown(
                    () -> finish(c, f),
                    x -> x.getStatusCode().getValue() != StatusCodes.Bad_NothingToDo);
        outcomes.merge(r.getStatusCode().getValue(), 1, Integer::sum);
        if (r.getStatusCode().isGood() && f.dev().newKeyPair()) {
          assertThat(PullSupport.bytes(r.getOutputArguments()[1])).as("private key").isNotEmpty();
        }
      }
      sessions.values().forEach(TestClients::disconnect);
    } finally {
      TestClients.disconnect(approver);
    }
    return outcomes;
  }

  /** Ends the leases the killed processes still hold, as their ttl would. */
  private static void expireLeasesOfKilledNodes(Path data) {
    try (Database db = Database.open(Database.h2Url(data), "", "", 2)) {
      db.jdbi()
          .useHandle(
              h ->
                  h.createUpdate("UPDATE cluster_leases SET expires_at = :past")
                      .bind("past", java.sql.Timestamp.from(Instant.now().minusSeconds(60)))
                      .execute());
    }
  }

  /** SIGTERM and the clean stop; returns when it was stopped. */
  private static Instant sigterm(Process gds) throws Exception {
    gds.destroy();
    assertThat(gds.waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
    return Instant.now();
  }

  /**
   * The node that served on {@code port} holds no lease after its SIGTERM, and H2 did not close
   * under the shutdown (its trace file would say "Database is already closed").
   */
  private static void assertLeasesReleased(Path data, int port, Instant stoppedAt)
      throws Exception {
    Path trace = data.resolve("db").resolve("gds.trace.db");
    if (Files.exists(trace)) {
      assertThat(Files.readString(trace)).doesNotContain("Database is already closed");
    }
    try (Database db = Database.open(Database.h2Url(data), "", "", 2)) {
      List<Map.Entry<String, Instant>> held =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT l.name, l.expires_at FROM cluster_leases l JOIN"
                                  + " cluster_nodes n ON n.node_id = l.holder WHERE"
                                  + " n.endpoint_url LIKE :port")
                          .bind("port", "%:" + port + "/%")
                          .map(
                              (rs, ctx) ->
                                  Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant()))
                          .list());
      assertThat(held).as("leases this node took").isNotEmpty();
      for (Map.Entry<String, Instant> lease : held) {
        assertThat(lease.getValue()).as("lease %s given back", lease.getKey()).isBefore(stoppedAt);
      }
    }
  }

  private static CallMethodResult start(OpcUaClient c, Dev d) throws Exception {
    if (d.newKeyPair()) {
      return call(
          c,
          GdsNodeIds.StartNewKeyPairRequest,
          new Variant(d.app()),
          new Variant(NodeId.NULL_VALUE),
          new Variant(NodeId.NULL_VALUE),
          new Variant("CN=kill test device"),
          new Variant(new String[] {"localhost"}),
          new Variant("PFX"),
          new Variant(KEY_PASSWORD));
    }
    return call(
        c,
        GdsNodeIds.StartSigningRequest,
        new Variant(d.app()),
        new Variant(NodeId.NULL_VALUE),
        new Variant(NodeId.NULL_VALUE),
        new Variant(ByteString.of(d.csr())));
  }

  private static CallMethodResult finish(OpcUaClient c, Filed f) throws Exception {
    return call(c, GdsNodeIds.FinishRequest, new Variant(f.dev().app()), new Variant(f.request()));
  }

  private static CallMethodResult approve(OpcUaClient c, NodeId request, String comment)
      throws Exception {
    return vendor(
        c,
        "GdsVault.CertificateRequests",
        "ApproveRequest",
        new Variant(request.toParseableString()),
        new Variant(comment));
  }

  private static void addUser(OpcUaClient admin, String name, String role) throws Exception {
    CallMethodResult r =
        vendor(
            admin,
            "GdsVault.Users",
            "AddUser",
            new Variant(name),
            new Variant(PW),
            new Variant(new String[] {role}));
    assertThat(r.getStatusCode().isGood()).as("AddUser %s", r.getStatusCode()).isTrue();
  }

  private static OpcUaClient connectUnchecked(String url, ClientIdentity identity, String user) {
    try {
      return client(url, identity, new UsernameProvider(user, PW));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static OpcUaClient client(String url, ClientIdentity identity, UsernameProvider user)
      throws Exception {
    OpcUaClient client =
        OpcUaClient.create(
            url,
            endpoints ->
                endpoints.stream()
                    .filter(
                        e ->
                            e.getSecurityPolicyUri().equals(SecurityPolicy.Basic256Sha256.getUri()))
                    .filter(e -> e.getSecurityMode() == MessageSecurityMode.SignAndEncrypt)
                    .findFirst(),
            t -> {},
            c ->
                c.setApplicationName(LocalizedText.english("kill test client"))
                    .setApplicationUri(identity.applicationUri())
                    .setKeyPair(identity.keyPair())
                    .setCertificate(identity.certificate())
                    .setCertificateChain(new X509Certificate[] {identity.certificate()})
                    .setCertificateValidator((chain, uri, hosts) -> {}) // a child on localhost
                    .setIdentityProvider(user)
                    .setRequestTimeout(uint(30_000)));
    client.connect();
    GdsDataTypes.register(client.getStaticDataTypeManager(), client.getNamespaceTable());
    return client;
  }

  private static CallMethodResult call(OpcUaClient c, ExpandedNodeId method, Variant... in)
      throws Exception {
    return c.call(
            List.of(
                new CallMethodRequest(
                    GdsNodeIds.resolve(GdsNodeIds.Directory, c.getNamespaceTable()),
                    GdsNodeIds.resolve(method, c.getNamespaceTable()),
                    in)))
        .getResults()[0];
  }

  private static CallMethodResult vendor(OpcUaClient c, String object, String method, Variant... in)
      throws Exception {
    NodeId o = VendorNamespace.id(object).toNodeId(c.getNamespaceTable()).orElseThrow();
    NodeId m =
        VendorNamespace.id(object + "." + method).toNodeId(c.getNamespaceTable()).orElseThrow();
    return c.call(List.of(new CallMethodRequest(o, m, in))).getResults()[0];
  }

  private static Process serve(Path data, Path config, int port) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "serve",
            "--data",
            data.toString(),
            "--config",
            config.toString(),
            "--port",
            Integer.toString(port));
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    CompletableFuture<String> found = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  if (line.startsWith("GDS listening on")) {
                    found.complete(line);
                  }
                }
                found.completeExceptionally(new IllegalStateException("the GDS exited"));
              } catch (Exception e) {
                found.completeExceptionally(e);
              }
            });
    reader.setDaemon(true);
    reader.start();
    found.get(90, TimeUnit.SECONDS);
    return p;
  }
}
