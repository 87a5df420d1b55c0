package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.audit.AuditTrail;
import io.gdsvault.gds.audit.AuditVerification;
import io.gdsvault.gds.auth.Caller;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Vendor VerifyAuditLog() → (Intact, Rows, BrokenSeq, Problem): checks the hash chain. A broken
 * chain is a Good call with Intact false (the CLI exits 1). SecurityAdmin.
 */
public final class VerifyAuditLogHandler extends GdsMethodHandler {

  private final AuditTrail trail;

  public VerifyAuditLogHandler(HandlerContext context, UaMethodNode node, AuditTrail trail) {
    super(context, node);
    this.trail = trail;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[0];
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {
      Arguments.scalar("Intact", NodeIds.Boolean),
      Arguments.scalar("Rows", NodeIds.Int64),
      Arguments.scalar("BrokenSeq", NodeIds.Int64),
      Arguments.scalar("Problem", Arguments.STRING)
    };
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    AuditVerification v = trail.verify(caller);
    return new Variant[] {
      new Variant(v.intact()),
      new Variant(v.rows()),
      new Variant(v.brokenSeq()),
      new Variant(v.problem())
    };
  }
}
