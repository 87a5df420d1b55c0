package io.gdsvault.gds.auth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Which sessions the server admits, so that users with a role and devices with a trusted (GDS
 * issued) certificate can always connect however many others try. Every session has a kind:
 *
 * <ul>
 *   <li>{@link Kind#NONE}: on SecurityPolicy None (discovery only), capped in total and per remote
 *       address;
 *   <li>{@link Kind#PENDING}: created on a secure channel, not yet activated; when the pending pool
 *       is full the oldest one is given up for the newcomer (legitimate clients activate within
 *       milliseconds), and one not activated in time is closed;
 *   <li>{@link Kind#ACTIVATING}: in ActivateSession (the password check), never given up and not
 *       counted in the pending pool;
 *   <li>{@link Kind#UNAUTHENTICATED}: activated anonymously without a trusted certificate, capped
 *       at a share of MaxSessions;
 *   <li>{@link Kind#PRIVILEGED}: activated as a user with a role or with a trusted certificate;
 *       limited only by MaxSessions, which the other kinds can never fill.
 * </ul>
 *
 * <p>The roles of an activated user are kept per session (resolved once at activation) and
 * refreshed with {@link #refreshRoles} when the user changes. Thread-safe; the caps are exact.
 */
public final class SessionAdmission {

  /** The kind of a session. */
  public enum Kind {
    NONE,
    PENDING,
    ACTIVATING,
    UNAUTHENTICATED,
    PRIVILEGED
  }

  /**
   * The caps.
   *
   * @param noneSessions sessions on SecurityPolicy None
   * @param noneSessionsPerAddress such sessions from one remote address
   * @param unauthenticatedSessions anonymous sessions without a trusted certificate
   * @param pendingSessions created sessions not yet activated
   * @param pendingTimeoutNanos how long a session may stay pending
   */
  public record Limits(
      int noneSessions,
      int noneSessionsPerAddress,
      int unauthenticatedSessions,
      int pendingSessions,
      long pendingTimeoutNanos) {}

  /** A refused admission: the reason, for the Bad_TooManySessions status text and the log. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** The result of admitting a new session: its ticket and a session to close to make room. */
  public record Admitted(String ticket, @Nullable String evict) {}

  private static final class Entry {
    Kind kind;
    final String address;
    final long since;
    @Nullable String user;
    Set<Role> roles = Set.of();

    Entry(Kind kind, String address, long since) {
      this.kind = kind;
      this.address = address;
      this.since = since;
    }
  }

  private final Limits limits;
  private final LongSupplier nanos;
  private final Map<String, Entry> sessions = new HashMap<>();
  private final List<Consumer<String>> closeListeners = new CopyOnWriteArrayList<>();
  private long nextTicket;

  public SessionAdmission(Limits limits, LongSupplier nanos) {
    this.limits = limits;
    this.nanos = nanos;
  }

  /** Told the id of every session that ended (after it left the ledger). */
  public void onClosed(Consumer<String> listener) {
    closeListeners.add(listener);
  }

  /**
   * Admits a new session before it is created: a None session within the None caps, a secure one
   * into the pending pool (giving up its oldest member when full). Bind the ticket with {@link
   * #bind} once the session exists, or {@link #release} it when creation failed.
   */
  public synchronized Admitted admit(boolean none, String address) throws Refused {
    String evict = null;
    if (none) {
      if (count(Kind.NONE, null) >= limits.noneSessions()) {
        throw new Refused("too many sessions on SecurityPolicy None");
      }
      if (count(Kind.NONE, address) >= limits.noneSessionsPerAddress()) {
        throw new Refused("too many sessions on SecurityPolicy None from this address");
      }
    } else if (count(Kind.PENDING, null) >= limits.pendingSessions()) {
      // sessions in ActivateSession do not count: a burst of devices whose password checks queue
      // up must not lock newcomers out (they are bounded by MaxSessions and the login throttle)
      evict = oldestPending().orElseThrow(() -> new Refused("too many pending sessions"));
      // it no longer counts: a second newcomer does not pick the same one
      sessions.remove(evict);
    }
    String ticket = "ticket:" + nextTicket++;
    sessions.put(ticket, new Entry(none ? Kind.NONE : Kind.PENDING, address, nanos.getAsLong()));
    return new Admitted(ticket, evict);
  }

  /** The session of an admitted ticket now exists under {@code sessionId}. */
  public synchronized void bind(String ticket, String sessionId) {
    Entry e = sessions.remove(ticket);
    if (e != null) {
      sessions.put(sessionId, e);
    }
  }

  /** The session of the ticket was not created. */
  public synchronized void release(String ticket) {
    sessions.remove(ticket);
  }

  /** ActivateSession began: the session can no longer be given up for a newcomer. */
  public synchronized void activating(String sessionId) {
    Entry e = sessions.get(sessionId);
    if (e != null && e.kind == Kind.PENDING) {
      e.kind = Kind.ACTIVATING;
    }
  }

  /** ActivateSession failed: the session is pending again. */
  public synchronized void activationFailed(String sessionId) {
    Entry e = sessions.get(sessionId);
    if (e != null && e.kind == Kind.ACTIVATING) {
      e.kind = Kind.PENDING;
    }
  }

  /**
   * ActivateSession succeeded: {@code user} (null: anonymous) with {@code roles}; privileged when
   * the user has a role or the client certificate is trusted. Refused (the session stays pending)
   * when an unauthenticated session would pass its cap.
   */
  public synchronized void activated(
      String sessionId, @Nullable String user, Set<Role> roles, boolean trustedCertificate)
      throws Refused {
    Entry e = sessions.get(sessionId);
    if (e == null) {
      // a session the ledger never saw (created before it): count it as it activates
      e = new Entry(Kind.PENDING, "", nanos.getAsLong());
      sessions.put(sessionId, e);
    }
    boolean privileged = trustedCertificate || (user != null && !roles.isEmpty());
    if (e.kind != Kind.NONE) {
      if (!privileged
          && e.kind != Kind.UNAUTHENTICATED
          && count(Kind.UNAUTHENTICATED, null) >= limits.unauthenticatedSessions()) {
        if (e.kind == Kind.ACTIVATING) {
          e.kind = Kind.PENDING;
        }
        throw new Refused("too many sessions without a role or a trusted certificate");
      }
      e.kind = privileged ? Kind.PRIVILEGED : Kind.UNAUTHENTICATED;
    }
    e.user = user;
    e.roles = Set.copyOf(roles);
  }

  /** The session ended (closed, timed out, killed). */
  public void closed(String sessionId) {
    boolean known;
    synchronized (this) {
      known = sessions.remove(sessionId) != null;
    }
    if (known) {
      closeListeners.forEach(l -> l.accept(sessionId));
    }
  }

  /** The kind of a session, empty for one the ledger does not know. */
  public synchronized Optional<Kind> kind(String sessionId) {
    Entry e = sessions.get(sessionId);
    return e == null ? Optional.empty() : Optional.of(e.kind);
  }

  /** Whether the session is privileged (a user with a role or a trusted certificate). */
  public synchronized boolean privileged(String sessionId) {
    Entry e = sessions.get(sessionId);
    return e != null && e.kind == Kind.PRIVILEGED;
  }

  /** The roles resolved when the session was activated (or last refreshed); empty if unknown. */
  public synchronized Optional<Set<Role>> roles(String sessionId, String user) {
    Entry e = sessions.get(sessionId);
    return e == null || !user.equals(e.user) ? Optional.empty() : Optional.of(e.roles);
  }

  /** The activated sessions of a user. */
  public synchronized List<String> sessionsOf(String user) {
    List<String> out = new ArrayList<>();
    sessions.forEach(
        (id, e) -> {
          if (user.equals(e.user)) {
            out.add(id);
          }
        });
    return out;
  }

  /** The user's sessions get {@code roles} (the user changed). */
  public synchronized void refreshRoles(String user, Set<Role> roles) {
    for (Entry e : sessions.values()) {
      if (user.equals(e.user)) {
        e.roles = Set.copyOf(roles);
      }
    }
  }

  /** Pending sessions older than the pending timeout: to be closed. */
  public synchronized List<String> expiredPending() {
    long now = nanos.getAsLong();
    List<String> out = new ArrayList<>();
    sessions.forEach(
        (id, e) -> {
          if (e.kind == Kind.PENDING
              && !id.startsWith("ticket:")
              && now - e.since > limits.pendingTimeoutNanos()) {
            out.add(id);
          }
        });
    return out;
  }

  /** The ids of the sessions on SecurityPolicy None (for the idle check). */
  public synchronized List<String> noneSessions() {
    List<String> out = new ArrayList<>();
    sessions.forEach(
        (id, e) -> {
          if (e.kind == Kind.NONE && !id.startsWith("ticket:")) {
            out.add(id);
          }
        });
    return out;
  }

  /** Sessions of a kind (all kinds: null). */
  public synchronized int count(@Nullable Kind kind) {
    return kind == null ? sessions.size() : count(kind, null);
  }

  private int count(Kind kind, @Nullable String address) {
    int n = 0;
    for (Entry e : sessions.values()) {
      if (e.kind == kind && (address == null || address.equals(e.address))) {
        n++;
      }
    }
    return n;
  }

  private Optional<String> oldestPending() {
    String oldest = null;
    long since = Long.MAX_VALUE;
    for (Map.Entry<String, Entry> e : sessions.entrySet()) {
      if (e.getValue().kind == Kind.PENDING
          && !e.getKey().startsWith("ticket:")
          && e.getValue().since < since) {
        oldest = e.getKey();
        since = e.getValue().since;
      }
    }
    return Optional.ofNullable(oldest);
  }
}
