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
 * Bearer tokens for scripts (POST /api/v1/tokens), kept in memory as hashes until they expire; a
 * restart or a password change of their user ends them.
 */
public final class BearerTokens {

  /** What a token stands for. */
  public record Grant(String user, Set<Role> roles, Instant expiresAt) {
    public Grant {
      roles = Set.copyOf(roles);
    }
  }

  /** A new token and its grant (the token itself is shown once). */
  public record Issued(String token, Grant grant) {
    @Override
    public String toString() {
      return "Issued[" + grant.user() + ", hidden]";
    }
  }

  private final Map<String, Grant> byHash = new ConcurrentHashMap<>();
  private final Duration ttl;
  private final Clock clock;

  public BearerTokens(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
  }

  public Issued issue(String user, Set<Role> roles) {
    String token = Secrets.token();
    Grant g = new Grant(user, roles, clock.instant().plus(ttl));
    byHash.put(Secrets.sha256(token), g);
    return new Issued(token, g);
  }

  public Optional<Grant> find(String token) {
    String key = Secrets.sha256(token);
    Grant g = byHash.get(key);
    if (g == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(g.expiresAt())) {
      byHash.remove(key);
      return Optional.empty();
    }
    return Optional.of(g);
  }

  public void endAllOf(String user) {
    byHash.values().removeIf(g -> g.user().equals(user));
  }

  public void sweep() {
    Instant now = clock.instant();
    byHash.values().removeIf(g -> !now.isBefore(g.expiresAt()));
  }
}
