package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.auth.UserService;
import io.gdsvault.gds.model.GdsException;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/** Vendor AddUser(UserName, Password, Roles[]). Needs SecurityAdmin. */
public final class AddUserHandler extends GdsMethodHandler {

  private final UserService users;

  public AddUserHandler(HandlerContext context, UaMethodNode node, UserService users) {
    super(context, node);
    this.users = users;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {
      Arguments.scalar("UserName", Arguments.STRING),
      Arguments.scalar("Password", Arguments.STRING),
      Arguments.array("Roles", Arguments.STRING)
    };
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[0];
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    caller.requireRole(Role.SECURITY_ADMIN);
    users.addUser(caller, string(in[0]), string(in[1]).toCharArray(), roles(strings(in[2])));
    return new Variant[0];
  }

  static Set<Role> roles(String[] names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String n : names) {
      roles.add(Role.fromName(n).orElseThrow(() -> GdsException.invalid("unknown role")));
    }
    return roles;
  }
}
