package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.directory.DirectoryService;
import io.gdsvault.gds.model.ua.ApplicationRecordDataType;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/** Part 12 §6.5.4 UpdateApplication(Application). Needs DiscoveryAdmin. */
public final class UpdateApplicationHandler extends GdsMethodHandler {

  private final DirectoryService directory;

  public UpdateApplicationHandler(
      HandlerContext context, UaMethodNode node, DirectoryService directory) {
    super(context, node);
    this.directory = directory;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {
      Arguments.scalar("Application", Arguments.applicationRecordType(context))
    };
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[0];
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    // role before decoding: a caller without it learns nothing about its input
    caller.requireRole(Role.DISCOVERY_ADMIN);
    ApplicationRecordDataType ua = decode(in[0], ApplicationRecordDataType.class);
    directory.update(caller, ApplicationRecordMapper.fromUa(ua, context.gdsNamespaceIndex()));
    return new Variant[0];
  }
}
