package io.gdsvault.gds.auth;

import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import io.gdsvault.gds.persistence.Transactions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Users and roles: authentication for sessions, management for SecurityAdmins. */
public final class UserService {

  /** The user created on first start, holding every role. */
  public static final String INITIAL_ADMIN = "admin";

  public static final int MIN_PASSWORD_LENGTH = 12;
  public static final int MAX_PASSWORD_LENGTH = 1024;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");
  private static final Logger log = LoggerFactory.getLogger(UserService.class);

  private final UserRepository users;
  private final Transactions tx;
  private final PasswordHasher hasher;
  private final Clock clock;
  private final UserAudit audit;

  public UserService(UserRepository users, Transactions tx, PasswordHasher hasher, Clock clock) {
    this(users, tx, hasher, clock, UserAudit.NONE);
  }

  /** With {@code audit} told of every change inside the change's transaction. */
  public UserService(
      UserRepository users, Transactions tx, PasswordHasher hasher, Clock clock, UserAudit audit) {
    this.users = users;
    this.tx = tx;
    this.hasher = hasher;
    this.clock = clock;
    this.audit = audit;
  }

  /** The user's roles when name and password match; empty otherwise (same cost either way). */
  public Optional<User> authenticate(String name, char[] password) {
    if (name == null || password == null || password.length > MAX_PASSWORD_LENGTH) {
      return Optional.empty();
    }
    Optional<String> hash = tx.inTransaction(() -> users.passwordHash(name));
    if (hash.isEmpty()) {
      hasher.burn(password);
      return Optional.empty();
    }
    if (!hasher.verify(password, hash.get())) {
      return Optional.empty();
    }
    return tx.inTransaction(() -> users.find(name));
  }

  /** Current roles of a user (empty set when the user was removed meanwhile). */
  public Set<Role> rolesOf(String name) {
    return tx.inTransaction(() -> users.find(name)).map(User::roles).orElse(Set.of());
  }

  public boolean hasUsers() {
    return tx.inTransaction(users::count) > 0;
  }

  public void addUser(Caller caller, String name, char[] password, Set<Role> roles) {
    caller.requireRole(Role.SECURITY_ADMIN);
    checkName(name);
    checkPassword(password);
    if (roles.isEmpty()) {
      throw GdsException.invalid("at least one role is required");
    }
    String hash = hasher.hash(password);
    tx.run(
        () -> {
          if (!users.insert(name, hash, roles, clock.instant())) {
            throw new GdsException(Reason.ENTRY_EXISTS, "user already exists");
          }
          audit.changed(caller, "AddUser", name, "roles=" + new java.util.TreeSet<>(roles));
        });
    log.info("user added user={} roles={} by={}", name, roles, caller.describe());
  }

  /** Creates the initial admin without a caller; only when no user exists yet. */
  public void createInitialAdmin(char[] password) {
    String hash = hasher.hash(password);
    tx.run(
        () -> {
          if (users.count() == 0) {
            users.insert(INITIAL_ADMIN, hash, Set.of(Role.values()), clock.instant());
            audit.changed(
                Caller.system(),
                "AddUser",
                INITIAL_ADMIN,
                "roles=" + new java.util.TreeSet<>(Set.of(Role.values())));
          }
        });
    log.info("initial user created user={}", INITIAL_ADMIN);
  }

  public void removeUser(Caller caller, String name) {
    caller.requireRole(Role.SECURITY_ADMIN);
    tx.run(
        () -> {
          User user = users.find(name).orElseThrow(() -> GdsException.notFound("user"));
          if (user.roles().contains(Role.SECURITY_ADMIN)
              && users.countWithRole(Role.SECURITY_ADMIN) <= 1) {
            throw new GdsException(Reason.INVALID_STATE, "cannot remove the last SecurityAdmin");
          }
          users.delete(name);
          audit.changed(caller, "RemoveUser", name, "");
        });
    log.info("user removed user={} by={}", name, caller.describe());
  }

  public void setPassword(Caller caller, String name, char[] password) {
    caller.requireRole(Role.SECURITY_ADMIN);
    checkPassword(password);
    String hash = hasher.hash(password);
    tx.run(
        () -> {
          if (!users.updatePasswordHash(name, hash, clock.instant())) {
            throw GdsException.notFound("user");
          }
          audit.changed(caller, "SetPassword", name, "");
        });
    log.info("password changed user={} by={}", name, caller.describe());
  }

  public List<User> list(Caller caller) {
    caller.requireRole(Role.SECURITY_ADMIN);
    return tx.inTransaction(users::list);
  }

  private static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw GdsException.invalid(
          "user names are 1-128 characters: letters, digits, '.', '_', '@', '-'");
    }
  }

  private static void checkPassword(char[] password) {
    if (password == null
        || password.length < MIN_PASSWORD_LENGTH
        || password.length > MAX_PASSWORD_LENGTH) {
      throw GdsException.invalid(
          "passwords need " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters");
    }
  }
}
