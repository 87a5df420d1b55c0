package io.gdsvault.gds.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.testing.GdsIntegrationTest;
import io.gdsvault.gds.testing.TestClients;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.ServerDiagnosticsSummaryDataType;
import org.junit.jupiter.api.Test;

/**
 * Sessions get no per-session diagnostics node tree (Part 5's optional {@code <ClientName>} objects
 * under SessionsDiagnosticsSummary), while ServerDiagnostics stays correct: the summary counts the
 * sessions and, once diagnostics are enabled, the SessionDiagnosticsArray lists them.
 */
class SessionDiagnosticsIT extends GdsIntegrationTest {

  @Test
  void sessionsBuildNoDiagnosticsObjectsAndTheServerDiagnosticsStillCountThem() throws Exception {
    var sessions = gds.app().server().server().getSessionManager();
    int before = sessions.getAllSessions().size();
    OpcUaClient first = TestClients.admin(gds);
    OpcUaClient second = TestClients.admin(gds);
    try {
      List<String> children =
          first
              .getAddressSpace()
              .browse(NodeIds.Server_ServerDiagnostics_SessionsDiagnosticsSummary)
              .stream()
              .map(ReferenceDescription::getBrowseName)
              .map(n -> n.name())
              .toList();
      assertThat(children)
          .containsExactlyInAnyOrder("SessionDiagnosticsArray", "SessionSecurityDiagnosticsArray");
      // Milo 1.1.2 does not browse them from the summary anyway; its node managers hold them as
      // components of it, created on Milo's session-listener queue shortly after ActivateSession
      // (the wait gives the queue time, so that without the trim this check sees them)
      Thread.sleep(1000);
      List<String> perSession =
          gds
              .app()
              .server()
              .server()
              .getAddressSpaceManager()
              .getManagedReferences(NodeIds.Server_ServerDiagnostics_SessionsDiagnosticsSummary)
              .stream()
              .filter(r -> r.getReferenceTypeId().equals(NodeIds.HasComponent))
              .map(r -> r.getTargetNodeId().toParseableString())
              .filter(t -> t.startsWith("ns=1;"))
              .toList();
      assertThat(perSession).isEmpty();
      int now = sessions.getAllSessions().size();
      assertThat(now).isEqualTo(before + 2);

      // Milo serves the diagnostics values only while the EnabledFlag is set
      first
          .writeValues(
              List.of(NodeIds.Server_ServerDiagnostics_EnabledFlag),
              List.of(DataValue.valueOnly(new Variant(true))))
          .forEach(code -> assertThat(code.isGood()).as("enable %s", code).isTrue());
      // ServerDiagnosticsSummary counts from the server's own counters
      DataValue summary =
          first.readValue(
              0,
              TimestampsToReturn.Neither,
              NodeIds.Server_ServerDiagnostics_ServerDiagnosticsSummary);
      ServerDiagnosticsSummaryDataType s =
          (ServerDiagnosticsSummaryDataType)
              ((ExtensionObject) summary.getValue().getValue())
                  .decode(first.getStaticEncodingContext());
      assertThat(s.getCurrentSessionCount()).isEqualTo(UInteger.valueOf(now));
      assertThat(s.getCumulatedSessionCount().longValue()).isGreaterThanOrEqualTo(now);

      // and the array lists the live sessions
      DataValue array =
          first.readValue(
              0,
              TimestampsToReturn.Neither,
              NodeIds.Server_ServerDiagnostics_SessionsDiagnosticsSummary_SessionDiagnosticsArray);
      assertThat((Object[]) array.getValue().getValue()).hasSize(now);
    } finally {
      first.writeValues(
          List.of(NodeIds.Server_ServerDiagnostics_EnabledFlag),
          List.of(DataValue.valueOnly(new Variant(false))));
      TestClients.disconnect(first, second);
    }
  }
}
