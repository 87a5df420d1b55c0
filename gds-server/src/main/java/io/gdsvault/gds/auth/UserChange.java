package io.gdsvault.gds.auth;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A committed change of a user, told to listeners (the OPC UA layer refreshes the roles of the
 * user's sessions and ends its other sessions when the password changed or the user was removed).
 *
 * @param user the user changed
 * @param kind what changed
 * @param roles the user's roles now (empty when removed)
 * @param bySession the session that made the change, which is left open (null: none)
 */
public record UserChange(String user, Kind kind, Set<Role> roles, @Nullable String bySession) {

  /** What changed. */
  public enum Kind {
    ADDED,
    REMOVED,
    PASSWORD,
    ROLES
  }

  public UserChange {
    roles = Set.copyOf(roles);
  }

  /**
   * Whether the user's other sessions must end (the credentials they were opened with are gone).
   */
  public boolean endsSessions() {
    return kind == Kind.REMOVED || kind == Kind.PASSWORD;
  }
}
