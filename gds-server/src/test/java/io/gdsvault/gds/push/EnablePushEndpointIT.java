package io.gdsvault.gds.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.opcua.server.VendorNamespace;
import io.gdsvault.gds.testing.GdsTestServer;
import io.gdsvault.gds.testing.TestClients;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * EnablePush over OPC UA refuses an endpoint that is not on the host and port of a registered
 * DiscoveryUrl of the application (nor in {@code push.allowedEndpoints}) with Bad_InvalidArgument
 * and a message naming the rule, before any connection: a SecurityAdmin cannot make the GDS probe
 * arbitrary hosts and ports.
 */
class EnablePushEndpointIT {

  static GdsTestServer gds;
  static OpcUaClient admin;
  static int allowedPort;

  @BeforeAll
  static void start() throws Exception {
    allowedPort = GdsTestServer.freePort();
    gds =
        GdsTestServer.start(
            tree ->
                ((ObjectNode) tree.get("push"))
                    .putArray("allowedEndpoints")
                    .add("127.0.0.1:" + allowedPort));
    admin = TestClients.admin(gds);
  }

  @AfterAll
  static void stop() throws Exception {
    TestClients.disconnect(admin);
    if (gds != null) {
      gds.close();
    }
  }

  @Test
  void anEndpointThatIsNotARegisteredDiscoveryUrlIsRefusedAndNeverContacted() throws Exception {
    int registeredPort = GdsTestServer.freePort();
    UUID app = register("opc.tcp://127.0.0.1:" + registeredPort + "/ua");
    try (ServerSocket victim = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      CallMethodResult r = enable(app, "opc.tcp://127.0.0.1:" + victim.getLocalPort() + "/x");
      assertThat(r.getStatusCode().getValue()).isEqualTo(StatusCodes.Bad_InvalidArgument);
      // the call returned after its checks: had the GDS connected, the connection would be queued
      victim.setSoTimeout(300);
      assertThatThrownBy(victim::accept).isInstanceOf(SocketTimeoutException.class);
    }
    assertThat(gds.app().push().engine().target(app)).isEmpty();
  }

  @Test
  void theRegisteredHostAndPortAndTheAllowListPassTheRuleAndReachTheTargetCheck() throws Exception {
    int registeredPort = GdsTestServer.freePort();
    UUID app = register("opc.tcp://127.0.0.1:" + registeredPort);
    for (String endpoint :
        List.of(
            "opc.tcp://127.0.0.1:" + registeredPort + "/another/path",
            "opc.tcp://127.0.0.1:" + allowedPort)) {
      CallMethodResult r = enable(app, endpoint);
      // nothing listens there: the call is Good and says what the target check found
      assertThat(r.getStatusCode().isGood()).as(endpoint).isTrue();
      assertThat((String) r.getOutputArguments()[1].value())
          .as(endpoint)
          .startsWith("cannot push to the target");
    }
  }

  private static UUID register(String discoveryUrl) {
    return gds.app()
        .directory()
        .register(
            Caller.system(),
            new ApplicationRecord(
                null,
                "urn:it:push-rule:" + UUID.randomUUID(),
                ApplicationType.SERVER,
                List.of(new LocalizedName("en", "push rule")),
                "urn:it:product",
                List.of(discoveryUrl),
                List.of()));
  }

  private static CallMethodResult enable(UUID app, String endpoint) throws Exception {
    int ns = admin.getNamespaceTable().getIndex(GdsNodeIds.NAMESPACE_URI).intValue();
    NodeId object =
        VendorNamespace.id("GdsVault.Push").toNodeId(admin.getNamespaceTable()).orElseThrow();
    NodeId method =
        VendorNamespace.id("GdsVault.Push.EnablePush")
            .toNodeId(admin.getNamespaceTable())
            .orElseThrow();
    Variant[] in = {
      new Variant(ApplicationRecordMapper.toNodeId(app, ns).toParseableString()),
      new Variant(endpoint),
      new Variant(""),
      new Variant("secadmin"),
      new Variant("secret"),
      new Variant(""),
      new Variant("csr")
    };
    return admin.call(List.of(new CallMethodRequest(object, method, in))).getResults()[0];
  }
}
