package io.gdsvault.gds.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.testing.GdsTestServer;
import io.gdsvault.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;

/** Puts a GDS in use: registered applications, issued certificates, one revoked (a CRL entry). */
final class ConformanceData {

  private ConformanceData() {}

  /** Registers three applications, issues a certificate to each (auto-approve) and revokes one. */
  static void populate(GdsTestServer gds, OpcUaClient admin) throws Exception {
    int ns = admin.getNamespaceTable().getIndex(GdsNodeIds.NAMESPACE_URI).intValue();
    byte[] revoke = null;
    NodeId revokeApp = null;
    for (int i = 0; i < 3; i++) {
      ApplicationRecord r =
          new ApplicationRecord(
              null,
              "urn:conformance:" + i + ":" + UUID.randomUUID(),
              ApplicationType.SERVER,
              List.of(LocalizedName.of("Conformance " + i)),
              "urn:conformance:product",
              List.of("opc.tcp://conformance" + i + ".example:4840"),
              List.of("DA"));
      ExtensionObject xo =
          ExtensionObject.encode(
              admin.getStaticEncodingContext(), ApplicationRecordMapper.toUa(r, ns));
      NodeId app =
          (NodeId) good(call(admin, GdsNodeIds.RegisterApplication, new Variant(xo)))[0].value();
      NodeId request =
          (NodeId)
              good(
                  call(
                      admin,
                      GdsNodeIds.StartNewKeyPairRequest,
                      new Variant(app),
                      new Variant(NodeId.NULL_VALUE),
                      new Variant(NodeId.NULL_VALUE),
                      new Variant("CN=conformance " + i + ", O=GDS Vault IT"),
                      new Variant(new String[] {"conformance" + i + ".example"}),
                      new Variant("PEM"),
                      new Variant("")))[0]
                  .value();
      NodeId a = app;
      CallMethodResult finished =
          Await.until("FinishRequest past Bad_NothingToDo")
              .atMost(Duration.ofSeconds(60))
              .every(Duration.ofMillis(100))
              .valueUnlessThrown(
                  () -> call(admin, GdsNodeIds.FinishRequest, new Variant(a), new Variant(request)),
                  res -> res.getStatusCode().getValue() != StatusCodes.Bad_NothingToDo);
      Variant[] out = good(finished);
      if (i == 0) {
        revoke = ((ByteString) out[0].value()).bytesOrEmpty();
        revokeApp = app;
      }
    }
    good(
        call(
            admin,
            GdsNodeIds.RevokeCertificate,
            new Variant(revokeApp),
            new Variant(ByteString.of(revoke))));
  }

  private static Variant[] good(CallMethodResult r) {
    assertThat(r.getStatusCode().isGood()).as("status %s", r.getStatusCode()).isTrue();
    return r.getOutputArguments();
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
}
