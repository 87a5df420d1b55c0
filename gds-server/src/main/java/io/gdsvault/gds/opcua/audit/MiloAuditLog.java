package io.gdsvault.gds.opcua.audit;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort;

import io.gdsvault.gds.audit.AuditLog;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.opcua.security.EventAudience;
import java.security.SecureRandom;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.model.objects.AuditUpdateMethodEventTypeNode;
import org.eclipse.milo.opcua.sdk.server.model.objects.BaseEventTypeNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises the Part 12 ApplicationRegistrationChangedAuditEventType (GDS {@code i=26}) on the Server
 * object, so event subscriptions on Server of DiscoveryAdmins and SecurityAdmins (SignAndEncrypt)
 * see every registration change.
 */
public final class MiloAuditLog implements AuditLog {

  private static final Logger log = LoggerFactory.getLogger(MiloAuditLog.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final OpcUaServer server;
  private final EventAudience audience;

  public MiloAuditLog(OpcUaServer server, EventAudience audience) {
    this.server = server;
    this.audience = audience;
  }

  @Override
  public void applicationRegistrationChanged(
      Caller caller,
      String method,
      @Nullable UUID applicationId,
      @Nullable String applicationUri,
      boolean success) {
    log.info(
        "audit {} applicationId={} applicationUri={} success={} by={}",
        method,
        applicationId,
        applicationUri,
        success,
        caller.describe());
    if (!audience.anySubscriber()) {
      return;
    }
    try {
      int ns = server.getNamespaceTable().getIndex(GdsNodeIds.NAMESPACE_URI).intValue();
      NodeId typeId =
          GdsNodeIds.resolve(
              GdsNodeIds.ApplicationRegistrationChangedAuditEventType, server.getNamespaceTable());
      NodeId directory = GdsNodeIds.resolve(GdsNodeIds.Directory, server.getNamespaceTable());
      BaseEventTypeNode event =
          server.getEventFactory().createEvent(new NodeId(ns, UUID.randomUUID()), typeId);
      byte[] eventId = new byte[16];
      RANDOM.nextBytes(eventId);
      DateTime now = DateTime.now();
      event.setEventId(ByteString.of(eventId));
      event.setEventType(typeId);
      event.setSourceNode(directory);
      event.setSourceName("Directory");
      event.setTime(now);
      event.setReceiveTime(now);
      event.setMessage(
          LocalizedText.english(
              method
                  + (success ? " succeeded" : " failed")
                  + ": "
                  + (applicationUri == null ? String.valueOf(applicationId) : applicationUri)));
      event.setSeverity(ushort(success ? 300 : 500));
      if (event instanceof AuditUpdateMethodEventTypeNode audit) {
        audit.setActionTimeStamp(now);
        audit.setStatus(success);
        audit.setServerId(server.getConfig().getApplicationUri());
        audit.setClientAuditEntryId("");
        audit.setClientUserId(caller.userName() == null ? "" : caller.userName());
        audit.setMethodId(GdsNodeIds.resolve(methodId(method), server.getNamespaceTable()));
        audit.setStatusCodeId(success ? StatusCode.GOOD : StatusCode.BAD);
        audit.setInputArguments(
            new Variant[] {new Variant(ApplicationRecordMapper.toNodeId(applicationId, ns))});
        audit.setOutputArguments(new Variant[0]);
      }
      // to DiscoveryAdmins and SecurityAdmins only (not every subscriber, see EventAudience)
      audience.deliver(event, EventAudience.DIRECTORY_OPERATORS);
      event.delete();
    } catch (Exception e) {
      log.warn("could not raise audit event for {}", method, e);
    }
  }

  private static org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId methodId(
      String method) {
    return switch (method) {
      case "RegisterApplication" -> GdsNodeIds.RegisterApplication;
      case "UpdateApplication" -> GdsNodeIds.UpdateApplication;
      case "UnregisterApplication" -> GdsNodeIds.UnregisterApplication;
      default -> GdsNodeIds.Directory;
    };
  }
}
