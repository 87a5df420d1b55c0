package io.gdsvault.gds.opcua.security;

import io.gdsvault.gds.auth.Role;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.server.identity.DefaultUsernameIdentity;

/**
 * A user-name identity that carries the roles the login read with the user, so the session's roles
 * are not read a second time while it is activated.
 */
final class GdsUsernameIdentity extends DefaultUsernameIdentity {

  private final Set<Role> roles;

  GdsUsernameIdentity(String username, Set<Role> roles) {
    super(username);
    this.roles = Set.copyOf(roles);
  }

  /** The user's roles when the password was checked. */
  Set<Role> roles() {
    return roles;
  }
}
