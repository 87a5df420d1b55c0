package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * AddIdentity, RemoveIdentity, AddApplication, RemoveApplication, AddEndpoint and RemoveEndpoint of
 * the GDS roles (Part 18 RoleType): not offered, users and their roles are managed with
 * GdsVault/Users. A SecurityAdmin is told Bad_NotSupported, anyone else Bad_UserAccessDenied.
 */
public final class RoleManagementHandler extends GdsMethodHandler {

  private final Argument[] inputs;

  public RoleManagementHandler(HandlerContext context, UaMethodNode node, Argument[] inputs) {
    super(context, node);
    this.inputs = inputs.clone();
  }

  @Override
  public Argument[] inputArguments() {
    return inputs.clone();
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[0];
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) throws UaException {
    caller.requireRole(Role.SECURITY_ADMIN);
    throw new UaException(StatusCodes.Bad_NotSupported);
  }
}
