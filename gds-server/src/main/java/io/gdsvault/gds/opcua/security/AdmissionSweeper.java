package io.gdsvault.gds.opcua.security;

import io.gdsvault.gds.auth.SessionAdmission;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a second: closes sessions that were created but not activated in time, and sessions on
 * SecurityPolicy None without a request for {@code noneIdleMs} (whatever timeout their client asked
 * for).
 */
public final class AdmissionSweeper {

  private static final Logger log = LoggerFactory.getLogger(AdmissionSweeper.class);

  private final OpcUaServer server;
  private final SessionAdmission admission;
  private final long noneIdleMs;
  private @Nullable ScheduledFuture<?> task;

  public AdmissionSweeper(OpcUaServer server, SessionAdmission admission, long noneIdleMs) {
    this.server = server;
    this.admission = admission;
    this.noneIdleMs = noneIdleMs;
  }

  public synchronized void start() {
    if (task == null) {
      task =
          server
              .getScheduledExecutorService()
              .scheduleWithFixedDelay(this::sweepSafely, 1, 1, TimeUnit.SECONDS);
    }
  }

  public synchronized void stop() {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
  }

  private void sweepSafely() {
    try {
      sweep();
    } catch (RuntimeException e) {
      log.warn("admission sweep failed", e);
    }
  }

  /** One pass (package-visible for tests). */
  void sweep() {
    for (String key : admission.expiredPending()) {
      log.debug("closing session {}: not activated in time", key);
      if (!MiloSessions.close(server, key)) {
        admission.closed(key);
      }
    }
    long now = DateTime.now().getJavaTime();
    for (String key : admission.noneSessions()) {
      Session s = MiloSessions.find(server, key).orElse(null);
      if (s == null) {
        admission.closed(key);
      } else if (now - s.getLastContactTime().getJavaTime() > noneIdleMs) {
        log.debug("closing idle session {} on SecurityPolicy None", key);
        MiloSessions.close(server, key);
      }
    }
  }
}
