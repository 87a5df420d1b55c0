package io.gdsvault.gds.opcua.security;

import io.gdsvault.gds.auth.UserService;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.identity.AbstractUsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.Identity;
import org.jspecify.annotations.Nullable;

/**
 * Username/password tokens checked against the user store (salted PBKDF2 hashes, login throttling
 * per user and remote address): a wrong password and a refused (throttled or locked) try are both
 * Bad_UserAccessDenied, at once; nothing sleeps on Milo's threads.
 */
public final class GdsUsernameValidator extends AbstractUsernameIdentityValidator {

  private final UserService users;

  public GdsUsernameValidator(UserService users) {
    this.users = users;
  }

  @Override
  protected Identity.@Nullable UsernameIdentity authenticateUsernamePassword(
      Session session, String username, String password) {
    String address =
        session.getClientAddress() == null ? null : session.getClientAddress().getHostAddress();
    return users
        .login(username, password.toCharArray(), address)
        .map(u -> new GdsUsernameIdentity(username, u.roles()))
        .orElse(null);
  }
}
