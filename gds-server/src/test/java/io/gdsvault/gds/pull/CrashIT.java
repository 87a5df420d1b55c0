package io.gdsvault.gds.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.app.Main;
import io.gdsvault.gds.audit.AuditTrail;
import io.gdsvault.gds.cli.ClientIdentity;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import io.gdsvault.gds.model.ua.GdsDataTypes;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.opcua.server.VendorNamespace;
import io.gdsvault.gds.persistence.jdbc.Database;
import io.gdsvault.gds.persistence.jdbc.JdbcAuditRepository;
import io.gdsvault.gds.testing.GdsTestServer;
import io.gdsvault.gds.testing.TestClients;
import io.gdsvault.testing.Await;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.TrustListDataType;
import org.junit.jupiter.api.Test;

/**
 * Crash safety: devices file requests and an approver approves them while the GDS process is killed
 * with SIGKILL; after a restart the database is consistent (no serial twice, every approved request
 * has its certificate, every certificate a device received is stored, the audit chain is intact),
 * the CRLs verify, and every device finishes its flow. Prints its counts.
 */
class CrashIT {

  static final int DEVICES = 50;
  static final String PW = "crash-test-password";

  /**
   * A device: its client certificate, application and the CSR it files (made once: devices are
   * cheap).
   */
  // the CSR goes to the GDS as bytes; devices are never compared with equals
  @SuppressWarnings("ArrayRecordComponent")
  record Dev(ClientIdentity identity, NodeId app, String uri, byte[] csr) {}

  @Test
  void aKilledGdsRestartsConsistentAndEveryDeviceFinishes() throws Exception {
    Path data = Files.createTempDirectory("gds-crash-");
    Process gds = null;
    long t0 = System.nanoTime();
    try {
      int port = GdsTestServer.freePort();
      gds = serve(data, port);
      long startedAt = System.nanoTime();
      String url = "opc.tcp://localhost:" + port + "/GDS";
      String adminPw = Files.readString(data.resolve("initial-admin-password")).strip();
      ClientIdentity adminId = PullSupport.selfSigned("urn:crash:admin", PullSupport.rsa());
      OpcUaClient admin = client(url, adminId, new UsernameProvider("admin", adminPw));
      int ns = admin.getNamespaceTable().getIndex(GdsNodeIds.NAMESPACE_URI).intValue();
      vendor(
          admin,
          "GdsVault.Users",
          "AddUser",
          new Variant("requester"),
          new Variant(PW),
          new Variant(new String[] {"CertificateAuthorityAdmin"}));
      vendor(
          admin,
          "GdsVault.Users",
          "AddUser",
          new Variant("approver"),
          new Variant(PW),
          new Variant(new String[] {"RegistrationAuthorityAdmin"}));
      List<Dev> devs = new ArrayList<>();
      // one RSA key for every device (own certificate and URI each): RSA key generation would
      // dominate
      java.security.KeyPair deviceKey = PullSupport.rsa();
      for (int i = 0; i < DEVICES; i++) {
        String uri = "urn:crash:device:" + i + ":" + UUID.randomUUID();
        ApplicationRecord r =
            new ApplicationRecord(
                null,
                uri,
                ApplicationType.SERVER,
                List.of(new LocalizedName("en", "crash " + i)),
                "urn:crash",
                List.of("opc.tcp://d" + i + ":4840"),
                List.of("DA"));
        CallMethodResult reg =
            call(
                admin,
                GdsNodeIds.Directory,
                GdsNodeIds.RegisterApplication,
                new Variant(
                    ExtensionObject.encode(
                        admin.getStaticEncodingContext(), ApplicationRecordMapper.toUa(r, ns))));
        assertThat(reg.getStatusCode().isGood()).isTrue();
        devs.add(
            new Dev(
                PullSupport.selfSigned(uri, deviceKey),
                (NodeId) reg.getOutputArguments()[0].value(),
                uri,
                PullSupport.csr(deviceKey, uri)));
      }
      TestClients.disconnect(admin);

      // the workload: every device files requests and fetches them; one approver approves
      BlockingQueue<NodeId> toApprove = new LinkedBlockingQueue<>();
      Set<NodeId> approved = ConcurrentHashMap.newKeySet();
      Map<NodeId, String> delivered = new ConcurrentHashMap<>();
      Map<Dev, NodeId> lastRequest = new ConcurrentHashMap<>();
      List<Thread> threads = new ArrayList<>();
      for (Dev d : devs) {
        Thread t =
            new Thread(
                () -> {
                  try {
                    OpcUaClient c =
                        client(url, d.identity(), new UsernameProvider("requester", PW));
                    for (int k = 0; k < 1000; k++) {
                      CallMethodResult s =
                          call(
                              c,
                              GdsNodeIds.Directory,
                              GdsNodeIds.StartSigningRequest,
                              new Variant(d.app()),
                              new Variant(NodeId.NULL_VALUE),
                              new Variant(NodeId.NULL_VALUE),
                              new Variant(ByteString.of(d.csr())));
                      if (!s.getStatusCode().isGood()) {
                        return;
                      }
                      NodeId req = (NodeId) s.getOutputArguments()[0].value();
                      lastRequest.put(d, req);
                      toApprove.add(req);
                      // the first failed call (the GDS was killed) ends this device's workload
                      CallMethodResult f =
                          Await.until("FinishRequest past Bad_NothingToDo")
                              .atMost(Duration.ofMinutes(2))
                              .every(Duration.ofMillis(200))
                              .valueUnlessThrown(
                                  () ->
                                      call(
                                          c,
                                          GdsNodeIds.Directory,
                                          GdsNodeIds.FinishRequest,
                                          new Variant(d.app()),
                                          new Variant(req)),
                                  r -> r.getStatusCode().getValue() != StatusCodes.Bad_NothingToDo);
                      if (!f.getStatusCode().isGood()) {
                        return;
                      }
                      delivered.put(
                          req,
                          PullSupport.x509(PullSupport.bytes(f.getOutputArguments()[0]))
                              .getSerialNumber()
                              .toString(16));
                    }
                  } catch (Exception | AssertionError e) {
                    // the GDS was killed (or the test ended the workload: interrupted)
                  }
                });
        threads.add(t);
      }
      // the approver's session is open before the devices crowd in
      OpcUaClient approverSession =
          client(
              url,
              PullSupport.selfSigned("urn:crash:approver", PullSupport.rsa()),
              new UsernameProvider("approver", PW));
      Thread approverThread =
          new Thread(
              () -> {
                try {
                  while (true) {
                    NodeId req = toApprove.take();
                    CallMethodResult a =
                        vendor(
                            approverSession,
                            "GdsVault.CertificateRequests",
                            "ApproveRequest",
                            new Variant(req.toParseableString()),
                            new Variant("crash test"));
                    if (a.getStatusCode().isGood()) {
                      approved.add(req);
                    }
                  }
                } catch (Exception e) {
                  // the GDS was killed
                }
              });
      threads.add(approverThread);
      threads.forEach(Thread::start);
      long workloadAt = System.nanoTime();
      // Not a wait that can fail, so no Await: the kill comes once every device has had a
      // certificate or after 90 s of workload, whichever is first.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (delivered.size() < DEVICES && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      long killedAt = System.nanoTime();
      gds.destroyForcibly(); // SIGKILL in the middle of requests and approvals
      assertThat(gds.waitFor(30, TimeUnit.SECONDS)).isTrue();
      for (Thread t : threads) {
        t.interrupt();
        t.join(TimeUnit.SECONDS.toMillis(40));
      }
      Set<NodeId> approvedBeforeKill = Set.copyOf(approved);
      Map<NodeId, String> deliveredBeforeKill = Map.copyOf(delivered);

      // restart on the same data directory: every device finishes its last request
      int port2 = GdsTestServer.freePort();
      gds = serve(data, port2);
      long restartedServeAt = System.nanoTime();
      String url2 = "opc.tcp://localhost:" + port2 + "/GDS";
      OpcUaClient approver =
          client(
              url2,
              PullSupport.selfSigned("urn:crash:approver2", PullSupport.rsa()),
              new UsernameProvider("approver", PW));
      java.util.concurrent.atomic.AtomicInteger finishedAfter =
          new java.util.concurrent.atomic.AtomicInteger();
      java.util.concurrent.atomic.AtomicInteger repeated =
          new java.util.concurrent.atomic.AtomicInteger();
      java.util.concurrent.atomic.AtomicInteger startedAgain =
          new java.util.concurrent.atomic.AtomicInteger();
      java.util.concurrent.atomic.AtomicInteger done =
          new java.util.concurrent.atomic.AtomicInteger();
      // the devices come back together (a few at a time), as a fleet would
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(8);
      List<java.util.concurrent.Future<?>> flows = new ArrayList<>();
      for (Dev d : devs) {
        flows.add(
            pool.submit(
                () -> {
                  finishAfterRestart(
                      d,
                      lastRequest.get(d),
                      deliveredBeforeKill,
                      approvedBeforeKill,
                      url2,
                      approver,
                      finishedAfter,
                      repeated,
                      startedAgain);
                  done.incrementAndGet();
                  return null;
                }));
      }
      try {
        for (var f : flows) {
          f.get(120, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      int devicesDone = done.get();
      long restartedAt = System.nanoTime();
      assertThat(devicesDone).as("devices that finished their flow").isEqualTo(DEVICES);
      OpcUaClient reader =
          client(url2, devs.get(0).identity(), new UsernameProvider("requester", PW));
      TrustListDataType trust = PullSupport.readTrustList(reader, devs.get(0).app());
      TestClients.disconnect(reader);
      TestClients.disconnect(approver);
      gds.destroy();
      assertThat(gds.waitFor(60, TimeUnit.SECONDS)).isTrue();

      // the database after the crash
      int crlCount = 0;
      try (Database db = Database.open(Database.h2Url(data), "", "", 2)) {
        List<Map<String, Object>> dup =
            db.jdbi()
                .withHandle(
                    h ->
                        h.createQuery(
                                "SELECT ca_id, serial, COUNT(*) AS n FROM issued_certificates GROUP"
                                    + " BY ca_id, serial HAVING COUNT(*) > 1")
                            .mapToMap()
                            .list());
        assertThat(dup).as("serials used twice").isEmpty();
        List<String> serials =
            db.jdbi()
                .withHandle(
                    h ->
                        h.createQuery("SELECT serial FROM issued_certificates")
                            .mapTo(String.class)
                            .list());
        assertThat(serials).doesNotHaveDuplicates();
        long lost =
            approvedBeforeKill.stream()
                .filter(
                    req ->
                        db.jdbi()
                                .withHandle(
                                    h ->
                                        h.createQuery(
                                                "SELECT COUNT(*) FROM certificate_requests WHERE"
                                                    + " request_id = :id AND certificate_der IS NOT"
                                                    + " NULL AND state IN ('APPROVED', 'ACCEPTED')")
                                            .bind("id", (UUID) req.getIdentifier())
                                            .mapTo(Long.class)
                                            .one())
                            == 0)
                .count();
        long missing =
            deliveredBeforeKill.values().stream().filter(s -> !serials.contains(s)).count();
        long requests =
            db.jdbi()
                .withHandle(
                    h ->
                        h.createQuery("SELECT COUNT(*) FROM certificate_requests")
                            .mapTo(Long.class)
                            .one());
        // every certificate a request carries is in the issued-certificate table, and the reverse
        long unrecorded =
            db.jdbi()
                .withHandle(
                    h ->
                        h.createQuery(
                                "SELECT COUNT(*) FROM certificate_requests r WHERE"
                                    + " r.certificate_der IS NOT NULL AND NOT EXISTS (SELECT 1 FROM"
                                    + " issued_certificates c WHERE c.ca_id = r.ca_id AND c.serial"
                                    + " = r.serial)")
                            .mapTo(Long.class)
                            .one());
        long orphans =
            db.jdbi()
                .withHandle(
                    h ->
                        h.createQuery(
                                "SELECT COUNT(*) FROM issued_certificates c WHERE NOT EXISTS"
                                    + " (SELECT 1 FROM certificate_requests r WHERE r.ca_id ="
                                    + " c.ca_id AND r.serial = c.serial)")
                            .mapTo(Long.class)
                            .one());
        // approved but never issued after the restart: none may be left behind
        long stuck =
            db.jdbi()
                .withHandle(
                    h ->
                        h.createQuery(
                                "SELECT COUNT(*) FROM certificate_requests WHERE state = 'APPROVED'"
                                    + " AND certificate_der IS NULL")
                            .mapTo(Long.class)
                            .one());
        var audit =
            new AuditTrail(new JdbcAuditRepository(), db.transactions(), Clock.systemUTC())
                .verify();
        for (ByteString crlBytes : trust.getTrustedCrls()) {
          X509CRL crl =
              (X509CRL)
                  java.security.cert.CertificateFactory.getInstance("X.509")
                      .generateCRL(new java.io.ByteArrayInputStream(crlBytes.bytesOrEmpty()));
          boolean verified = false;
          for (X509Certificate ca : PullSupport.certs(trust.getTrustedCertificates())) {
            try {
              crl.verify(ca.getPublicKey());
              verified = true;
            } catch (Exception ignored) {
              // another CA
            }
          }
          assertThat(verified).as("CRL %s verifies", crl.getIssuerX500Principal()).isTrue();
          crlCount++;
        }
        System.out.printf(
            "crash test: devices=%d requests=%d approvedBeforeKill=%d deliveredBeforeKill=%d"
                + " finishedAfterRestart=%d repeatedFinish=%d startedAgain=%d devicesFinished=%d"
                + " certificates=%d serials=%d crlsVerified=%d auditRows=%d lost=%d"
                + " missingCertificates=%d unrecordedCertificates=%d%n",
            DEVICES,
            requests,
            approvedBeforeKill.size(),
            deliveredBeforeKill.size(),
            finishedAfter.get(),
            repeated.get(),
            startedAgain.get(),
            devicesDone,
            serials.size(),
            Set.copyOf(serials).size(),
            crlCount,
            audit.rows(),
            lost,
            missing,
            unrecorded + orphans);
        System.out.printf(
            "crash test phases (s): serve=%d setup=%d workload=%d restart=%d devicesFinish=%d"
                + " checks=%d total=%d%n",
            sec(startedAt - t0),
            sec(workloadAt - startedAt),
            sec(killedAt - workloadAt),
            sec(restartedServeAt - killedAt),
            sec(restartedAt - restartedServeAt),
            sec(System.nanoTime() - restartedAt),
            sec(System.nanoTime() - t0));
        assertThat(unrecorded)
            .as("certificates of requests missing from issued_certificates")
            .isZero();
        assertThat(orphans).as("issued certificates without their request").isZero();
        assertThat(stuck).as("approved requests without a certificate").isZero();
        assertThat(lost).as("approved requests lost").isZero();
        assertThat(missing).as("delivered certificates missing from the database").isZero();
        assertThat(audit.intact()).as("audit chain after the crash: %s", audit.problem()).isTrue();
        assertThat(crlCount).isPositive();
        assertThat(deliveredBeforeKill).isNotEmpty();
      }
    } finally {
      if (gds != null && gds.isAlive()) {
        gds.destroyForcibly();
        gds.waitFor(30, TimeUnit.SECONDS);
      }
      GdsTestServer.deleteTree(data);
      Files.deleteIfExists(data.resolveSibling(data.getFileName() + ".yaml"));
    }
  }

  /**
   * One device after the restart: a request delivered before the kill is done; one that never
   * committed is filed again; one still New is approved; then FinishRequest must succeed (a
   * delivery whose reply died with the process is repeated within the grace period).
   */
  private static void finishAfterRestart(
      Dev d,
      NodeId last,
      Map<NodeId, String> deliveredBeforeKill,
      Set<NodeId> approvedBeforeKill,
      String url,
      OpcUaClient approver,
      java.util.concurrent.atomic.AtomicInteger finishedAfter,
      java.util.concurrent.atomic.AtomicInteger repeated,
      java.util.concurrent.atomic.AtomicInteger startedAgain)
      throws Exception {
    NodeId req = last;
    if (req == null || deliveredBeforeKill.containsKey(req)) {
      return;
    }
    OpcUaClient c = client(url, d.identity(), new UsernameProvider("requester", PW));
    try {
      CallMethodResult f =
          call(
              c,
              GdsNodeIds.Directory,
              GdsNodeIds.FinishRequest,
              new Variant(d.app()),
              new Variant(req));
      if (f.getStatusCode().getValue() == StatusCodes.Bad_NotFound) {
        // filed when the process died: never committed, so the device files it again
        CallMethodResult s =
            call(
                c,
                GdsNodeIds.Directory,
                GdsNodeIds.StartSigningRequest,
                new Variant(d.app()),
                new Variant(NodeId.NULL_VALUE),
                new Variant(NodeId.NULL_VALUE),
                new Variant(ByteString.of(d.csr())));
        assertThat(s.getStatusCode().isGood()).as("start again %s", s.getStatusCode()).isTrue();
        req = (NodeId) s.getOutputArguments()[0].value();
        startedAgain.incrementAndGet();
        f =
            call(
                c,
                GdsNodeIds.Directory,
                GdsNodeIds.FinishRequest,
                new Variant(d.app()),
                new Variant(req));
      }
      if (f.getStatusCode().getValue() == StatusCodes.Bad_NothingToDo) {
        assertThat(approvedBeforeKill).as("an approved request is not lost").doesNotContain(req);
        assertThat(
                vendor(
                        approver,
                        "GdsVault.CertificateRequests",
                        "ApproveRequest",
                        new Variant(req.toParseableString()),
                        new Variant("after restart"))
                    .getStatusCode()
                    .isGood())
            .isTrue();
        f =
            call(
                c,
                GdsNodeIds.Directory,
                GdsNodeIds.FinishRequest,
                new Variant(d.app()),
                new Variant(req));
      } else if (f.getStatusCode().isGood()) {
        // delivered before the kill but the answer died with the process: repeated within the grace
        // period
        repeated.incrementAndGet();
      }
      assertThat(f.getStatusCode().isGood())
          .as("finish %s after restart: %s", req, f.getStatusCode())
          .isTrue();
      finishedAfter.incrementAndGet();
    } finally {
      TestClients.disconnect(c);
    }
  }

  private static long sec(long nanos) {
    return TimeUnit.NANOSECONDS.toSeconds(nanos);
  }

  private static OpcUaClient client(String url, ClientIdentity identity, IdentityProvider idp)
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
                c.setApplicationName(LocalizedText.english("crash test client"))
                    .setApplicationUri(identity.applicationUri())
                    .setKeyPair(identity.keyPair())
                    .setCertificate(identity.certificate())
                    .setCertificateChain(new X509Certificate[] {identity.certificate()})
                    .setCertificateValidator(
                        (chain, uri, hosts) -> {}) // a child process on localhost
                    .setIdentityProvider(idp == null ? new AnonymousProvider() : idp)
                    .setRequestTimeout(uint(30_000)));
    client.connect();
    GdsDataTypes.register(client.getStaticDataTypeManager(), client.getNamespaceTable());
    return client;
  }

  private static CallMethodResult call(
      OpcUaClient c,
      org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId o,
      org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId m,
      Variant... in)
      throws Exception {
    return c.call(
            List.of(
                new CallMethodRequest(
                    GdsNodeIds.resolve(o, c.getNamespaceTable()),
                    GdsNodeIds.resolve(m, c.getNamespaceTable()),
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

  private static Process serve(Path data, int port) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    // the lowest password hashing cost the settings allow (as the in-JVM tests use): 100 sessions
    // log in with a password here, and that is not what this test measures
    Path config = data.resolveSibling(data.getFileName() + ".yaml");
    Files.writeString(config, "security:\n  passwordHashIterations: 100000\n");
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx384m",
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
    found.get(120, TimeUnit.SECONDS);
    return p;
  }
}
