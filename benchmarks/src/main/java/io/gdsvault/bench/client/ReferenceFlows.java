package io.gdsvault.bench.client;

import io.gdsvault.bench.reference.EchoNamespace;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.jspecify.annotations.Nullable;

/** The reference's flows: a session and {@code n} Echo calls carrying the device's CSR. */
public final class ReferenceFlows {

  private ReferenceFlows() {}

  /** Session + {@code calls} Echo calls as {@code user} (null: anonymous). */
  public static Flow echo(
      int calls, @Nullable String user, @Nullable String password, boolean issued) {
    IdentityProvider identity = Connector.identity(user, password);
    String name =
        "session+"
            + calls
            + (user == null ? " anonymous" : " username")
            + (issued ? " (GDS cert)" : "");
    return new Flow() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public IdentityProvider identity() {
        return identity;
      }

      @Override
      public boolean usesIssuedCertificate() {
        return issued;
      }

      @Override
      public void run(OpcUaClient client, Device device) throws Exception {
        int ns = client.getNamespaceTable().getIndex(EchoNamespace.NAMESPACE_URI).intValue();
        NodeId object = new NodeId(ns, EchoNamespace.OBJECT);
        NodeId method = new NodeId(ns, EchoNamespace.ECHO);
        ByteString payload = ByteString.of(device.csr());
        for (int i = 0; i < calls; i++) {
          CallMethodResult r =
              client.call(
                      List.of(
                          new CallMethodRequest(
                              object, method, new Variant[] {new Variant(payload)})))
                  .getResults()[0];
          Object out =
              r.getOutputArguments() == null || r.getOutputArguments().length == 0
                  ? null
                  : r.getOutputArguments()[0].value();
          if (!r.getStatusCode().isGood()
              || !(out instanceof ByteString b)
              || b.length() != device.csrLength()) {
            throw new FlowException("Echo: " + r.getStatusCode());
          }
        }
      }
    };
  }
}
