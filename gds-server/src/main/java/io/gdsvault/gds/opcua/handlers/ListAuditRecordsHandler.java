package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.audit.AuditRecord;
import io.gdsvault.gds.audit.AuditTrail;
import io.gdsvault.gds.auth.Caller;
import java.time.Instant;
import java.util.List;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Vendor ListAuditRecords(Since, MaxRecords) → (Seqs[], Times[], Actors[], Actions[], Targets[],
 * Details[], Outcomes[]): the audit trail from a time (null DateTime: from the start).
 * SecurityAdmin.
 */
public final class ListAuditRecordsHandler extends GdsMethodHandler {

  private final AuditTrail trail;

  public ListAuditRecordsHandler(HandlerContext context, UaMethodNode node, AuditTrail trail) {
    super(context, node);
    this.trail = trail;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {
      Arguments.scalar("Since", NodeIds.UtcTime), Arguments.scalar("MaxRecords", Arguments.UINT32)
    };
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {
      Arguments.array("Seqs", NodeIds.Int64),
      Arguments.array("Times", NodeIds.UtcTime),
      Arguments.array("Actors", Arguments.STRING),
      Arguments.array("Actions", Arguments.STRING),
      Arguments.array("Targets", Arguments.STRING),
      Arguments.array("Details", Arguments.STRING),
      Arguments.array("Outcomes", Arguments.STRING)
    };
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    Object since = in[0].value();
    Instant from = since instanceof DateTime d && d.getUtcTime() > 0 ? d.getJavaInstant() : null;
    List<AuditRecord> rows =
        trail.list(caller, from, (int) Math.min(uint32(in[1]), Integer.MAX_VALUE));
    return new Variant[] {
      new Variant(rows.stream().map(AuditRecord::seq).toArray(Long[]::new)),
      new Variant(rows.stream().map(r -> new DateTime(r.at())).toArray(DateTime[]::new)),
      new Variant(rows.stream().map(AuditRecord::actor).toArray(String[]::new)),
      new Variant(rows.stream().map(AuditRecord::action).toArray(String[]::new)),
      new Variant(rows.stream().map(AuditRecord::target).toArray(String[]::new)),
      new Variant(rows.stream().map(AuditRecord::detail).toArray(String[]::new)),
      new Variant(rows.stream().map(AuditRecord::outcome).toArray(String[]::new))
    };
  }
}
