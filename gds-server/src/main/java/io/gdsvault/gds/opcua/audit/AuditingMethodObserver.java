package io.gdsvault.gds.opcua.audit;

import io.gdsvault.gds.audit.AuditTrail;
import io.gdsvault.gds.audit.RefusalSummary;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.opcua.security.MethodCallObserver;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.jspecify.annotations.Nullable;

/**
 * Writes client-trust changes (which have no history of their own), failed user-management calls
 * and every refused access to the audit trail. Only the first argument (a user name or thumbprint)
 * is recorded, never a password.
 */
public final class AuditingMethodObserver implements MethodCallObserver {

  /** Methods whose every call is recorded; their first argument names the target. */
  static final Set<String> RECORDED = Set.of("AcceptCertificate");

  /**
   * User management: the service records a change in its own transaction, so only the calls that
   * changed nothing (refused or failed) are recorded here.
   */
  static final Set<String> FAILURES_RECORDED = Set.of("AddUser", "RemoveUser", "SetPassword");

  private final AuditTrail trail;
  private final @Nullable RefusalSummary refusals;

  /** Every recorded call one row. */
  public AuditingMethodObserver(AuditTrail trail) {
    this(trail, null);
  }

  /**
   * Refused calls of callers without a user (anonymous, with or without a certificate) counted in
   * {@code refusals} (one row per caller and reason per interval); everything else one row.
   */
  public AuditingMethodObserver(AuditTrail trail, @Nullable RefusalSummary refusals) {
    this.trail = trail;
    this.refusals = refusals;
  }

  @Override
  public void called(String method, Supplier<Caller> caller, Variant[] inputs, long statusCode) {
    boolean recorded =
        RECORDED.contains(method)
            || (FAILURES_RECORDED.contains(method) && statusCode != StatusCode.GOOD.value());
    boolean denied =
        statusCode == StatusCodes.Bad_UserAccessDenied
            || statusCode == StatusCodes.Bad_SecurityModeInsufficient;
    if (!recorded && !denied) {
      return;
    }
    String target = "";
    if (recorded
        && inputs.length > 0
        && inputs[0] != null
        && inputs[0].value() instanceof String s) {
      target = s;
    }
    String outcome =
        StatusCode.GOOD.value() == statusCode
            ? "ok"
            : StatusCodes.lookup(statusCode).map(n -> n[0]).orElse(Long.toHexString(statusCode));
    Caller who = caller.get();
    if (denied && refusals != null && who.isAnonymous()) {
      refusals.refused(who.describe(), "method." + method, outcome);
      return;
    }
    trail.append(who.describe(), "method." + method, target, "", outcome);
  }
}
