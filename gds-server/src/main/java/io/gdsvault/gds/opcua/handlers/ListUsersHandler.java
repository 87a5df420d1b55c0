package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.auth.User;
import io.gdsvault.gds.auth.UserService;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Vendor ListUsers() → (UserNames[], Roles[]); Roles[i] holds the comma-separated Part 12 role
 * names of UserNames[i]. Needs SecurityAdmin.
 */
public final class ListUsersHandler extends GdsMethodHandler {

  private final UserService users;

  public ListUsersHandler(HandlerContext context, UaMethodNode node, UserService users) {
    super(context, node);
    this.users = users;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[0];
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {
      Arguments.array("UserNames", Arguments.STRING), Arguments.array("Roles", Arguments.STRING)
    };
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    List<User> list = users.list(caller);
    String[] names = list.stream().map(User::name).toArray(String[]::new);
    String[] roles =
        list.stream()
            .map(
                u ->
                    u.roles().stream()
                        .sorted()
                        .map(Role::partName)
                        .collect(Collectors.joining(",")))
            .toArray(String[]::new);
    return new Variant[] {new Variant(names), new Variant(roles)};
  }
}
