package io.gdsvault.gds.opcua.security;

import io.gdsvault.gds.auth.UserService;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.identity.AbstractUsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.DefaultUsernameIdentity;
import org.eclipse.milo.opcua.sdk.server.identity.Identity;
import org.jspecify.annotations.Nullable;

/** Username/password tokens checked against the user store (salted PBKDF2 hashes). */
public final class GdsUsernameValidator extends AbstractUsernameIdentityValidator {

  private final UserService users;

  public GdsUsernameValidator(UserService users) {
    this.users = users;
  }

  @Override
  protected Identity.@Nullable UsernameIdentity authenticateUsernamePassword(
      Session session, String username, String password) {
    return users.authenticate(username, password.toCharArray()).isPresent()
        ? new DefaultUsernameIdentity(username)
        : null;
  }
}
