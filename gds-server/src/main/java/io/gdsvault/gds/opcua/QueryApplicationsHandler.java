package io.gdsvault.gds.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

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
 * Part 12 §6.5.10 QueryApplications(StartingRecordId, MaxRecordsToReturn, ApplicationName,
 * ApplicationUri, ApplicationType, ProductUri, Capabilities) → (LastCounterResetTime, NextRecordId,
 * Applications[] of ApplicationDescription).
 */
public final class QueryApplicationsHandler extends GdsMethodHandler {

  private final DirectoryService directory;

  public QueryApplicationsHandler(
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
      Arguments.scalar("ApplicationType", Arguments.UINT32),
      Arguments.scalar("ProductUri", Arguments.STRING),
      Arguments.array("Capabilities", Arguments.STRING)
    };
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
    QueryPage page =
        directory.queryApplications(
            caller,
            uint32(in[0]),
            uint32(in[1]),
            string(in[2]),
            string(in[3]),
            uint32(in[4]),
            string(in[5]),
            List.of(strings(in[6])));
    ExtensionObject[] apps =
        page.applications().stream()
            .map(a -> encode(ApplicationRecordMapper.toApplicationDescription(a.record())))
            .toArray(ExtensionObject[]::new);
    return new Variant[] {
      new Variant(new DateTime(page.lastCounterResetTime())),
      new Variant(uint(page.nextRecordId())),
      new Variant(apps)
    };
  }
}
