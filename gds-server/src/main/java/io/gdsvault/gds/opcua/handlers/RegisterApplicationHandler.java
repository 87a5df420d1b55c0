package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.directory.DirectoryService;
import io.gdsvault.gds.model.ua.ApplicationRecordDataType;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/** Part 12 §6.5.3 RegisterApplication(Application) → ApplicationId. Needs DiscoveryAdmin. */
public final class RegisterApplicationHandler extends GdsMethodHandler {

  private final DirectoryService directory;

  public RegisterApplicationHandler(
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
    return new Argument[] {Arguments.scalar("ApplicationId", Arguments.NODE_ID)};
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    // role before decoding: a caller without it learns nothing about its input
    caller.requireRole(Role.DISCOVERY_ADMIN);
    ApplicationRecordDataType ua = decode(in[0], ApplicationRecordDataType.class);
    // the GDS assigns the id: whatever ApplicationId the client sent is ignored
    var record =
        ApplicationRecordMapper.fromUa(
            new ApplicationRecordDataType(
                NodeId.NULL_VALUE,
                ua.getApplicationUri(),
                ua.getApplicationType(),
                ua.getApplicationNames(),
                ua.getProductUri(),
                ua.getDiscoveryUrls(),
                ua.getServerCapabilities()),
            context.gdsNamespaceIndex());
    UUID id = directory.register(caller, record);
    return new Variant[] {
      new Variant(ApplicationRecordMapper.toNodeId(id, context.gdsNamespaceIndex()))
    };
  }
}
