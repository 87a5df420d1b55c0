package io.gdsvault.gds.testing;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.ua.ApplicationRecordDataType;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import java.util.List;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of integration tests: one real GDS per test class (started before the first test, stopped
 * after the last) and an admin client. Subclasses add clients as they need; call helpers go through
 * the standard NodeIds.
 */
public abstract class GdsIntegrationTest {

  protected static GdsTestServer gds;
  protected static OpcUaClient admin;

  @BeforeAll
  static void startGds() throws Exception {
    gds = GdsTestServer.start();
    admin = TestClients.admin(gds);
  }

  @AfterAll
  static void stopGds() throws Exception {
    TestClients.disconnect(admin);
    if (gds != null) {
      gds.close();
    }
  }

  /** Calls a method of the Directory object. */
  protected static CallMethodResult callDirectory(
      OpcUaClient client, ExpandedNodeId method, Variant... inputs) throws Exception {
    return call(client, GdsNodeIds.Directory, method, inputs);
  }

  protected static CallMethodResult call(
      OpcUaClient client, ExpandedNodeId object, ExpandedNodeId method, Variant... inputs)
      throws Exception {
    NodeId o = GdsNodeIds.resolve(object, client.getNamespaceTable());
    NodeId m = GdsNodeIds.resolve(method, client.getNamespaceTable());
    return client.call(List.of(new CallMethodRequest(o, m, inputs))).getResults()[0];
  }

  protected static int gdsNs(OpcUaClient client) {
    return client.getNamespaceTable().getIndex(GdsNodeIds.NAMESPACE_URI).intValue();
  }

  /** A valid server record with a unique ApplicationUri. */
  protected static ApplicationRecord server(String name) {
    return new ApplicationRecord(
        null,
        "urn:it:" + name + ":" + UUID.randomUUID(),
        ApplicationType.SERVER,
        List.of(new LocalizedName("en", name)),
        "urn:it:product",
        List.of("opc.tcp://" + name + ".example:4840"),
        List.of("DA"));
  }

  protected static ExtensionObject encode(OpcUaClient client, ApplicationRecord r) {
    return ExtensionObject.encode(
        client.getStaticEncodingContext(), ApplicationRecordMapper.toUa(r, gdsNs(client)));
  }

  protected static ApplicationRecordDataType decode(OpcUaClient client, Object extensionObject) {
    return (ApplicationRecordDataType)
        ((ExtensionObject) extensionObject).decode(client.getStaticEncodingContext());
  }

  /** Registers a record as admin and returns its ApplicationId. */
  protected static NodeId register(ApplicationRecord r) throws Exception {
    CallMethodResult res =
        callDirectory(admin, GdsNodeIds.RegisterApplication, new Variant(encode(admin, r)));
    if (res.getStatusCode().isBad()) {
      throw new AssertionError("register failed: " + res.getStatusCode());
    }
    return (NodeId) res.getOutputArguments()[0].value();
  }

  protected static Variant u32(long v) {
    return new Variant(uint(v));
  }
}
