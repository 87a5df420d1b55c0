package io.gdsvault.gds.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.gds.cli.ClientIdentity;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.testing.GdsTestServer;
import io.gdsvault.gds.testing.TestClients;
import io.gdsvault.testing.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A strict GDS (unknown client certificates refused) with auto-approve: a certificate it issued is
 * accepted at once as a client certificate, because the GDS trusts its own CAs; a revoked one is
 * refused; the CAs survive a restart; every auto decision carries the lab warning.
 */
class AutoApproveStrictIT {

  private static GdsTestServer gds;
  private static Path dir;
  private static OpcUaClient admin;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("gds-auto-strict-");
    Path trusted = dir.resolve("pki/trusted/certs");
    Files.createDirectories(trusted);
    Files.write(
        trusted.resolve("it-client.der"), TestClients.defaultIdentity().certificate().getEncoded());
    gds =
        GdsTestServer.start(
            dir,
            t -> {
              ((ObjectNode) t.get("security")).put("clientCertificates", "strict");
              ((ObjectNode) t.get("certificates")).put("autoApprove", true);
            });
    admin = TestClients.admin(gds);
  }

  @AfterAll
  static void stop() throws Exception {
    TestClients.disconnect(admin);
    gds.close();
  }

  private static CallMethodResult call(
      OpcUaClient c,
      org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId m,
      Variant... in)
      throws Exception {
    NodeId o = GdsNodeIds.resolve(GdsNodeIds.Directory, c.getNamespaceTable());
    return c.call(
            List.of(new CallMethodRequest(o, GdsNodeIds.resolve(m, c.getNamespaceTable()), in)))
        .getResults()[0];
  }

  private static OpcUaClient connectAnonymous(ClientIdentity id) throws Exception {
    return TestClients.connect(
        gds,
        SecurityPolicy.Basic256Sha256,
        MessageSecurityMode.SignAndEncrypt,
        new AnonymousProvider(),
        id);
  }

  @Test
  void anIssuedCertificateIsAcceptedAtOnceInStrictModeAndRefusedOnceRevoked() throws Exception {
    var record = GdsIntegrationHelpers.server("strict-device");
    NodeId app =
        (NodeId)
            call(
                    admin,
                    GdsNodeIds.RegisterApplication,
                    new Variant(GdsIntegrationHelpers.encode(admin, record)))
                .getOutputArguments()[0]
                .value();
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair key = g.generateKeyPair();
    // a self-signed certificate of the device is refused in strict mode
    ClientIdentity selfSigned = PullSupport.selfSigned(record.applicationUri(), key);
    assertThatThrownBy(() -> connectAnonymous(selfSigned)).isInstanceOf(Exception.class);

    CallMethodResult start =
        call(
            admin,
            GdsNodeIds.StartSigningRequest,
            new Variant(app),
            new Variant(NodeId.NULL_VALUE),
            new Variant(NodeId.NULL_VALUE),
            new Variant(ByteString.of(PullSupport.csr(key, record.applicationUri()))));
    assertThat(start.getStatusCode().isGood()).as("start %s", start.getStatusCode()).isTrue();
    NodeId req = (NodeId) start.getOutputArguments()[0].value();
    CallMethodResult done =
        call(admin, GdsNodeIds.FinishRequest, new Variant(app), new Variant(req));
    assertThat(done.getStatusCode().isGood())
        .as("auto-approved finish %s", done.getStatusCode())
        .isTrue();
    X509Certificate cert =
        PullSupport.x509(((ByteString) done.getOutputArguments()[0].value()).bytesOrEmpty());

    var details =
        gds.app()
            .certificates()
            .service()
            .show(io.gdsvault.gds.auth.Caller.system(), (java.util.UUID) req.getIdentifier());
    assertThat(details.getKey().decidedBy()).isEqualTo("policy");
    assertThat(details.getKey().decisionText()).contains("auto-approve");

    OpcUaClient device = connectAnonymous(new ClientIdentity(key, cert, record.applicationUri()));
    try {
      assertThat(
              call(device, GdsNodeIds.GetCertificateGroups, new Variant(app))
                  .getStatusCode()
                  .isGood())
          .isTrue();
    } finally {
      TestClients.disconnect(device);
    }

    assertThat(
            call(
                    admin,
                    GdsNodeIds.RevokeCertificate,
                    new Variant(app),
                    new Variant(ByteString.of(cert.getEncoded())))
                .getStatusCode()
                .isGood())
        .isTrue();
    assertThatThrownBy(
            () -> connectAnonymous(new ClientIdentity(key, cert, record.applicationUri())))
        .isInstanceOf(Exception.class);
  }

  @Test
  void aNewKeyPairIsDeliveredWithoutAnOperatorAndTheCasSurviveARestart() throws Exception {
    var record = GdsIntegrationHelpers.server("auto-nkp");
    NodeId app =
        (NodeId)
            call(
                    admin,
                    GdsNodeIds.RegisterApplication,
                    new Variant(GdsIntegrationHelpers.encode(admin, record)))
                .getOutputArguments()[0]
                .value();
    CallMethodResult start =
        call(
            admin,
            GdsNodeIds.StartNewKeyPairRequest,
            new Variant(app),
            new Variant(NodeId.NULL_VALUE),
            new Variant(
                org.eclipse.milo.opcua.stack.core.NodeIds.EccNistP384ApplicationCertificateType),
            new Variant("CN=auto"),
            new Variant(new String[0]),
            new Variant("PEM"),
            new Variant((String) null));
    assertThat(start.getStatusCode().isGood()).as("start %s", start.getStatusCode()).isTrue();
    NodeId req = (NodeId) start.getOutputArguments()[0].value();
    // the key pair is made asynchronously
    CallMethodResult done =
        Await.until("FinishRequest past Bad_NothingToDo")
            .atMost(Duration.ofSeconds(10))
            .every(Duration.ofMillis(50))
            .valueUnlessThrown(
                () -> call(admin, GdsNodeIds.FinishRequest, new Variant(app), new Variant(req)),
                r -> r.getStatusCode().getValue() != StatusCodes.Bad_NothingToDo);
    assertThat(done.getStatusCode().isGood()).as("finish %s", done.getStatusCode()).isTrue();
    X509Certificate cert =
        PullSupport.x509(((ByteString) done.getOutputArguments()[0].value()).bytesOrEmpty());
    assertThat(
            new String(
                ((ByteString) done.getOutputArguments()[1].value()).bytesOrEmpty(),
                StandardCharsets.US_ASCII))
        .startsWith("-----BEGIN PRIVATE KEY-----");
    // after delivery the key stays sealed only for the FinishRequest grace period (then it is
    // purged)
    var stored =
        gds.app()
            .certificates()
            .service()
            .show(io.gdsvault.gds.auth.Caller.system(), (java.util.UUID) req.getIdentifier())
            .getKey();
    assertThat(
            stored.keyBlob() == null
                || !new String(stored.keyBlob(), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains("PRIVATE KEY"))
        .isTrue();
    assertThat(
            stored.keyBlobExpiresAt() == null
                || !stored
                    .keyBlobExpiresAt()
                    .isAfter(stored.deliveredAt().plus(java.time.Duration.ofMinutes(10))))
        .isTrue();

    List<X509Certificate> casBefore = gds.app().certificates().groups().allCaCertificates();
    TestClients.disconnect(admin);
    gds.stop();
    gds =
        GdsTestServer.start(
            dir,
            t -> {
              ((ObjectNode) t.get("security")).put("clientCertificates", "strict");
              ((ObjectNode) t.get("certificates")).put("autoApprove", true);
            });
    admin = TestClients.admin(gds);
    assertThat(gds.app().certificates().groups().allCaCertificates()).isEqualTo(casBefore);
    CallMethodResult check =
        call(
            admin, GdsNodeIds.CheckRevocationStatus, new Variant(ByteString.of(cert.getEncoded())));
    assertThat(((StatusCode) check.getOutputArguments()[0].value()).isGood()).isTrue();
  }
}
