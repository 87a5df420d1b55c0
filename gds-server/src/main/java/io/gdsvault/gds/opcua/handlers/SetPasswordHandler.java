package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.UserService;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/** Vendor SetPassword(UserName, Password). Needs SecurityAdmin. */
public final class SetPasswordHandler extends GdsMethodHandler {

  private final UserService users;

  public SetPasswordHandler(HandlerContext context, UaMethodNode node, UserService users) {
    super(context, node);
    this.users = users;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {
      Arguments.scalar("UserName", Arguments.STRING), Arguments.scalar("Password", Arguments.STRING)
    };
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[0];
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    caller.requireRole(io.gdsvault.gds.auth.Role.SECURITY_ADMIN);
    users.setPassword(caller, string(in[0]), string(in[1]).toCharArray());
    return new Variant[0];
  }
}
