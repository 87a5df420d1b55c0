package io.gdsvault.gds.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Throttles password guessing per user name and per remote address, without ever sleeping: after
 * {@code freeFailures} failed logins each further try is refused at once until a delay has passed,
 * doubling per failure up to a maximum; after {@code lockoutFailures} the key is locked for {@code
 * lockoutMs}. Tries refused while a key waits count as failures too, and a refused try is never
 * checked (so it costs no PBKDF2). A successful login clears the user's count and that address's
 * count. Bounded: the least recently used keys are forgotten beyond {@code maxKeys}. In memory, per
 * node.
 */
public final class LoginThrottle {

  /**
   * The throttle's settings.
   *
   * @param userFreeFailures failures of one user before tries wait
   * @param userLockoutFailures failures of one user that lock it
   * @param addressFreeFailures failures from one address before tries wait
   * @param addressLockoutFailures failures from one address that lock it
   * @param baseDelay the first wait, doubled per further failure
   * @param maxDelay the longest wait
   * @param lockout how long a locked key stays locked
   * @param maxKeys user names and addresses remembered at most
   */
  public record Settings(
      int userFreeFailures,
      int userLockoutFailures,
      int addressFreeFailures,
      int addressLockoutFailures,
      Duration baseDelay,
      Duration maxDelay,
      Duration lockout,
      int maxKeys) {}

  /** Why a try is refused before its password is checked. */
  public enum Refusal {
    /** Waiting after recent failures. */
    DELAYED,
    /** Locked after too many failures (until the lockout ends or an operator unlocks). */
    LOCKED
  }

  /** What a failure did: whether it locked the user or the address just now. */
  public record Failure(boolean userLockedNow, boolean addressLockedNow, int userFailures) {}

  private static final class State {
    int failures;
    Instant blockedUntil = Instant.EPOCH;
    boolean locked;
  }

  private final Settings settings;
  private final Clock clock;
  private final Map<String, State> states;

  public LoginThrottle(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    int max = settings.maxKeys();
    this.states =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
            return size() > max;
          }
        };
  }

  /** Whether a try of {@code user} from {@code address} is refused without checking it. */
  public synchronized Optional<Refusal> check(String user, @Nullable String address) {
    Instant now = clock.instant();
    Optional<Refusal> refusal = refusal(states.get(userKey(user)), now);
    if (refusal.isEmpty() && address != null) {
      refusal = refusal(states.get(addressKey(address)), now);
    }
    return refusal;
  }

  /** A failed (or refused) try. */
  public synchronized Failure failed(String user, @Nullable String address) {
    Instant now = clock.instant();
    State u = states.computeIfAbsent(userKey(user), k -> new State());
    boolean userLocked = count(u, now, settings.userFreeFailures(), settings.userLockoutFailures());
    boolean addressLocked = false;
    if (address != null) {
      State a = states.computeIfAbsent(addressKey(address), k -> new State());
      addressLocked =
          count(a, now, settings.addressFreeFailures(), settings.addressLockoutFailures());
    }
    return new Failure(userLocked, addressLocked, u.failures);
  }

  /** A successful login: the user's and the address's failures are forgotten. */
  public synchronized void succeeded(String user, @Nullable String address) {
    states.remove(userKey(user));
    if (address != null) {
      states.remove(addressKey(address));
    }
  }

  /** Lifts a user's delay or lockout (an operator's unlock); true when there was one. */
  public synchronized boolean unlock(String user) {
    return states.remove(userKey(user)) != null;
  }

  /** Whether the user is locked now. */
  public synchronized boolean isLocked(String user) {
    return refusal(states.get(userKey(user)), clock.instant()).orElse(null) == Refusal.LOCKED;
  }

  private boolean count(State s, Instant now, int free, int lockoutAt) {
    if (s.locked && !now.isBefore(s.blockedUntil)) {
      // a lockout that ended starts the count afresh
      s.locked = false;
      s.failures = 0;
    }
    s.failures++;
    if (!s.locked && s.failures >= lockoutAt) {
      s.locked = true;
      s.blockedUntil = now.plus(settings.lockout());
      return true;
    }
    if (!s.locked && s.failures > free && !now.isBefore(s.blockedUntil)) {
      int doublings = Math.min(30, s.failures - free - 1);
      long ms = settings.baseDelay().toMillis() << doublings;
      if (ms <= 0 || ms > settings.maxDelay().toMillis()) {
        ms = settings.maxDelay().toMillis();
      }
      s.blockedUntil = now.plusMillis(ms);
    }
    return false;
  }

  private static Optional<Refusal> refusal(@Nullable State s, Instant now) {
    if (s == null || !now.isBefore(s.blockedUntil)) {
      return Optional.empty();
    }
    return Optional.of(s.locked ? Refusal.LOCKED : Refusal.DELAYED);
  }

  private static String userKey(String user) {
    return "u:" + user;
  }

  private static String addressKey(String address) {
    return "a:" + address;
  }
}
