package io.gdsvault.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per user name and per client address within a window; once either has
 * reached the limit, logins for it are refused (429) until its oldest failure leaves the window. A
 * success does not clear the address's count (so one good account cannot launder guesses).
 */
public final class LoginThrottle {

  private static final int MAX_KEYS = 100_000;

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final int limit;
  private final Duration window;
  private final Clock clock;

  public LoginThrottle(int limit, Duration window, Clock clock) {
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  /** Whether a login for {@code user} from {@code address} is refused now. */
  public boolean blocked(String user, String address) {
    return full(userKey(user)) || full(addressKey(address));
  }

  public void failed(String user, String address) {
    if (failures.size() > MAX_KEYS) {
      sweep();
    }
    add(userKey(user));
    add(addressKey(address));
  }

  /** A successful login clears the user's count. */
  public void succeeded(String user) {
    failures.remove(userKey(user));
  }

  public void sweep() {
    Instant cutoff = clock.instant().minus(window);
    failures
        .values()
        .removeIf(
            d -> {
              synchronized (d) {
                d.removeIf(t -> !t.isAfter(cutoff));
                return d.isEmpty();
              }
            });
  }

  private boolean full(String key) {
    Deque<Instant> d = failures.get(key);
    if (d == null) {
      return false;
    }
    Instant cutoff = clock.instant().minus(window);
    synchronized (d) {
      d.removeIf(t -> !t.isAfter(cutoff));
      return d.size() >= limit;
    }
  }

  private void add(String key) {
    Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (d) {
      d.addLast(clock.instant());
      while (d.size() > limit * 2) {
        d.removeFirst();
      }
    }
  }

  private static String userKey(String user) {
    return "u:" + user.toLowerCase(Locale.ROOT);
  }

  private static String addressKey(String address) {
    return "a:" + address;
  }
}
