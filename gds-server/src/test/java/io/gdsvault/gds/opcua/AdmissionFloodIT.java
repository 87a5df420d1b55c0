package io.gdsvault.gds.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.gds.auth.SessionAdmission;
import io.gdsvault.gds.cli.ClientIdentity;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.opcua.server.VendorNamespace;
import io.gdsvault.gds.testing.GdsTestServer;
import io.gdsvault.gds.testing.TestClients;
import io.gdsvault.testing.Await;
import java.io.ByteArrayInputStream;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The session and TrustList-handle floods of a hostile plant network, run with plain Milo clients
 * against a GDS with small caps: sessions on SecurityPolicy None from one address, anonymous
 * SignAndEncrypt sessions from self-made certificates, and TrustList Open from such sessions. While
 * each flood runs, admin and a device with a GDS-issued certificate connect and call within a
 * second, and the device opens its trust list.
 */
class AdmissionFloodIT {

  private static final int MAX_SESSIONS = 200;
  private static final int NONE_PER_ADDRESS = 10;
  private static final int UNAUTHENTICATED = 50; // 0.25 x 200
  private static final int TRUST_LIST = 616; // DefaultApplicationGroup TrustList

  private static GdsTestServer gds;
  private static OpcUaClient setup;
  private static ClientIdentity device;
  private static final List<ClientIdentity> attackers = new ArrayList<>();
  private final List<OpcUaClient> held = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void start() throws Exception {
    gds =
        GdsTestServer.start(
            tree -> {
              ((ObjectNode) tree.get("limits")).put("maxSessions", MAX_SESSIONS);
              ((ObjectNode) tree.get("certificates")).put("autoApprove", true);
              ObjectNode a = (ObjectNode) tree.get("admission");
              a.put("noneMaxSessions", 20);
              a.put("noneMaxSessionsPerAddress", NONE_PER_ADDRESS);
              a.put("unauthenticatedSessionShare", 0.25);
              a.put("maxPendingSessions", 20);
              a.put("maxTrustListHandles", 64);
              a.put("maxTrustListHandlesPerSession", 4);
            });
    setup = TestClients.admin(gds);
    device = gdsIssuedDevice();
    for (int i = 0; i < 4; i++) {
      attackers.add(selfSigned("urn:attacker:" + i, rsa()));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    TestClients.disconnect(setup);
    if (gds != null) {
      gds.close();
    }
  }

  @AfterEach
  void release() {
    held.forEach(TestClients::disconnect);
    held.clear();
  }

  @Test
  void aFloodOfSessionsOnSecurityPolicyNoneLeavesRoomForAdminAndDevices() throws Exception {
    Flood flood =
        flood(
            2,
            300,
            () ->
                TestClients.connect(
                    gds,
                    SecurityPolicy.None,
                    MessageSecurityMode.None,
                    new AnonymousProvider(),
                    TestClients.defaultIdentity()));
    try {
      flood.awaitRefusals(100);
      legitimateCallersGetThrough();
      assertThat(gds.app().server().admission().count(SessionAdmission.Kind.NONE))
          .isLessThanOrEqualTo(NONE_PER_ADDRESS);
    } finally {
      flood.stop();
    }
    assertThat(flood.admitted.get()).isLessThanOrEqualTo(NONE_PER_ADDRESS);
  }

  @Test
  void aFloodOfAnonymousSessionsFromSelfMadeCertificatesIsCappedAtItsShare() throws Exception {
    AtomicInteger next = new AtomicInteger();
    Flood flood =
        flood(
            2,
            200,
            () ->
                TestClients.connect(
                    gds,
                    SecurityPolicy.Basic256Sha256,
                    MessageSecurityMode.SignAndEncrypt,
                    new AnonymousProvider(),
                    attackers.get(next.getAndIncrement() % attackers.size())));
    try {
      flood.awaitRefusals(40);
      legitimateCallersGetThrough();
      assertThat(gds.app().server().admission().count(SessionAdmission.Kind.UNAUTHENTICATED))
          .isLessThanOrEqualTo(UNAUTHENTICATED);
    } finally {
      flood.stop();
    }
    assertThat(flood.admitted.get()).isLessThanOrEqualTo(UNAUTHENTICATED);
  }

  @Test
  void aTrustListHandleFloodLeavesDevicesTheirTrustListAndEndsWithTheSessions() throws Exception {
    int refused = 0;
    for (int s = 0; s < 8; s++) {
      OpcUaClient c =
          TestClients.connect(
              gds,
              SecurityPolicy.Basic256Sha256,
              MessageSecurityMode.SignAndEncrypt,
              new AnonymousProvider(),
              attackers.get(s % attackers.size()));
      held.add(c);
      for (int i = 0; i < 6; i++) {
        CallMethodResult r = open(c);
        if (r.getStatusCode().isBad()) {
          assertThat(r.getStatusCode().getValue()).isEqualTo(StatusCodes.Bad_InvalidState);
          refused++;
        }
      }
    }
    // 8 sessions x 6 tries: 4 per session and 16 (a quarter of 64) for all of them together
    assertThat(refused).isEqualTo(8 * 6 - 16);
    OpcUaClient d = connectDevice();
    try {
      for (int i = 0; i < 4; i++) {
        CallMethodResult r = open(d);
        assertThat(r.getStatusCode().isGood()).as("device Open %s", r.getStatusCode()).isTrue();
      }
    } finally {
      TestClients.disconnect(d);
    }
    // closing the attackers' sessions frees their handles
    held.forEach(TestClients::disconnect);
    held.clear();
    OpcUaClient again =
        TestClients.connect(
            gds,
            SecurityPolicy.Basic256Sha256,
            MessageSecurityMode.SignAndEncrypt,
            new AnonymousProvider(),
            attackers.get(0));
    held.add(again);
    Await.until("handles of closed sessions are released")
        .atMost(Duration.ofSeconds(10))
        .every(Duration.ofMillis(100))
        .valueUnlessThrown(() -> open(again), r -> r.getStatusCode().isGood());
  }

  /** Admin and the GDS-issued device connect and make a call within a second each. */
  private static void legitimateCallersGetThrough() throws Exception {
    long t0 = System.nanoTime();
    OpcUaClient a = TestClients.admin(gds);
    try {
      CallMethodResult users =
          vendor(a, "GdsVault.Users", "GdsVault.Users.ListUsers", new Variant[0]);
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertThat(users.getStatusCode().isGood()).as("ListUsers %s", users.getStatusCode()).isTrue();
      assertThat(ms).as("admin connect + call in ms").isLessThan(1000);
    } finally {
      TestClients.disconnect(a);
    }
    t0 = System.nanoTime();
    OpcUaClient d = connectDevice();
    try {
      CallMethodResult r = open(d);
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertThat(r.getStatusCode().isGood()).as("device Open %s", r.getStatusCode()).isTrue();
      assertThat(ms).as("device connect + call in ms").isLessThan(1000);
    } finally {
      TestClients.disconnect(d);
    }
  }

  private static OpcUaClient connectDevice() throws Exception {
    return TestClients.connect(
        gds,
        SecurityPolicy.Basic256Sha256,
        MessageSecurityMode.SignAndEncrypt,
        new AnonymousProvider(),
        device);
  }

  private static CallMethodResult open(OpcUaClient c) throws Exception {
    NodeId tl = GdsNodeIds.resolve(GdsNodeIds.gds(TRUST_LIST), c.getNamespaceTable());
    NodeId open = GdsNodeIds.resolve(GdsNodeIds.gds(TRUST_LIST + 22), c.getNamespaceTable());
    return c.call(List.of(new CallMethodRequest(tl, open, new Variant[] {new Variant(uint(15))})))
        .getResults()[0];
  }

  private static CallMethodResult vendor(OpcUaClient c, String object, String method, Variant[] in)
      throws Exception {
    NodeId o = VendorNamespace.id(object).toNodeId(c.getNamespaceTable()).orElseThrow();
    NodeId m = VendorNamespace.id(method).toNodeId(c.getNamespaceTable()).orElseThrow();
    return c.call(List.of(new CallMethodRequest(o, m, in))).getResults()[0];
  }

  private interface Attempt {
    OpcUaClient connect() throws Exception;
  }

  /** Attackers connecting on {@code threads} threads, at most {@code attempts} times in all. */
  private final class Flood {
    final AtomicInteger admitted = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicBoolean stopped = new AtomicBoolean();
    final ExecutorService pool;
    final List<Future<?>> workers = new ArrayList<>();

    Flood(int threads, int attempts, Attempt attempt) {
      pool = Executors.newFixedThreadPool(threads);
      AtomicInteger left = new AtomicInteger(attempts);
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  while (!stopped.get() && left.getAndDecrement() > 0) {
                    try {
                      held.add(attempt.connect());
                      admitted.incrementAndGet();
                    } catch (Exception e) {
                      refused.incrementAndGet();
                    }
                  }
                }));
      }
    }

    void awaitRefusals(int n) {
      Await.until(n + " flood attempts refused")
          .atMost(Duration.ofSeconds(60))
          .every(Duration.ofMillis(50))
          .isTrue(() -> refused.get() >= n);
    }

    void stop() throws Exception {
      stopped.set(true);
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }
  }

  private Flood flood(int threads, int attempts, Attempt attempt) {
    return new Flood(threads, attempts, attempt);
  }

  /** Registers a device as admin and has its CSR signed (auto-approve): a GDS-issued identity. */
  private static ClientIdentity gdsIssuedDevice() throws Exception {
    String uri = "urn:it:device:" + UUID.randomUUID();
    ApplicationRecord record =
        new ApplicationRecord(
            null,
            uri,
            ApplicationType.SERVER,
            List.of(new LocalizedName("en", "flood device")),
            "urn:it:product",
            List.of("opc.tcp://flood-device.example:4840"),
            List.of("DA"));
    int ns = setup.getNamespaceTable().getIndex(GdsNodeIds.NAMESPACE_URI).intValue();
    CallMethodResult reg =
        directory(
            GdsNodeIds.RegisterApplication,
            new Variant(
                ExtensionObject.encode(
                    setup.getStaticEncodingContext(), ApplicationRecordMapper.toUa(record, ns))));
    assertThat(reg.getStatusCode().isGood()).as("register %s", reg.getStatusCode()).isTrue();
    NodeId app = (NodeId) reg.getOutputArguments()[0].value();
    KeyPair kp = rsa();
    CallMethodResult start =
        directory(
            GdsNodeIds.StartSigningRequest,
            new Variant(app),
            new Variant(NodeId.NULL_VALUE),
            new Variant(NodeId.NULL_VALUE),
            new Variant(ByteString.of(csr(kp, uri))));
    assertThat(start.getStatusCode().isGood()).as("start %s", start.getStatusCode()).isTrue();
    NodeId request = (NodeId) start.getOutputArguments()[0].value();
    CallMethodResult finish =
        directory(GdsNodeIds.FinishRequest, new Variant(app), new Variant(request));
    assertThat(finish.getStatusCode().isGood()).as("finish %s", finish.getStatusCode()).isTrue();
    byte[] der = ((ByteString) finish.getOutputArguments()[0].value()).bytesOrEmpty();
    X509Certificate cert =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    return new ClientIdentity(kp, cert, uri);
  }

  private static CallMethodResult directory(
      org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId method, Variant... in)
      throws Exception {
    NodeId o = GdsNodeIds.resolve(GdsNodeIds.Directory, setup.getNamespaceTable());
    NodeId m = GdsNodeIds.resolve(method, setup.getNamespaceTable());
    return setup.call(List.of(new CallMethodRequest(o, m, in))).getResults()[0];
  }

  private static byte[] csr(KeyPair kp, String uri) throws Exception {
    ExtensionsGenerator ext = new ExtensionsGenerator();
    ext.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {new GeneralName(GeneralName.uniformResourceIdentifier, uri)}));
    var b =
        new JcaPKCS10CertificationRequestBuilder(
            new X500Name("CN=flood device, O=GDS Vault IT"), kp.getPublic());
    b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
    return b.build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate()))
        .getEncoded();
  }

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    return g.generateKeyPair();
  }

  private static ClientIdentity selfSigned(String uri, KeyPair kp) throws Exception {
    X509Certificate cert =
        new SelfSignedCertificateBuilder(kp)
            .setCommonName("attacker " + UUID.randomUUID())
            .setApplicationUri(uri)
            .addDnsName("localhost")
            .setValidityPeriod(java.time.Period.ofDays(30))
            .build();
    return new ClientIdentity(kp, cert, uri);
  }
}
