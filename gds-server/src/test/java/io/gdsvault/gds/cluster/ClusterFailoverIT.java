package io.gdsvault.gds.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.ca.CertificateAuthority;
import io.gdsvault.gds.app.CertificateFeature;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.cli.ClientIdentity;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.testing.GdsTestServer;
import io.gdsvault.gds.testing.TestClients;
import io.gdsvault.gds.testing.TestPostgres;
import io.gdsvault.testing.Await;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.junit.jupiter.api.Test;

/**
 * Several nodes: PostgreSQL and two GDS nodes on loopback, devices (real Milo clients, each with
 * its own application certificate) pull certificates from both with auto-approve, one node is
 * killed in the middle, the devices retry on the survivor, and every request is completed exactly
 * once with unique serials; CRL numbers issued by both nodes at the same time never collide; a
 * trust change on one node reaches the other at once.
 *
 * <p>Two cases: node B in-process, "killed" by closing its OPC UA server under the devices' open
 * sessions and then stopping it (its leases are released on that stop); and node B as its own JVM
 * ({@code gds serve}) killed with SIGKILL, with no shutdown at all. Lease expiry after such a crash
 * is covered by {@link ClusterStoreTest}. Node B is killed once it has delivered certificates, so
 * both nodes served devices.
 */
class ClusterFailoverIT {

  private static final int DEVICES = 20;

  /** Certificates node B delivers before it is killed. */
  private static final int KILL_AFTER = 3;

  private static final String USER = "device";
  private static final String PASSWORD = "device password for the failover test";

  @Test
  void devicesOnTwoNodesCompleteEveryRequestExactlyOnceWhenOneNodeDies() throws Exception {
    Path secret =
        Files.createTempFile(
            "gds-keystore-",
            ".secret",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(secret, "a shared keystore secret for both nodes");
    try (TestPostgres pg = TestPostgres.start()) {
      Consumer<ObjectNode> shared =
          t -> {
            ObjectNode db = (ObjectNode) t.get("database");
            db.put("url", pg.jdbcUrl());
            db.put("user", pg.user());
            ObjectNode certs = (ObjectNode) t.get("certificates");
            certs.put("keystorePasswordFile", secret.toString());
            certs.put("autoApprove", true);
          };
      GdsTestServer a = GdsTestServer.start(shared);
      GdsTestServer b = GdsTestServer.start(shared);
      try {
        a.app()
            .users()
            .addUser(
                Caller.system(),
                USER,
                PASSWORD.toCharArray(),
                Set.of(Role.CERTIFICATE_AUTHORITY_ADMIN, Role.DISCOVERY_ADMIN));
        crlNumbersFromBothNodesNeverCollide(a, b, pg);
        aTrustChangeOnOneNodeReachesTheOther(a, b);
        devicesSurviveTheLossOfANode(a, b, pg);
      } finally {
        a.close();
        b.close();
        Files.deleteIfExists(secret);
      }
    }
  }

  /**
   * The same with node B as its own JVM ({@code gds serve} on the test classpath) killed with
   * SIGKILL ({@code destroyForcibly}): no graceful shutdown, open sessions and database connections
   * cut, leases left to expire.
   */
  @Test
  void devicesCarryOnWhenANodeProcessIsKilled() throws Exception {
    Path secret =
        Files.createTempFile(
            "gds-keystore-",
            ".secret",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(secret, "a shared keystore secret for both nodes");
    Path dataB = Files.createTempDirectory("gds-it-node-b-");
    Process nodeB = null;
    try (TestPostgres pg = TestPostgres.start()) {
      Consumer<ObjectNode> shared =
          t -> {
            ObjectNode db = (ObjectNode) t.get("database");
            db.put("url", pg.jdbcUrl());
            db.put("user", pg.user());
            ObjectNode certs = (ObjectNode) t.get("certificates");
            certs.put("keystorePasswordFile", secret.toString());
            certs.put("autoApprove", true);
          };
      try (GdsTestServer a = GdsTestServer.start(shared)) {
        a.app()
            .users()
            .addUser(
                Caller.system(),
                USER,
                PASSWORD.toCharArray(),
                Set.of(Role.CERTIFICATE_AUTHORITY_ADMIN, Role.DISCOVERY_ADMIN));
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb =
            new ProcessBuilder(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                io.gdsvault.gds.app.Main.class.getName(),
                "serve",
                "--data",
                dataB.toString(),
                "--port",
                Integer.toString(GdsTestServer.freePort()),
                "--db-url",
                pg.jdbcUrl(),
                "--db-user",
                pg.user(),
                "--keystore-password-file",
                secret.toString(),
                "--auto-approve");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        nodeB = pb.start();
        String url = awaitListening(nodeB);
        Node b = new Node(url, Files.readAllBytes(dataB.resolve("pki/own/certs/gds-server.der")));
        Process killed = nodeB;
        devicesSurviveTheLossOfANode(
            a,
            b,
            () -> {
              killed.destroyForcibly(); // SIGKILL
              try {
                assertThat(killed.waitFor(60, TimeUnit.SECONDS)).isTrue();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            },
            pg,
            12,
            2);
        assertThat(nodeB.isAlive()).isFalse();
      }
    } finally {
      if (nodeB != null) {
        nodeB.destroyForcibly();
      }
      GdsTestServer.deleteTree(dataB);
      Files.deleteIfExists(secret);
    }
  }

  private static String awaitListening(Process p) throws Exception {
    java.util.concurrent.CompletableFuture<String> found =
        new java.util.concurrent.CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (var r =
                  new java.io.BufferedReader(
                      new java.io.InputStreamReader(
                          p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  if (line.startsWith("GDS listening on ")) {
                    found.complete(line.substring("GDS listening on ".length()).trim());
                  }
                }
                found.completeExceptionally(
                    new IllegalStateException("node B exited before listening"));
              } catch (Exception e) {
                found.completeExceptionally(e);
              }
            });
    reader.setDaemon(true);
    reader.start();
    return found.get(180, TimeUnit.SECONDS);
  }

  private static void crlNumbersFromBothNodesNeverCollide(
      GdsTestServer a, GdsTestServer b, TestPostgres pg) throws Exception {
    String caId;
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), "");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT ca_id FROM ca_generations WHERE ca_name = (SELECT MIN(ca_name) FROM"
                    + " ca_generations)")) {
      assertThat(rs.next()).isTrue();
      caId = rs.getString(1);
    }
    String caName = caNameOf(pg, caId);
    CertificateAuthority onA = caNamed(a, caName);
    CertificateAuthority onB = caNamed(b, caName);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<BigInteger>> numbers = new ArrayList<>();
    try {
      for (int i = 0; i < 24; i++) {
        CertificateAuthority ca = i % 2 == 0 ? onA : onB;
        numbers.add(
            pool.submit(
                () -> {
                  go.await();
                  return crlNumber(ca.reissueCrl(caId));
                }));
      }
      go.countDown();
      Set<BigInteger> distinct = new HashSet<>();
      for (Future<BigInteger> f : numbers) {
        assertThat(distinct.add(f.get(120, TimeUnit.SECONDS)))
            .as("CRL number issued twice")
            .isTrue();
      }
      // the stored CRL is the newest one, and both nodes serve it
      BigInteger max = Collections.max(distinct);
      assertThat(crlNumber(onA.crl(caId))).isEqualTo(max);
      assertThat(crlNumber(onB.crl(caId))).isEqualTo(max);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String caNameOf(TestPostgres pg, String caId) throws Exception {
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), "");
        var s = c.prepareStatement("SELECT ca_name FROM ca_generations WHERE ca_id = ?")) {
      s.setString(1, caId);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }

  private static CertificateAuthority caNamed(GdsTestServer node, String caName) {
    return node.app().certificates().groups().groups().stream()
        .flatMap(g -> g.types().stream())
        .map(t -> t.ca())
        .filter(ca -> ca.config().caName().equals(caName))
        .findFirst()
        .orElseThrow();
  }

  private static BigInteger crlNumber(X509CRL crl) {
    byte[] ext = crl.getExtensionValue(Extension.cRLNumber.getId());
    return org.bouncycastle.asn1.ASN1Integer.getInstance(
            org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets())
        .getValue();
  }

  private static void aTrustChangeOnOneNodeReachesTheOther(GdsTestServer a, GdsTestServer b)
      throws Exception {
    long before = b.app().certificates().groups().version();
    a.app().certificates().groups().changed();
    // B's relay polls every Cluster.RELAY_POLL (2 s); wait for it, but not forever
    Await.until("B to see A's trust change")
        .atMost(Duration.ofSeconds(60))
        .every(Duration.ofMillis(100))
        .value(() -> b.app().certificates().groups().version(), version -> version > before);
    assertThat(b.app().cluster().store().version(CertificateFeature.TRUST_TOPIC)).isPositive();
    assertThat(b.app().cluster().store().nodesSeenSince(java.time.Instant.now().minusSeconds(600)))
        .extracting(ClusterStore.Node::endpointUrl)
        .contains(a.endpointUrl(), b.endpointUrl());
  }

  /** Where a device connects: an endpoint and the server certificate it trusts. */
  // the certificate is handed to the client as DER bytes; nodes are never compared with equals
  @SuppressWarnings("ArrayRecordComponent")
  record Node(String endpointUrl, byte[] serverCertificate) {
    static Node of(GdsTestServer s) throws Exception {
      return new Node(s.endpointUrl(), s.app().server().certificate().getEncoded());
    }
  }

  /** What one device did: every request it started and the certificates it received. */
  record Outcome(
      String uri,
      List<NodeId> requests,
      List<X509Certificate> certificates,
      int switches,
      String deliveredBy) {}

  private static void devicesSurviveTheLossOfANode(
      GdsTestServer a, GdsTestServer b, TestPostgres pg) throws Exception {
    devicesSurviveTheLossOfANode(
        a,
        Node.of(b),
        () -> {
          // kill B mid-run: its OPC UA server goes away under open sessions, then the node stops
          b.app().server().close();
          b.stop();
        },
        pg,
        DEVICES,
        KILL_AFTER);
  }

  private static void devicesSurviveTheLossOfANode(
      GdsTestServer a, Node nodeB, Runnable killB, TestPostgres pg, int deviceCount, int killAfter)
      throws Exception {
    Node nodeA = Node.of(a);
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair key = g.generateKeyPair(); // one key for all devices: RSA generation is slow here
    List<NodeId> apps = new ArrayList<>();
    List<String> uris = new ArrayList<>();
    OpcUaClient admin = TestClients.admin(a);
    try {
      for (int i = 0; i < deviceCount; i++) {
        String uri = "urn:it:failover:device-" + i + ":" + UUID.randomUUID();
        var record =
            new ApplicationRecord(
                null,
                uri,
                ApplicationType.CLIENT_AND_SERVER,
                List.of(new LocalizedName("en", "failover device " + i)),
                "urn:it:product",
                List.of("opc.tcp://device-" + i + ".example:4840"),
                List.of());
        int ns = admin.getNamespaceTable().getIndex(GdsNodeIds.NAMESPACE_URI).intValue();
        CallMethodResult r =
            call(
                admin,
                GdsNodeIds.Directory,
                GdsNodeIds.RegisterApplication,
                new Variant(
                    ExtensionObject.encode(
                        admin.getStaticEncodingContext(),
                        ApplicationRecordMapper.toUa(record, ns))));
        assertThat(r.getStatusCode().isGood()).as("register %s", r.getStatusCode()).isTrue();
        apps.add((NodeId) r.getOutputArguments()[0].value());
        uris.add(uri);
      }
    } finally {
      TestClients.disconnect(admin);
    }

    AtomicInteger completed = new AtomicInteger();
    CountDownLatch killNow = new CountDownLatch(1);
    Map<Integer, Outcome> outcomes = new ConcurrentHashMap<>();
    ExecutorService devices = Executors.newFixedThreadPool(4);
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < deviceCount; i++) {
      int n = i;
      running.add(
          devices.submit(
              () -> {
                Outcome o =
                    runDevice(
                        n % 2 == 0 ? List.of(nodeA, nodeB) : List.of(nodeB, nodeA),
                        apps.get(n),
                        uris.get(n),
                        key);
                outcomes.put(n, o);
                // B is killed once it has delivered killAfter certificates: it served devices, then
                // died
                if (nodeB.endpointUrl().equals(o.deliveredBy())
                    && completed.incrementAndGet() == killAfter) {
                  killNow.countDown();
                }
                return null;
              }));
    }
    assertThat(killNow.await(10, TimeUnit.MINUTES)).isTrue();
    killB.run();
    for (Future<?> f : running) {
      f.get(10, TimeUnit.MINUTES);
    }
    devices.shutdownNow();

    // every device got its certificate, issued by the shared CA, with its own URI
    assertThat(outcomes).hasSize(deviceCount);
    Set<BigInteger> serials = new HashSet<>();
    Set<NodeId> requests = new HashSet<>();
    for (Outcome o : outcomes.values()) {
      assertThat(o.certificates()).as("device %s got a certificate", o.uri()).isNotEmpty();
      for (X509Certificate c : o.certificates()) {
        assertThat(serials.add(c.getSerialNumber())).as("serial delivered twice").isTrue();
      }
      requests.addAll(o.requests());
    }
    // in the database: each request the devices started has exactly one certificate and was
    // delivered (Accepted); no request has two certificates; serials are unique
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), "")) {
      for (NodeId req : requests) {
        UUID id = (UUID) req.getIdentifier();
        try (var s =
            c.prepareStatement(
                "SELECT r.state, r.delivered_at, (SELECT COUNT(*) FROM issued_certificates i WHERE"
                    + " i.request_id = r.request_id) FROM certificate_requests r WHERE r.request_id"
                    + " = ?")) {
          s.setObject(1, id);
          try (ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).as("request %s stored", id).isTrue();
            assertThat(rs.getString(1)).as("request %s", id).isEqualTo("ACCEPTED");
            assertThat(rs.getTimestamp(2)).isNotNull();
            assertThat(rs.getLong(3)).as("certificates of request %s", id).isEqualTo(1);
          }
        }
      }
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT COUNT(*), COUNT(DISTINCT serial), COUNT(DISTINCT request_id) FROM"
                      + " issued_certificates WHERE request_id IS NOT NULL")) {
        assertThat(rs.next()).isTrue();
        long issued = rs.getLong(1);
        // one certificate per request, one request per certificate, no serial twice; a request
        // whose StartSigningRequest answer was lost with node B (the device never learned its
        // id and asked again) may hold a certificate nobody collects, but never two
        assertThat(rs.getLong(2)).isEqualTo(issued);
        assertThat(rs.getLong(3)).isEqualTo(issued);
        assertThat(issued).isGreaterThanOrEqualTo(requests.size());
      }
    }
    assertThat(requests.size()).isGreaterThanOrEqualTo(deviceCount);
    int switched = outcomes.values().stream().mapToInt(Outcome::switches).sum();
    System.out.printf(
        "failover: %d devices, %d requests, %d node switches after the kill%n",
        deviceCount, requests.size(), switched);
    // devices that started after the kill with B first must have moved to A
    assertThat(switched).as("some devices had to fail over").isPositive();
    assertThat(
            outcomes.values().stream()
                .filter(o -> nodeB.endpointUrl().equals(o.deliveredBy()))
                .count())
        .as("B delivered before it died")
        .isGreaterThanOrEqualTo(killAfter);
  }

  /**
   * A device: StartSigningRequest, then FinishRequest until it has its certificate; on a lost
   * connection or a dead node it carries on at the other node with the same request. A request the
   * dead node delivered but whose answer was lost (FinishRequest: Bad_InvalidArgument, already
   * accepted) is followed by a new request.
   */
  private static Outcome runDevice(List<Node> nodes, NodeId app, String uri, KeyPair key)
      throws Exception {
    ClientIdentity identity = selfSigned(uri, key);
    byte[] csr = csr(key, uri);
    List<NodeId> started = new ArrayList<>();
    List<X509Certificate> got = new ArrayList<>();
    NodeId request = null;
    int node = 0;
    int switches = 0;
    String deliveredBy = null;
    for (int attempt = 0; attempt < 12 && got.isEmpty(); attempt++) {
      OpcUaClient c = null;
      try {
        c = connect(nodes.get(node), identity);
        if (request == null) {
          CallMethodResult s =
              call(
                  c,
                  GdsNodeIds.Directory,
                  GdsNodeIds.StartSigningRequest,
                  new Variant(app),
                  new Variant(NodeId.NULL_VALUE),
                  new Variant(NodeId.NULL_VALUE),
                  new Variant(ByteString.of(csr)));
          assertThat(s.getStatusCode().isGood()).as("start %s", s.getStatusCode()).isTrue();
          request = (NodeId) s.getOutputArguments()[0].value();
          started.add(request);
        }
        // a lost connection ends the wait (the catch below fails over to the other node)
        OpcUaClient session = c;
        NodeId pending = request;
        CallMethodResult f =
            Await.until("FinishRequest past Bad_NothingToDo")
                .atMost(Duration.ofSeconds(10))
                .every(Duration.ofMillis(50))
                .valueUnlessThrown(
                    () ->
                        call(
                            session,
                            GdsNodeIds.Directory,
                            GdsNodeIds.FinishRequest,
                            new Variant(app),
                            new Variant(pending)),
                    r -> r.getStatusCode().getValue() != StatusCodes.Bad_NothingToDo);
        if (f.getStatusCode().getValue() == StatusCodes.Bad_InvalidArgument && attempt > 0) {
          request = null; // delivered by the dead node, answer lost: ask again
          continue;
        }
        assertThat(f.getStatusCode().isGood()).as("finish %s", f.getStatusCode()).isTrue();
        got.add(
            (X509Certificate)
                CertificateFactory.getInstance("X.509")
                    .generateCertificate(
                        new ByteArrayInputStream(
                            ((ByteString) f.getOutputArguments()[0].value()).bytesOrEmpty())));
        deliveredBy = nodes.get(node).endpointUrl();
      } catch (AssertionError e) {
        throw e;
      } catch (Exception e) {
        node = 1 - node; // this node is gone or the connection broke: the other one
        switches++;
      } finally {
        TestClients.disconnect(c);
      }
    }
    return new Outcome(uri, started, got, switches, deliveredBy);
  }

  /** A device session: SignAndEncrypt, user "device", trusting exactly the node's certificate. */
  private static OpcUaClient connect(Node node, ClientIdentity identity) throws Exception {
    OpcUaClient client =
        OpcUaClient.create(
            node.endpointUrl(),
            endpoints ->
                endpoints.stream()
                    .filter(
                        e ->
                            e.getSecurityPolicyUri().equals(SecurityPolicy.Basic256Sha256.getUri()))
                    .filter(e -> e.getSecurityMode() == MessageSecurityMode.SignAndEncrypt)
                    .findFirst(),
            t -> {},
            c ->
                c.setApplicationName(
                        org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText.english(
                            "failover device"))
                    .setApplicationUri(identity.applicationUri())
                    .setKeyPair(identity.keyPair())
                    .setCertificate(identity.certificate())
                    .setCertificateChain(new X509Certificate[] {identity.certificate()})
                    .setCertificateValidator(
                        (chain, uri, hosts) -> {
                          try {
                            if (chain.isEmpty()
                                || !java.util.Arrays.equals(
                                    chain.get(0).getEncoded(), node.serverCertificate())) {
                              throw new org.eclipse.milo.opcua.stack.core.UaException(
                                  StatusCodes.Bad_CertificateUntrusted);
                            }
                          } catch (java.security.cert.CertificateEncodingException e) {
                            throw new org.eclipse.milo.opcua.stack.core.UaException(
                                StatusCodes.Bad_CertificateInvalid);
                          }
                        })
                    .setIdentityProvider(new UsernameProvider(USER, PASSWORD))
                    .setRequestTimeout(
                        org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint(
                            30_000)));
    try {
      client.connect();
    } catch (Exception e) {
      TestClients.disconnect(client);
      throw e;
    }
    io.gdsvault.gds.model.ua.GdsDataTypes.register(
        client.getStaticDataTypeManager(), client.getNamespaceTable());
    return client;
  }

  private static ClientIdentity selfSigned(String uri, KeyPair kp) throws Exception {
    X509Certificate cert =
        new SelfSignedCertificateBuilder(kp)
            .setCommonName("failover device " + UUID.randomUUID())
            .setApplicationUri(uri)
            .addDnsName("localhost")
            .setValidityPeriod(Period.ofDays(30))
            .build();
    return new ClientIdentity(kp, cert, uri);
  }

  private static byte[] csr(KeyPair kp, String uri) throws Exception {
    ExtensionsGenerator ext = new ExtensionsGenerator();
    ext.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.uniformResourceIdentifier, uri),
              new GeneralName(GeneralName.dNSName, "localhost")
            }));
    var b =
        new JcaPKCS10CertificationRequestBuilder(
            new X500Name("CN=failover device, O=GDS Vault IT"), kp.getPublic());
    b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
    return b.build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate()))
        .getEncoded();
  }

  private static CallMethodResult call(
      OpcUaClient c, ExpandedNodeId object, ExpandedNodeId method, Variant... in) throws Exception {
    NodeId o = object.toNodeId(c.getNamespaceTable()).orElseThrow();
    NodeId m = method.toNodeId(c.getNamespaceTable()).orElseThrow();
    return c.call(List.of(new CallMethodRequest(o, m, in))).getResults()[0];
  }
}
