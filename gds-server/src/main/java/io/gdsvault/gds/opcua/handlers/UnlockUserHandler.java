package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.UserService;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Vendor UnlockUser(UserName) → WasLocked: lifts the login delay or lockout that failed logins put
 * on a user (audited). Needs SecurityAdmin; an unknown name that is not locked is Bad_NotFound.
 */
public final class UnlockUserHandler extends GdsMethodHandler {

  private final UserService users;

  public UnlockUserHandler(HandlerContext context, UaMethodNode node, UserService users) {
    super(context, node);
    this.users = users;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {Arguments.scalar("UserName", Arguments.STRING)};
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {Arguments.scalar("WasLocked", NodeIds.Boolean)};
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    return new Variant[] {new Variant(users.unlock(caller, string(in[0])))};
  }
}
