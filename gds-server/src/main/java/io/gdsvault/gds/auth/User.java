package io.gdsvault.gds.auth;

import java.util.EnumSet;
import java.util.Set;

/** A GDS user as listed to admins (never with its password hash). */
public record User(String name, Set<Role> roles) {
  public User {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }
}
