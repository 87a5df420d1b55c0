package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.directory.DirectoryService;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/** Part 12 §6.5.9 GetApplication(ApplicationId) → Application. */
public final class GetApplicationHandler extends GdsMethodHandler {

  private final DirectoryService directory;

  public GetApplicationHandler(
      HandlerContext context, UaMethodNode node, DirectoryService directory) {
    super(context, node);
    this.directory = directory;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {Arguments.scalar("ApplicationId", Arguments.NODE_ID)};
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {
      Arguments.scalar("Application", Arguments.applicationRecordType(context))
    };
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    int ns = context.gdsNamespaceIndex();
    ApplicationRecord r =
        directory.get(caller, ApplicationRecordMapper.toApplicationId(nodeId(in[0]), ns));
    return new Variant[] {new Variant(encode(ApplicationRecordMapper.toUa(r, ns)))};
  }
}
