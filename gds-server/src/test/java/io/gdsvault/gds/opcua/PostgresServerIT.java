package io.gdsvault.gds.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.testing.GdsTestServer;
import io.gdsvault.gds.testing.TestClients;
import io.gdsvault.gds.testing.TestPostgres;
import java.util.List;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.Test;

/** The whole GDS on PostgreSQL (--db-url): migrations, first start, register and read back. */
class PostgresServerIT {

  @Test
  void theGdsRunsOnPostgresql() throws Exception {
    try (TestPostgres pg = TestPostgres.start();
        GdsTestServer gds =
            GdsTestServer.start(
                t -> {
                  ObjectNode db = (ObjectNode) t.get("database");
                  db.put("url", pg.jdbcUrl());
                  db.put("user", pg.user());
                })) {
      assertThat(gds.app().firstStart()).isTrue();
      assertThat(gds.dataDir().resolve("db")).doesNotExist();
      OpcUaClient admin = TestClients.admin(gds);
      try {
        int ns = admin.getNamespaceTable().getIndex(GdsNodeIds.NAMESPACE_URI).intValue();
        ApplicationRecord r =
            new ApplicationRecord(
                null,
                "urn:pg:" + UUID.randomUUID(),
                ApplicationType.SERVER,
                List.of(LocalizedName.of("On Postgres")),
                "urn:pg:product",
                List.of("opc.tcp://pg:4840"),
                List.of("DA"));
        ExtensionObject xo =
            ExtensionObject.encode(
                admin.getStaticEncodingContext(), ApplicationRecordMapper.toUa(r, ns));
        NodeId id =
            (NodeId)
                call(admin, GdsNodeIds.RegisterApplication, new Variant(xo))
                    .getOutputArguments()[0]
                    .value();
        CallMethodResult got = call(admin, GdsNodeIds.GetApplication, new Variant(id));
        var back =
            (io.gdsvault.gds.model.ua.ApplicationRecordDataType)
                ((ExtensionObject) got.getOutputArguments()[0].value())
                    .decode(admin.getStaticEncodingContext());
        assertThat(ApplicationRecordMapper.fromUa(back, ns))
            .isEqualTo(r.withApplicationId((UUID) id.getIdentifier()));
      } finally {
        TestClients.disconnect(admin);
      }
    }
  }

  private static CallMethodResult call(
      OpcUaClient c,
      org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId m,
      Variant... in)
      throws Exception {
    return c.call(
            List.of(
                new CallMethodRequest(
                    GdsNodeIds.resolve(GdsNodeIds.Directory, c.getNamespaceTable()),
                    GdsNodeIds.resolve(m, c.getNamespaceTable()),
                    in)))
        .getResults()[0];
  }
}
