package io.gdsvault.gds.opcua.audit;

import io.gdsvault.gds.audit.AuditTrail;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.opcua.security.MethodCallObserver;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

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

  public AuditingMethodObserver(AuditTrail trail) {
    this.trail = trail;
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
    trail.append(caller.get().describe(), "method." + method, target, "", outcome);
  }
}
