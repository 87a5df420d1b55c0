package io.gdsvault.gds.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Storage of users, their password hashes and roles. Runs inside the caller's transaction. */
public interface UserRepository {

  /** False when the name is taken. */
  boolean insert(String name, String passwordHash, Set<Role> roles, Instant now);

  boolean delete(String name);

  boolean updatePasswordHash(String name, String passwordHash, Instant now);

  Optional<String> passwordHash(String name);

  Optional<User> find(String name);

  List<User> list();

  long countWithRole(Role role);

  long count();
}
