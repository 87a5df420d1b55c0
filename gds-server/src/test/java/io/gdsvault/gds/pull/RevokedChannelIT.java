package io.gdsvault.gds.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdsvault.gds.cli.ClientIdentity;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.testing.TestClients;
import io.gdsvault.testing.Await;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.Test;

/**
 * Revocation means out in onboarding mode (the default, where untrusted client certificates still
 * open a secure channel): a certificate this GDS issued opens sessions until it is revoked, then no
 * more, while a device's own self-signed certificate still onboards.
 */
class RevokedChannelIT extends PullSupport {

  @Test
  void aRevokedGdsIssuedCertificateIsRefusedForTheSecureChannelInOnboardingMode() throws Exception {
    Device d = device("revoked-channel");
    KeyPair key = rsa();
    X509Certificate issued = issue(d, key);
    ClientIdentity withIssued = new ClientIdentity(key, issued, d.uri());
    TestClients.disconnect(connect(withIssued, REQUESTER)); // opens a session before

    CallMethodResult revoke =
        callDirectory(
            admin,
            GdsNodeIds.RevokeCertificate,
            new Variant(d.applicationId()),
            new Variant(ByteString.of(issued.getEncoded())));
    assertThat(revoke.getStatusCode().isGood()).as("revoke %s", revoke.getStatusCode()).isTrue();

    Throwable refused =
        Await.until("the revoked certificate is refused")
            .atMost(Duration.ofSeconds(20))
            .every(Duration.ofMillis(250))
            .value(
                () -> catchThrowable(() -> TestClients.disconnect(connect(withIssued, null))),
                t -> t != null);
    assertThat(refused).isNotNull();
    // onboarding itself still works: the device's own self-signed certificate connects
    OpcUaClient selfSigned = connect(d.identity(), REQUESTER);
    TestClients.disconnect(selfSigned);
  }

  private static X509Certificate issue(Device d, KeyPair key) throws Exception {
    OpcUaClient device = connect(d.identity(), REQUESTER);
    OpcUaClient approver = TestClients.secure(gds, APPROVER, PASSWORD);
    try {
      NodeId req = requestId(startSigning(device, d.applicationId(), csr(key, d.uri())));
      assertThat(approve(approver, req, "ok").getStatusCode().isGood()).isTrue();
      CallMethodResult done = finish(device, d.applicationId(), req);
      assertThat(done.getStatusCode().isGood()).as("finish %s", done.getStatusCode()).isTrue();
      return x509(bytes(done.getOutputArguments()[0]));
    } finally {
      TestClients.disconnect(device, approver);
    }
  }
}
