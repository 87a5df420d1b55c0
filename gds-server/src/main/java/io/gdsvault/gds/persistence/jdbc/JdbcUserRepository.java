package io.gdsvault.gds.persistence.jdbc;

import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.auth.User;
import io.gdsvault.gds.auth.UserRepository;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** {@link UserRepository} on plain SQL. */
public final class JdbcUserRepository implements UserRepository {

  @Override
  public boolean insert(String name, String passwordHash, Set<Role> roles, Instant now) {
    Handle h = JdbiTransactions.handle();
    boolean exists =
        h.createQuery("SELECT COUNT(*) FROM users WHERE user_name = :n")
                .bind("n", name)
                .mapTo(Long.class)
                .one()
            > 0;
    if (exists) {
      return false;
    }
    h.createUpdate(
            "INSERT INTO users (user_name, password_hash, created_at, updated_at)"
                + " VALUES (:n, :h, :now, :now)")
        .bind("n", name)
        .bind("h", passwordHash)
        .bind("now", Timestamp.from(now))
        .execute();
    for (Role r : roles) {
      h.createUpdate("INSERT INTO user_roles (user_name, role) VALUES (:n, :r)")
          .bind("n", name)
          .bind("r", r.name())
          .execute();
    }
    return true;
  }

  @Override
  public boolean delete(String name) {
    return JdbiTransactions.handle()
            .createUpdate("DELETE FROM users WHERE user_name = :n")
            .bind("n", name)
            .execute()
        > 0;
  }

  @Override
  public boolean updatePasswordHash(String name, String passwordHash, Instant now) {
    return JdbiTransactions.handle()
            .createUpdate(
                "UPDATE users SET password_hash = :h, updated_at = :now WHERE user_name = :n")
            .bind("n", name)
            .bind("h", passwordHash)
            .bind("now", Timestamp.from(now))
            .execute()
        > 0;
  }

  @Override
  public Optional<String> passwordHash(String name) {
    return JdbiTransactions.handle()
        .createQuery("SELECT password_hash FROM users WHERE user_name = :n")
        .bind("n", name)
        .mapTo(String.class)
        .findOne();
  }

  @Override
  public Optional<User> find(String name) {
    Handle h = JdbiTransactions.handle();
    boolean exists =
        h.createQuery("SELECT user_name FROM users WHERE user_name = :n")
            .bind("n", name)
            .mapTo(String.class)
            .findOne()
            .isPresent();
    if (!exists) {
      return Optional.empty();
    }
    List<String> roles =
        h.createQuery("SELECT role FROM user_roles WHERE user_name = :n")
            .bind("n", name)
            .mapTo(String.class)
            .list();
    return Optional.of(new User(name, toRoles(roles)));
  }

  @Override
  public List<User> list() {
    Handle h = JdbiTransactions.handle();
    Map<String, List<String>> byUser = new LinkedHashMap<>();
    h.createQuery("SELECT user_name FROM users ORDER BY user_name")
        .mapTo(String.class)
        .forEach(n -> byUser.put(n, new ArrayList<>()));
    h.createQuery("SELECT user_name, role FROM user_roles")
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .forEach(e -> byUser.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    List<User> out = new ArrayList<>();
    byUser.forEach((n, r) -> out.add(new User(n, toRoles(r))));
    return out;
  }

  @Override
  public long countWithRole(Role role) {
    return JdbiTransactions.handle()
        .createQuery("SELECT COUNT(*) FROM user_roles WHERE role = :r")
        .bind("r", role.name())
        .mapTo(Long.class)
        .one();
  }

  @Override
  public long count() {
    return JdbiTransactions.handle()
        .createQuery("SELECT COUNT(*) FROM users")
        .mapTo(Long.class)
        .one();
  }

  private static Set<Role> toRoles(List<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String n : names) {
      try {
        roles.add(Role.valueOf(n));
      } catch (IllegalArgumentException ignored) {
        // a role from a newer version: ignore rather than fail the login
      }
    }
    return roles;
  }
}
