package io.gdsvault.gds.audit;

import io.gdsvault.gds.auth.Caller;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Passes registration changes to another {@link AuditLog} (events) and into the trail. */
public final class TrailAuditLog implements AuditLog {

  private final AuditLog next;
  private final AuditTrail trail;

  public TrailAuditLog(AuditLog next, AuditTrail trail) {
    this.next = next;
    this.trail = trail;
  }

  /**
   * Appends the row in the transaction open on this thread (the change's own), and passes the
   * change on (OPC UA event) only once that transaction committed: a rolled-back change raises
   * nothing, and a failed append fails (and rolls back) the change.
   */
  @Override
  public void applicationRegistrationChanged(
      Caller caller,
      String method,
      @Nullable UUID applicationId,
      @Nullable String applicationUri,
      boolean success) {
    trail.append(
        caller.describe(),
        "application." + method,
        applicationId == null ? String.valueOf(applicationUri) : applicationId.toString(),
        applicationUri == null ? "" : "applicationUri=" + applicationUri,
        success ? "ok" : "failed");
    trail.afterCommit(
        () ->
            next.applicationRegistrationChanged(
                caller, method, applicationId, applicationUri, success));
  }
}
