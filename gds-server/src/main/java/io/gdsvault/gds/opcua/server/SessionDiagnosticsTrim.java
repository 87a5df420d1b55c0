package io.gdsvault.gds.opcua.server;

import java.lang.reflect.Field;
import java.util.List;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.SessionListener;
import org.eclipse.milo.opcua.sdk.server.SessionManager;
import org.eclipse.milo.opcua.sdk.server.diagnostics.objects.SessionsDiagnosticsSummaryObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops Milo 1.1.2 from building a SessionDiagnosticsObject node tree for every session.
 *
 * <p>Milo's ServerNamespace starts a SessionsDiagnosticsSummaryObject that registers a session
 * listener: for each new session it instantiates a SessionDiagnosticsObjectType node tree (some
 * fifty nodes: SessionDiagnostics with its ~40 components, SessionSecurityDiagnostics, a
 * subscription array) under a lock of that object, on the server's single session-listener task
 * queue, and deletes it again when the session closes, whether or not diagnostics are enabled. A
 * GDS serves thousands of short sessions, and an earlier profile of a plain Milo server found this
 * tree to be most of a session's server-side cost. Part 5 makes these per-session objects an
 * optional placeholder ({@code <ClientName>} of SessionsDiagnosticsSummaryType); everything else of
 * ServerDiagnostics stays as Milo keeps it: ServerDiagnosticsSummary (session counts from the
 * server's counters), the SessionDiagnosticsArray and SessionSecurityDiagnosticsArray (computed
 * from the live sessions when read, and only while the EnabledFlag is set) and the
 * SessionsDiagnosticsSummary object itself. In 1.1.2 the per-session security objects are also
 * readable by any session (later Milo versions restrict them), one more reason a GDS does without
 * them.
 *
 * <p>1.1.2 has no option for it, so the listener is found in the SessionManager's private list (the
 * listener's class is nested in SessionsDiagnosticsSummaryObject) and removed through the public
 * {@link SessionManager#removeSessionListener}. Should a Milo version change the field, the trim
 * logs a warning and the server runs with Milo's default.
 */
final class SessionDiagnosticsTrim {

  private static final Logger log = LoggerFactory.getLogger(SessionDiagnosticsTrim.class);

  private SessionDiagnosticsTrim() {}

  /** Removes the per-session diagnostics listener; returns how many it removed (0 or 1). */
  static int apply(OpcUaServer server) {
    SessionManager sessions = server.getSessionManager();
    try {
      Field f = SessionManager.class.getDeclaredField("sessionListeners");
      f.setAccessible(true);
      int removed = 0;
      for (Object l : List.copyOf((List<?>) f.get(sessions))) {
        if (l instanceof SessionListener listener
            && listener.getClass().getEnclosingClass() == SessionsDiagnosticsSummaryObject.class) {
          sessions.removeSessionListener(listener);
          removed++;
        }
      }
      if (removed == 0) {
        log.warn(
            "Milo's per-session diagnostics listener was not found; sessions keep their nodes");
      }
      return removed;
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn("cannot skip Milo's per-session diagnostics nodes: {}", e.toString());
      return 0;
    }
  }
}
