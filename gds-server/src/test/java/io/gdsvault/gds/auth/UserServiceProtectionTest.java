package io.gdsvault.gds.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.config.SettingsLoader;
import io.gdsvault.gds.persistence.Transactions;
import io.gdsvault.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Login throttling and the verified-credential cache of {@link UserService}, on a spy store. */
class UserServiceProtectionTest {

  private static final Transactions TX =
      new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
          return work.get();
        }
      };

  private final MutableClock clock = MutableClock.startingNow();
  private final CountingUserRepository repo = new CountingUserRepository();
  private final List<String> audited = Collections.synchronizedList(new ArrayList<>());
  private final List<UserChange> changes = Collections.synchronizedList(new ArrayList<>());
  private final UserService users =
      new UserService(
          repo,
          TX,
          new PasswordHasher(100_000),
          clock,
          (caller, method, name, detail) -> audited.add(method + " " + name),
          new UserService.Protection(
              new LoginThrottle(
                  new LoginThrottle.Settings(
                      3,
                      20,
                      50,
                      500,
                      Duration.ofSeconds(1),
                      Duration.ofMinutes(1),
                      Duration.ofMinutes(15),
                      1000),
                  clock),
              new CredentialCache(Duration.ofSeconds(60), 100, clock)));

  private final Caller admin =
      new Caller(
          "admin",
          Set.of(Role.SECURITY_ADMIN),
          null,
          null,
          ChannelSecurity.SIGN_AND_ENCRYPT,
          "session-1");

  UserServiceProtectionTest() {
    users.onChange(changes::add);
    users.addUser(
        Caller.system(), "dev", "device-password-1".toCharArray(), Set.of(Role.DISCOVERY_ADMIN));
  }

  @Test
  void thirtyWrongPasswordsLockTheUserAuditedUntilUnlocked() {
    for (int i = 0; i < 30; i++) {
      assertThat(users.login("dev", ("wrong-password-" + i).toCharArray(), "10.0.0.1")).isEmpty();
    }
    assertThat(users.isLocked("dev")).isTrue();
    assertThat(audited).containsOnlyOnce("LoginLockout dev");
    // the right password is refused while locked, without being checked
    int reads = repo.reads.get();
    assertThat(users.login("dev", "device-password-1".toCharArray(), "10.0.0.2")).isEmpty();
    assertThat(repo.reads.get()).isEqualTo(reads);
    assertThat(users.unlock(admin, "dev")).isTrue();
    assertThat(audited).contains("UnlockUser dev");
    assertThat(users.login("dev", "device-password-1".toCharArray(), "10.0.0.2")).isPresent();
  }

  @Test
  void aCachedLoginSkipsTheHashButNeverAcceptsAnotherPassword() {
    assertThat(users.login("dev", "device-password-1".toCharArray(), null)).isPresent();
    int hashReads = repo.reads.get();
    assertThat(users.login("dev", "device-password-1".toCharArray(), null)).isPresent();
    // only the user's row (roles) is read again: no password hash, no PBKDF2
    assertThat(repo.reads.get()).isEqualTo(hashReads + 1);
    assertThat(users.login("dev", "device-password-2".toCharArray(), null)).isEmpty();
    assertThat(users.login("dev", "device-password-".toCharArray(), null)).isEmpty();
    assertThat(users.login("dev", "device-password-1".toCharArray(), null)).isPresent();
  }

  @Test
  void aPasswordChangeDropsTheShortcutAndTellsTheListeners() {
    assertThat(users.login("dev", "device-password-1".toCharArray(), null)).isPresent();
    users.setPassword(admin, "dev", "device-password-2".toCharArray());
    assertThat(users.login("dev", "device-password-1".toCharArray(), null)).isEmpty();
    assertThat(users.login("dev", "device-password-2".toCharArray(), null)).isPresent();
    assertThat(changes)
        .contains(
            new UserChange(
                "dev", UserChange.Kind.PASSWORD, Set.of(Role.DISCOVERY_ADMIN), "session-1"));
    assertThat(changes.get(changes.size() - 1).endsSessions()).isTrue();
  }

  @Test
  void removalDropsTheShortcut() {
    assertThat(users.login("dev", "device-password-1".toCharArray(), null)).isPresent();
    users.removeUser(admin, "dev");
    assertThat(users.login("dev", "device-password-1".toCharArray(), null)).isEmpty();
    assertThat(changes.get(changes.size() - 1))
        .isEqualTo(new UserChange("dev", UserChange.Kind.REMOVED, Set.of(), "session-1"));
  }

  @Test
  void theStoredHashKeepsAtLeast210000Iterations() {
    assertThat(SettingsLoader.defaults().security().passwordHashIterations())
        .isGreaterThanOrEqualTo(210_000);
  }
}
