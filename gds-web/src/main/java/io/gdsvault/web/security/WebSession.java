package io.gdsvault.web.security;

import io.gdsvault.gds.auth.Role;
import java.util.Set;

/**
 * A signed-in browser (or REST) session: its id travels only in the HttpOnly cookie, its CSRF token
 * in forms and the {@code X-CSRF-Token} header.
 */
public record WebSession(String id, String csrfToken, String user, Set<Role> roles) {

  public WebSession {
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  @Override
  public String toString() {
    return "WebSession[" + user + "]"; // never the id or token
  }
}
