package io.gdsvault.gds.opcua.handlers;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

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
 * Part 12 §6.5.10 QueryApplications(StartingRecordId, MaxRecordsToReturn, ApplicationName,
 * ApplicationUri, ApplicationType, ProductUri, Capabilities) → (LastCounterResetTime, NextRecordId,
 * Applications[] of ApplicationDescription).
 */
public final class QueryApplicationsHandler extends DirectoryQueryHandler {

  public QueryApplicationsHandler(
      HandlerContext context, UaMethodNode node, DirectoryService directory) {
    super(context, node, directory, true, "Capabilities");
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {
      Arguments.scalar("LastCounterResetTime", NodeIds.UtcTime),
      Arguments.scalar("NextRecordId", Arguments.UINT32),
      Arguments.array("Applications", NodeIds.ApplicationDescription)
    };
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    QueryPage page = directory.queryApplications(caller, filter(in), uint32(in[APPLICATION_TYPE]));
    ExtensionObject[] apps =
        page.applications().stream()
            .map(a -> encode(ApplicationRecordMapper.toApplicationDescription(a.record())))
            .toArray(ExtensionObject[]::new);
    return new Variant[] {
      lastCounterResetTime(page), new Variant(uint(page.nextRecordId())), new Variant(apps)
    };
  }
}
