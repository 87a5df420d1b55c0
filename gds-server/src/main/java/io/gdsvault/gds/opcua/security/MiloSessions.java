package io.gdsvault.gds.opcua.security;

import java.lang.reflect.Method;
import java.util.Optional;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finding and ending Milo sessions by id. Milo 1.1.2 ends activated sessions with {@code
 * SessionManager.killSession} but offers nothing for a created session that was never activated
 * ({@code Session.close} is package-private), so that one is closed through reflection.
 */
public final class MiloSessions {

  private static final Logger log = LoggerFactory.getLogger(MiloSessions.class);
  private static final Method CLOSE = closeMethod();

  private MiloSessions() {}

  /** The key of a session in the admission ledger. */
  public static String key(Session session) {
    return session.getSessionId().toParseableString();
  }

  public static Optional<Session> find(OpcUaServer server, String key) {
    return server.getSessionManager().getAllSessions().stream()
        .filter(s -> key(s).equals(key))
        .findFirst();
  }

  /** Ends the session (and its subscriptions), activated or not; false when it is gone. */
  public static boolean close(OpcUaServer server, String key) {
    Optional<Session> session = find(server, key);
    if (session.isEmpty()) {
      return false;
    }
    Session s = session.get();
    if (s.getIdentity() != null) {
      server.getSessionManager().killSession(s.getSessionId(), true);
      return true;
    }
    try {
      CLOSE.invoke(s, true);
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn("cannot close session {}", key, e);
      return false;
    }
  }

  private static Method closeMethod() {
    try {
      Method m = Session.class.getDeclaredMethod("close", boolean.class);
      m.setAccessible(true);
      return m;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("this Milo version has no Session.close(boolean)", e);
    }
  }
}
