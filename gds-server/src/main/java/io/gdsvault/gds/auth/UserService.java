package io.gdsvault.gds.auth;

import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import io.gdsvault.gds.persistence.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Users and roles: authentication for sessions, management for SecurityAdmins. */
public final class UserService {

  /** The user created on first start, holding every role. */
  public static final String INITIAL_ADMIN = "admin";

  public static final int MIN_PASSWORD_LENGTH = 12;
  public static final int MAX_PASSWORD_LENGTH = 1024;
  private static final int MAX_NAME_LENGTH = 128;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");
  private static final Logger log = LoggerFactory.getLogger(UserService.class);

  private final UserRepository users;
  private final Transactions tx;
  private final PasswordHasher hasher;
  private final Clock clock;
  private final UserAudit audit;
  private final LoginThrottle throttle;
  private final CredentialCache credentials;
  private final List<Consumer<UserChange>> listeners = new CopyOnWriteArrayList<>();

  /**
   * Login throttling and the verified-credential cache.
   *
   * @param throttle refuses guessing per user and address
   * @param credentials recently verified passwords (HMAC under a per-process key)
   */
  public record Protection(LoginThrottle throttle, CredentialCache credentials) {

    /** The default throttle and no credential cache (unit tests, tools). */
    public static Protection defaults(Clock clock) {
      return new Protection(
          new LoginThrottle(
              new LoginThrottle.Settings(
                  3,
                  20,
                  50,
                  1000,
                  Duration.ofSeconds(1),
                  Duration.ofMinutes(1),
                  Duration.ofMinutes(15),
                  100_000),
              clock),
          new CredentialCache(Duration.ZERO, 1, clock));
    }
  }

  public UserService(UserRepository users, Transactions tx, PasswordHasher hasher, Clock clock) {
    this(users, tx, hasher, clock, UserAudit.NONE);
  }

  /** With {@code audit} told of every change inside the change's transaction. */
  public UserService(
      UserRepository users, Transactions tx, PasswordHasher hasher, Clock clock, UserAudit audit) {
    this(users, tx, hasher, clock, audit, Protection.defaults(clock));
  }

  /** With login throttling and a credential cache as configured. */
  public UserService(
      UserRepository users,
      Transactions tx,
      PasswordHasher hasher,
      Clock clock,
      UserAudit audit,
      Protection protection) {
    this.users = users;
    this.tx = tx;
    this.hasher = hasher;
    this.clock = clock;
    this.audit = audit;
    this.throttle = protection.throttle();
    this.credentials = protection.credentials();
  }

  /** Told every committed user change (after its transaction). */
  public void onChange(Consumer<UserChange> listener) {
    listeners.add(listener);
  }

  /** The user's roles when name and password match; empty otherwise (same cost either way). */
  public Optional<User> authenticate(String name, char[] password) {
    return login(name, password, null);
  }

  /**
   * A login from {@code address} (null: unknown): empty when refused by the throttle (at once,
   * without checking the password), when the user is unknown or the password is wrong. Failures
   * count towards the user's and the address's delay and lockout; a lockout is audited.
   */
  public Optional<User> login(String name, char[] password, @Nullable String address) {
    if (name == null
        || password == null
        || password.length > MAX_PASSWORD_LENGTH
        || name.length() > MAX_NAME_LENGTH) {
      // no user has such a name (checkName): nothing to check or throttle
      return Optional.empty();
    }
    Optional<LoginThrottle.Refusal> refusal = throttle.check(name, address);
    if (refusal.isPresent()) {
      failed(name, address);
      log.debug("login refused user={} address={}: {}", name, address, refusal.get());
      return Optional.empty();
    }
    boolean ok = credentials.matches(name, password) || verify(name, password);
    if (!ok) {
      failed(name, address);
      return Optional.empty();
    }
    Optional<User> user = tx.inTransaction(() -> users.find(name));
    if (user.isEmpty()) {
      credentials.forget(name);
      return user;
    }
    throttle.succeeded(name, address);
    credentials.remember(name, password);
    return user;
  }

  private boolean verify(String name, char[] password) {
    Optional<String> hash = tx.inTransaction(() -> users.passwordHash(name));
    if (hash.isEmpty()) {
      hasher.burn(password);
      return false;
    }
    return hasher.verify(password, hash.get());
  }

  private void failed(String name, @Nullable String address) {
    LoginThrottle.Failure f = throttle.failed(name, address);
    String shown = name;
    if (f.userLockedNow()) {
      log.warn("login locked user={} failures={} address={}", shown, f.userFailures(), address);
      audited("LoginLockout", shown, "failures=" + f.userFailures() + " address=" + address);
    }
    if (f.addressLockedNow()) {
      log.warn("logins locked from address={}", address);
      audited("AddressLockout", shown, "address=" + address);
    }
  }

  private void audited(String method, String name, String detail) {
    try {
      tx.run(() -> audit.changed(Caller.system(), method, name, detail));
    } catch (RuntimeException e) {
      log.error("cannot audit {} of {}", method, name, e);
    }
  }

  /** Whether the user's logins are locked now (after too many failures). */
  public boolean isLocked(String name) {
    return throttle.isLocked(name);
  }

  /** Lifts a user's login delay or lockout (audited); false when none was in place. */
  public boolean unlock(Caller caller, String name) {
    caller.requireRole(Role.SECURITY_ADMIN);
    boolean known = tx.inTransaction(() -> users.find(name)).isPresent();
    boolean was = throttle.unlock(name);
    if (!known && !was) {
      throw GdsException.notFound("user");
    }
    tx.run(() -> audit.changed(caller, "UnlockUser", name, was ? "" : "not locked"));
    log.info("user unlocked user={} by={}", name, caller.describe());
    return was;
  }

  private void changed(String name, UserChange.Kind kind, Set<Role> roles, Caller caller) {
    UserChange change = new UserChange(name, kind, roles, caller.sessionId());
    for (Consumer<UserChange> l : listeners) {
      try {
        l.accept(change);
      } catch (RuntimeException e) {
        log.error("user change listener failed for {}", name, e);
      }
    }
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
    credentials.forget(name);
    log.info("user added user={} roles={} by={}", name, roles, caller.describe());
    changed(name, UserChange.Kind.ADDED, roles, caller);
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
    credentials.forget(name);
    throttle.unlock(name);
    log.info("user removed user={} by={}", name, caller.describe());
    changed(name, UserChange.Kind.REMOVED, Set.of(), caller);
  }

  public void setPassword(Caller caller, String name, char[] password) {
    caller.requireRole(Role.SECURITY_ADMIN);
    checkPassword(password);
    String hash = hasher.hash(password);
    credentials.forget(name);
    Set<Role> roles =
        tx.inTransaction(
            () -> {
              if (!users.updatePasswordHash(name, hash, clock.instant())) {
                throw GdsException.notFound("user");
              }
              audit.changed(caller, "SetPassword", name, "");
              return users.find(name).map(User::roles).orElse(Set.of());
            });
    credentials.forget(name);
    log.info("password changed user={} by={}", name, caller.describe());
    changed(name, UserChange.Kind.PASSWORD, roles, caller);
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
