package io.gdsvault.web.security;

import io.gdsvault.gds.auth.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions in memory, keyed by the hash of their id: they end after the idle timeout, at
 * logout, and (all but the current one) when the user's password is changed here. A restart ends
 * every session.
 */
public final class Sessions {

  /** Name of the session cookie. */
  public static final String COOKIE = "gds_session";

  private final Map<String, Entry> byHash = new ConcurrentHashMap<>();
  private final Duration idle;
  private final Clock clock;

  public Sessions(Duration idle, Clock clock) {
    this.idle = idle;
    this.clock = clock;
  }

  private static final class Entry {
    final WebSession session;
    volatile Instant lastSeen;

    Entry(WebSession session, Instant lastSeen) {
      this.session = session;
      this.lastSeen = lastSeen;
    }
  }

  public WebSession create(String user, Set<Role> roles) {
    WebSession s = new WebSession(Secrets.token(), Secrets.token(), user, roles);
    byHash.put(Secrets.sha256(s.id()), new Entry(s, clock.instant()));
    return s;
  }

  /** The live session of a cookie value; an idle one ends here. */
  public Optional<WebSession> find(String id) {
    String key = Secrets.sha256(id);
    Entry e = byHash.get(key);
    if (e == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (!now.isBefore(e.lastSeen.plus(idle))) {
      byHash.remove(key);
      return Optional.empty();
    }
    e.lastSeen = now;
    return Optional.of(e.session);
  }

  public void end(WebSession session) {
    byHash.remove(Secrets.sha256(session.id()));
  }

  /** Ends every session of {@code user} except {@code keep} (a password change). */
  public int endAllOf(String user, String keepId) {
    int[] n = {0};
    byHash
        .entrySet()
        .removeIf(
            e -> {
              WebSession s = e.getValue().session;
              boolean drop = s.user().equals(user) && !s.id().equals(keepId);
              if (drop) {
                n[0]++;
              }
              return drop;
            });
    return n[0];
  }

  /** Drops idle sessions (scheduled). */
  public void sweep() {
    Instant now = clock.instant();
    byHash.values().removeIf(e -> !now.isBefore(e.lastSeen.plus(idle)));
  }

  public int count() {
    return byHash.size();
  }

  /** Whether {@code offered} is the session's CSRF token (constant time). */
  public static boolean csrfMatches(
      WebSession s, @org.jspecify.annotations.Nullable String offered) {
    return offered != null && Secrets.same(s.csrfToken(), offered);
  }
}
