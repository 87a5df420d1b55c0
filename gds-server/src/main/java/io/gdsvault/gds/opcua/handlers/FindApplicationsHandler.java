package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.directory.DirectoryService;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/** Part 12 §6.5.2 FindApplications(ApplicationUri) → Applications[]. */
public final class FindApplicationsHandler extends GdsMethodHandler {

  private final DirectoryService directory;

  public FindApplicationsHandler(
      HandlerContext context, UaMethodNode node, DirectoryService directory) {
    super(context, node);
    this.directory = directory;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {Arguments.scalar("ApplicationUri", Arguments.STRING)};
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {
      Arguments.array("Applications", Arguments.applicationRecordType(context))
    };
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    int ns = context.gdsNamespaceIndex();
    ExtensionObject[] found =
        directory.find(caller, string(in[0])).stream()
            .map(r -> encode(ApplicationRecordMapper.toUa(r, ns)))
            .toArray(ExtensionObject[]::new);
    return new Variant[] {new Variant(found)};
  }
}
