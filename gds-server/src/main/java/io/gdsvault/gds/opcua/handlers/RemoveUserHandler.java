package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.UserService;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/** Vendor RemoveUser(UserName). Needs SecurityAdmin; the last SecurityAdmin stays. */
public final class RemoveUserHandler extends GdsMethodHandler {

  private final UserService users;

  public RemoveUserHandler(HandlerContext context, UaMethodNode node, UserService users) {
    super(context, node);
    this.users = users;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {Arguments.scalar("UserName", Arguments.STRING)};
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[0];
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    users.removeUser(caller, string(in[0]));
    return new Variant[0];
  }
}
