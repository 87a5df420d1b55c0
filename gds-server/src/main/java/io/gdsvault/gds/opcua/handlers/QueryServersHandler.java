package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.directory.DirectoryService;
import io.gdsvault.gds.directory.QueryPage;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Part 12 §6.5.11 QueryServers(StartingRecordId, MaxRecordsToReturn, ApplicationName,
 * ApplicationUri, ProductUri, ServerCapabilities) → (LastCounterResetTime, Servers[] of
 * ServerOnNetwork, one per DiscoveryUrl).
 */
public final class QueryServersHandler extends DirectoryQueryHandler {

  public QueryServersHandler(
      HandlerContext context, UaMethodNode node, DirectoryService directory) {
    super(context, node, directory, false, "ServerCapabilities");
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
    QueryPage page = directory.queryServers(caller, filter(in));
    ExtensionObject[] servers =
        page.applications().stream()
            .flatMap(
                a -> ApplicationRecordMapper.toServersOnNetwork(a.recordId(), a.record()).stream())
            .map(this::encode)
            .toArray(ExtensionObject[]::new);
    return new Variant[] {lastCounterResetTime(page), new Variant(servers)};
  }
}
