package io.gdsvault.gds.opcua;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.directory.DirectoryService;
import io.gdsvault.gds.directory.QueryPage;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import java.util.List;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Part 12 §6.5.11 QueryServers(StartingRecordId, MaxRecordsToReturn, ApplicationName,
 * ApplicationUri, ProductUri, ServerCapabilities) → (LastCounterResetTime, Servers[] of
 * ServerOnNetwork, one per DiscoveryUrl).
 */
public final class QueryServersHandler extends GdsMethodHandler {

  private final DirectoryService directory;

  public QueryServersHandler(
      HandlerContext context, UaMethodNode node, DirectoryService directory) {
    super(context, node);
    this.directory = directory;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {
      Arguments.scalar("StartingRecordId", Arguments.UINT32),
      Arguments.scalar("MaxRecordsToReturn", Arguments.UINT32),
      Arguments.scalar("ApplicationName", Arguments.STRING),
      Arguments.scalar("ApplicationUri", Arguments.STRING),
      Arguments.scalar("ProductUri", Arguments.STRING),
      Arguments.array("ServerCapabilities", Arguments.STRING)
    };
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {
      Arguments.scalar("LastCounterResetTime", NodeIds.UtcTime),
      Arguments.array("Servers", NodeIds.ServerOnNetwork)
    };
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    QueryPage page =
        directory.queryServers(
            caller,
            uint32(in[0]),
            uint32(in[1]),
            string(in[2]),
            string(in[3]),
            string(in[4]),
            List.of(strings(in[5])));
    ExtensionObject[] servers =
        page.applications().stream()
            .flatMap(
                a -> ApplicationRecordMapper.toServersOnNetwork(a.recordId(), a.record()).stream())
            .map(this::encode)
            .toArray(ExtensionObject[]::new);
    return new Variant[] {
      new Variant(new DateTime(page.lastCounterResetTime())), new Variant(servers)
    };
  }
}
