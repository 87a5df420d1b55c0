package io.gdsvault.gds.pull;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.cli.ClientIdentity;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.opcua.server.VendorNamespace;
import io.gdsvault.gds.testing.GdsTestServer;
import io.gdsvault.gds.testing.TestClients;
import io.gdsvault.gds.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.Test;

/**
 * Two GDS nodes on one PostgreSQL database and one keystore secret form one GDS (CLI.md "Several
 * nodes"): the second node takes the CAs from the database (the local keystore travels encrypted
 * through it), a request started on one node is approved on the other and finished on the first.
 */
class TwoNodesIT {

  @Test
  void aRequestStartedOnOneNodeIsApprovedOnTheOtherAndTheCasAreShared() throws Exception {
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
            ((ObjectNode) t.get("certificates")).put("keystorePasswordFile", secret.toString());
          };
      try (GdsTestServer a = GdsTestServer.start(shared);
          GdsTestServer b = GdsTestServer.start(shared)) {
        assertThat(b.app().certificates().groups().allCaCertificates())
            .isEqualTo(a.app().certificates().groups().allCaCertificates());
        a.app()
            .users()
            .addUser(
                Caller.system(),
                "requester",
                "requester password".toCharArray(),
                Set.of(Role.CERTIFICATE_AUTHORITY_ADMIN, Role.DISCOVERY_ADMIN));
        a.app()
            .users()
            .addUser(
                Caller.system(),
                "approver",
                "approver password".toCharArray(),
                Set.of(Role.REGISTRATION_AUTHORITY_ADMIN));

        var record = GdsIntegrationHelpers.server("two-nodes");
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair key = g.generateKeyPair();
        ClientIdentity id = PullSupport.selfSigned(record.applicationUri(), key);
        OpcUaClient onA =
            TestClients.connect(
                a,
                SecurityPolicy.Basic256Sha256,
                MessageSecurityMode.SignAndEncrypt,
                new UsernameProvider("requester", "requester password"),
                id);
        OpcUaClient onB =
            TestClients.connect(
                b,
                SecurityPolicy.Basic256Sha256,
                MessageSecurityMode.SignAndEncrypt,
                new UsernameProvider("approver", "approver password"),
                TestClients.defaultIdentity());
        try {
          NodeId app =
              (NodeId)
                  call(
                          onA,
                          GdsNodeIds.Directory,
                          GdsNodeIds.RegisterApplication,
                          new Variant(GdsIntegrationHelpers.encode(onA, record)))
                      .getOutputArguments()[0]
                      .value();
          CallMethodResult start =
              call(
                  onA,
                  GdsNodeIds.Directory,
                  GdsNodeIds.StartSigningRequest,
                  new Variant(app),
                  new Variant(NodeId.NULL_VALUE),
                  new Variant(NodeId.NULL_VALUE),
                  new Variant(ByteString.of(PullSupport.csr(key, record.applicationUri()))));
          NodeId req = (NodeId) start.getOutputArguments()[0].value();
          CallMethodResult approved =
              call(
                  onB,
                  VendorNamespace.id("GdsVault.CertificateRequests"),
                  VendorNamespace.id("GdsVault.CertificateRequests.ApproveRequest"),
                  new Variant(req.toParseableString()),
                  new Variant("approved on node B"));
          assertThat(approved.getStatusCode().isGood())
              .as("approve on B %s", approved.getStatusCode())
              .isTrue();
          CallMethodResult done =
              call(
                  onA,
                  GdsNodeIds.Directory,
                  GdsNodeIds.FinishRequest,
                  new Variant(app),
                  new Variant(req));
          assertThat(done.getStatusCode().isGood())
              .as("finish on A %s", done.getStatusCode())
              .isTrue();
          X509Certificate cert =
              PullSupport.x509(((ByteString) done.getOutputArguments()[0].value()).bytesOrEmpty());
          // node B issued it (approval signs) with the CA both nodes share
          cert.verify(a.app().certificates().groups().allCaCertificates().get(0).getPublicKey());
          // a revocation on B shows in A's CheckRevocationStatus
          OpcUaClient adminOnB =
              TestClients.connect(
                  b,
                  SecurityPolicy.Basic256Sha256,
                  MessageSecurityMode.SignAndEncrypt,
                  new UsernameProvider("requester", "requester password"),
                  TestClients.defaultIdentity());
          try {
            assertThat(
                    call(
                            adminOnB,
                            GdsNodeIds.Directory,
                            GdsNodeIds.RevokeCertificate,
                            new Variant(app),
                            new Variant(ByteString.of(cert.getEncoded())))
                        .getStatusCode()
                        .isGood())
                .isTrue();
          } finally {
            TestClients.disconnect(adminOnB);
          }
          CallMethodResult check =
              call(
                  onA,
                  GdsNodeIds.Directory,
                  GdsNodeIds.CheckRevocationStatus,
                  new Variant(ByteString.of(cert.getEncoded())));
          assertThat(
                  ((org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode)
                          check.getOutputArguments()[0].value())
                      .getValue())
              .isEqualTo(org.eclipse.milo.opcua.stack.core.StatusCodes.Bad_CertificateRevoked);
        } finally {
          TestClients.disconnect(onA, onB);
        }
      }
    }
  }

  private static CallMethodResult call(
      OpcUaClient c, ExpandedNodeId object, ExpandedNodeId method, Variant... in) throws Exception {
    NodeId o = object.toNodeId(c.getNamespaceTable()).orElseThrow();
    NodeId m = method.toNodeId(c.getNamespaceTable()).orElseThrow();
    return c.call(List.of(new CallMethodRequest(o, m, in))).getResults()[0];
  }
}
