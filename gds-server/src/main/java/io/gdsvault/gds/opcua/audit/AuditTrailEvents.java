package io.gdsvault.gds.opcua.audit;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort;

import io.gdsvault.gds.audit.AuditRecord;
import io.gdsvault.gds.opcua.security.EventAudience;
import io.gdsvault.gds.opcua.server.VendorNamespace;
import java.security.SecureRandom;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.model.objects.AuditUpdateMethodEventTypeNode;
import org.eclipse.milo.opcua.sdk.server.model.objects.BaseEventTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNodeContext;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectTypeNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises our own audit events (vendor namespace, subtypes of AuditUpdateMethodEventType) on the
 * Server object for audit trail rows the Part 12 events do not cover: approvals and rejections
 * ({@code RequestApprovedAuditEventType}, {@code RequestRejectedAuditEventType}) and every other
 * trail row such as user and trust changes or refused calls ({@code GdsVaultAuditEventType}).
 * Raised after the row's transaction committed, to SignAndEncrypt sessions of SecurityAdmins (and,
 * for request rows, RegistrationAuthorityAdmins) only.
 */
public final class AuditTrailEvents {

  private static final Logger log = LoggerFactory.getLogger(AuditTrailEvents.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  public static final String GENERAL_TYPE = "GdsVaultAuditEventType";
  public static final String APPROVED_TYPE = "RequestApprovedAuditEventType";
  public static final String REJECTED_TYPE = "RequestRejectedAuditEventType";

  private final OpcUaServer server;
  private final VendorNamespace vendor;
  private final EventAudience audience;
  // set by install(), after the server started; fire() raises nothing before
  private @Nullable NodeId general;
  private @Nullable NodeId approved;
  private @Nullable NodeId rejected;

  public AuditTrailEvents(OpcUaServer server, VendorNamespace vendor, EventAudience audience) {
    this.server = server;
    this.vendor = vendor;
    this.audience = audience;
  }

  /** Creates the event types (after the server started). */
  public synchronized void install() {
    general = type(GENERAL_TYPE);
    approved = type(APPROVED_TYPE);
    rejected = type(REJECTED_TYPE);
  }

  private NodeId type(String name) {
    NodeId typeId = new NodeId(vendor.getNamespaceIndex(), "GdsVault.EventTypes." + name);
    UaNodeContext c = vendor.getNodeContext();
    if (c.getNodeManager().getNode(typeId).isEmpty()) {
      UaObjectTypeNode type =
          new UaObjectTypeNode(
              c,
              typeId,
              new QualifiedName(vendor.getNamespaceIndex(), name),
              LocalizedText.english(name),
              LocalizedText.NULL_VALUE,
              uint(0),
              uint(0),
              false);
      type.addReference(
          new Reference(
              typeId, NodeIds.HasSubtype, NodeIds.AuditUpdateMethodEventType.expanded(), false));
      c.getNodeManager().addNode(type);
      server
          .getObjectTypeManager()
          .registerObjectType(
              typeId, AuditUpdateMethodEventTypeNode.class, AuditUpdateMethodEventTypeNode::new);
      server.updateDataTypeTree();
    }
    return typeId;
  }

  /** Raises the event for one trail row. */
  public void fire(AuditRecord r) {
    if (!audience.anySubscriber()) {
      // events reach clients only through subscriptions: with none, building the event's node
      // tree (Milo instantiates the whole event type) would be work for nobody
      return;
    }
    NodeId type;
    synchronized (this) {
      if (general == null) {
        return;
      }
      type =
          switch (r.action()) {
            case "request.approved" -> approved;
            case "request.rejected" -> rejected;
            default -> general;
          };
    }
    try {
      BaseEventTypeNode event =
          server
              .getEventFactory()
              .createEvent(new NodeId(vendor.getNamespaceIndex(), UUID.randomUUID()), type);
      describe(event, type, r);
      // the trail to SecurityAdmins, approval decisions also to the approvers (EventAudience)
      audience.deliver(
          event,
          r.action().startsWith("request.")
              ? EventAudience.REQUEST_OPERATORS
              : EventAudience.SECURITY_ADMINS);
      event.delete();
    } catch (Exception e) {
      log.warn("could not raise the audit event for trail row {}", r.seq(), e);
    }
  }

  /** Fills the event's fields from the trail row. */
  private void describe(BaseEventTypeNode event, @Nullable NodeId type, AuditRecord r) {
    byte[] eventId = new byte[16];
    RANDOM.nextBytes(eventId);
    DateTime at = new DateTime(r.at());
    boolean ok = "ok".equals(r.outcome());
    event.setEventId(ByteString.of(eventId));
    event.setEventType(type);
    event.setSourceNode(NodeIds.Server);
    event.setSourceName("GdsVault.Audit");
    event.setTime(at);
    event.setReceiveTime(DateTime.now());
    event.setMessage(
        LocalizedText.english(
            r.action()
                + " "
                + r.target()
                + " by "
                + r.actor()
                + " ("
                + r.outcome()
                + ")"
                + (r.detail().isEmpty() ? "" : ": " + r.detail())));
    event.setSeverity(ushort(ok ? 300 : 600));
    if (event instanceof AuditUpdateMethodEventTypeNode audit) {
      audit.setActionTimeStamp(at);
      audit.setStatus(ok);
      audit.setServerId(server.getConfig().getApplicationUri());
      audit.setClientAuditEntryId("seq=" + r.seq());
      audit.setClientUserId(r.actor());
      audit.setMethodId(NodeId.NULL_VALUE);
      audit.setStatusCodeId(ok ? StatusCode.GOOD : StatusCode.BAD);
      audit.setInputArguments(new Variant[] {new Variant(r.target())});
      audit.setOutputArguments(new Variant[0]);
    }
  }
}
