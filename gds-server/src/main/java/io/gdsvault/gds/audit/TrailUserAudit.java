package io.gdsvault.gds.audit;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.UserAudit;

/**
 * Writes user-management changes to the audit trail inside the change's transaction (action {@code
 * method.<Method>}, target the user name, as the method-call observer names failed attempts).
 */
public final class TrailUserAudit implements UserAudit {

  private final AuditTrail trail;

  public TrailUserAudit(AuditTrail trail) {
    this.trail = trail;
  }

  @Override
  public void changed(Caller caller, String method, String userName, String detail) {
    trail.append(caller.describe(), "method." + method, userName, detail, "ok");
  }
}
