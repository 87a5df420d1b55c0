package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.directory.DirectoryService;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/** Part 12 §6.5.5 UnregisterApplication(ApplicationId). Needs DiscoveryAdmin. */
public final class UnregisterApplicationHandler extends GdsMethodHandler {

  private final DirectoryService directory;

  public UnregisterApplicationHandler(
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
    return new Argument[0];
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    caller.requireRole(Role.DISCOVERY_ADMIN);
    directory.unregister(
        caller,
        ApplicationRecordMapper.toApplicationId(nodeId(in[0]), context.gdsNamespaceIndex()));
    return new Variant[0];
  }
}
