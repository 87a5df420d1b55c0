package io.gdsvault.gds.opcua.server;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort;

import io.gdsvault.gds.certificates.CertificateRequestListener;
import io.gdsvault.gds.certificates.CertificateRequestRecord;
import io.gdsvault.gds.certificates.CertificateRequestService;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.opcua.handlers.DecideRequestHandler;
import io.gdsvault.gds.opcua.handlers.GdsMethodHandler;
import io.gdsvault.gds.opcua.handlers.HandlerContext;
import io.gdsvault.gds.opcua.handlers.RequestIds;
import io.gdsvault.gds.opcua.security.CallerFactory;
import io.gdsvault.gds.opcua.security.EventAudience;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.model.objects.AuditUpdateMethodEventTypeNode;
import org.eclipse.milo.opcua.sdk.server.model.objects.BaseEventTypeNode;
import org.eclipse.milo.opcua.sdk.server.model.variables.PropertyTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNodeContext;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectTypeNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
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
 * The approval queue as UaExpert shows it: under {@code GdsVault/CertificateRequests} one object
 * per open request (New or Approved, not yet delivered) with readable properties and {@code
 * Approve(Comment)} / {@code Reject(Reason)} methods. A new request raises the Part 12
 * CertificateRequestedAuditEventType (GDS {@code i=91}) on the Server object, seen by
 * RegistrationAuthorityAdmins and SecurityAdmins on SignAndEncrypt (and, like the view, by nobody
 * else: see {@link VendorAccess}). The view follows local changes at once from the record each
 * event carries (no database read on the request path) and re-reads the database periodically
 * ({@link #sync}: other nodes' requests).
 */
public final class CertificateRequestNodes implements CertificateRequestListener {

  private static final Logger log = LoggerFactory.getLogger(CertificateRequestNodes.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final OpcUaServer server;
  private final VendorNamespace vendor;
  private final GdsNamespace gds;
  private final CertificateRequestService service;
  private final Map<UUID, List<UaNode>> shown = new HashMap<>();
  private final Map<UUID, PropertyTypeNode> stateNodes = new HashMap<>();
  // set by install(), after startup; sync() shows nothing before
  private @Nullable UaObjectNode folder;
  private @Nullable NodeId eventType;
  private @Nullable NodeId deliveredType;
  private @Nullable NodeId revokedType;

  public CertificateRequestNodes(
      OpcUaServer server,
      VendorNamespace vendor,
      GdsNamespace gds,
      CertificateRequestService service) {
    this.server = server;
    this.vendor = vendor;
    this.gds = gds;
    this.service = service;
  }

  /** Finds the queue object and the event type (after startup) and shows the open requests. */
  public synchronized void install() {
    NodeId folderId =
        new NodeId(vendor.getNamespaceIndex(), "GdsVault." + CertificateVendorMethods.REQUESTS);
    folder =
        (UaObjectNode)
            vendor
                .getNodeManager()
                .getNode(folderId)
                .orElseThrow(() -> new IllegalStateException("CertificateRequests object missing"));
    eventType =
        eventType(
            GdsNodeIds.CertificateRequestedAuditEventType, "CertificateRequestedAuditEventType");
    deliveredType =
        eventType(
            GdsNodeIds.CertificateDeliveredAuditEventType, "CertificateDeliveredAuditEventType");
    revokedType =
        eventType(GdsNodeIds.CertificateRevokedAuditEventType, "CertificateRevokedAuditEventType");
    sync();
  }

  @Override
  public void created(CertificateRequestRecord request) {
    fireEvent(request);
    show(request);
  }

  @Override
  public void changed(CertificateRequestRecord request) {
    show(request);
  }

  @Override
  public void delivered(CertificateRequestRecord r) {
    delivered(r, false);
  }

  @Override
  public void delivered(CertificateRequestRecord r, boolean repeat) {
    int gns = gds.getNamespaceIndex().intValue();
    fire(
        deliveredType,
        "CertificateDelivered"
            + (repeat ? " (repeat)" : "")
            + ": "
            + r.applicationUri()
            + " requestId="
            + r.requestId()
            + " serial="
            + r.serial(),
        GdsNodeIds.FinishRequest,
        "",
        new Variant[] {
          new Variant(ApplicationRecordMapper.toNodeId(r.applicationId(), gns)),
          new Variant(RequestIds.toNodeId(r.requestId(), gns))
        },
        new Variant[0]);
    show(r);
  }

  @Override
  public void revoked(io.gdsvault.gds.certificates.IssuedCertificateRecord c, String actor) {
    int gns = gds.getNamespaceIndex().intValue();
    fire(
        revokedType,
        "CertificateRevoked: serial=" + c.serial() + " thumbprint=" + c.thumbprint(),
        GdsNodeIds.RevokeCertificate,
        actor,
        new Variant[] {new Variant(ApplicationRecordMapper.toNodeId(c.applicationId(), gns))},
        new Variant[0]);
  }

  private NodeId eventType(
      org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId id, String name) {
    NodeId typeId = GdsNodeIds.resolve(id, server.getNamespaceTable());
    UaNodeContext c = gds.getNodeContext();
    if (c.getNodeManager().getNode(typeId).isEmpty()) {
      UaObjectTypeNode type =
          new UaObjectTypeNode(
              c,
              typeId,
              new QualifiedName(gds.getNamespaceIndex(), name),
              LocalizedText.english(name),
              LocalizedText.NULL_VALUE,
              uint(0),
              uint(0),
              false);
      type.addReference(
          new Reference(
              typeId, NodeIds.HasSubtype, NodeIds.AuditUpdateMethodEventType.expanded(), false));
      c.getNodeManager().addNode(type);
      server.updateDataTypeTree();
    }
    // the GDS namespace serves the NodeSet's type node: events of it need the Milo class too
    server
        .getObjectTypeManager()
        .registerObjectType(
            typeId, AuditUpdateMethodEventTypeNode.class, AuditUpdateMethodEventTypeNode::new);
    return typeId;
  }

  /** Shows one request as it is now: added or updated while open, removed once closed. */
  private synchronized void show(CertificateRequestRecord r) {
    if (folder == null) {
      return;
    }
    try {
      UUID id = r.requestId();
      if (!r.state().isOpen()) {
        remove(id);
      } else if (!shown.containsKey(id)) {
        add(r);
      } else {
        Objects.requireNonNull(stateNodes.get(id), "shown with its state node")
            .setValue(new DataValue(new Variant(r.state().label())));
      }
    } catch (RuntimeException e) {
      log.warn("could not show request {} in the CertificateRequests view", r.requestId(), e);
    }
  }

  private void remove(UUID id) {
    List<UaNode> nodes = shown.remove(id);
    if (nodes != null) {
      UaNodeContext c = vendor.getNodeContext();
      nodes.forEach(n -> UaNodes.remove(c, n));
    }
    stateNodes.remove(id);
  }

  /** Shows exactly the open requests: adds new ones, removes closed ones, updates states. */
  public synchronized void sync() {
    if (folder == null) {
      return;
    }
    try {
      List<CertificateRequestRecord> open = service.openRequests();
      Set<UUID> openIds = new HashSet<>();
      for (CertificateRequestRecord r : open) {
        openIds.add(r.requestId());
        if (!shown.containsKey(r.requestId())) {
          add(r);
        } else {
          Objects.requireNonNull(stateNodes.get(r.requestId()), "shown with its state node")
              .setValue(new DataValue(new Variant(r.state().label())));
        }
      }
      for (UUID id : new ArrayList<>(shown.keySet())) {
        if (!openIds.contains(id)) {
          remove(id);
        }
      }
    } catch (RuntimeException e) {
      log.warn("could not refresh the CertificateRequests view", e);
    }
  }

  private void add(CertificateRequestRecord r) {
    UaNodeContext c = vendor.getNodeContext();
    int vns = vendor.getNamespaceIndex().intValue();
    int gns = gds.getNamespaceIndex().intValue();
    String path = "GdsVault." + CertificateVendorMethods.REQUESTS + "." + r.requestId();
    List<UaNode> nodes = new ArrayList<>();
    UaObjectNode o =
        UaNodes.object(
            c,
            new NodeId(vns, path),
            new QualifiedName(vns, r.requestId().toString()),
            NodeIds.BaseObjectType,
            Objects.requireNonNull(folder, "requests are shown after install()"),
            NodeIds.Organizes);
    o.setDisplayName(
        LocalizedText.english(
            r.applicationUri() + " (" + r.requestId().toString().substring(0, 8) + ")"));
    nodes.add(o);
    nodes.addAll(properties(o, path, r));
    PropertyTypeNode state = prop(o, path, "State", NodeIds.String, r.state().label());
    nodes.add(state);
    UUID id = r.requestId();
    List<MethodBinding> methods = decisions(path, id);
    HandlerContext hc = new HandlerContext(server, gns, vendorCallers());
    for (GdsMethodHandler h : MethodNodes.add(c, vns, hc, o, methods)) {
      nodes.add(h.node());
      c.getNodeManager()
          .getNode(new NodeId(vns, h.node().getNodeId().getIdentifier() + ".InputArguments"))
          .ifPresent(nodes::add);
    }
    shown.put(id, nodes);
    stateNodes.put(id, state);
  }

  /** The request's properties but State (kept apart: it changes). */
  private List<UaNode> properties(UaObjectNode o, String path, CertificateRequestRecord r) {
    UaNodeContext c = vendor.getNodeContext();
    int vns = vendor.getNamespaceIndex().intValue();
    int gns = gds.getNamespaceIndex().intValue();
    List<UaNode> out = new ArrayList<>();
    out.add(
        prop(
            o,
            path,
            "RequestId",
            NodeIds.String,
            RequestIds.toNodeId(r.requestId(), gns).toParseableString()));
    out.add(
        prop(
            o,
            path,
            "ApplicationId",
            NodeIds.String,
            ApplicationRecordMapper.toNodeId(r.applicationId(), gns).toParseableString()));
    out.add(prop(o, path, "ApplicationUri", NodeIds.String, r.applicationUri()));
    out.add(
        prop(o, path, "Subject", NodeIds.String, r.subjectName() == null ? "" : r.subjectName()));
    out.add(
        UaNodes.property(
            c,
            o,
            new NodeId(vns, path + ".SubjectAltNames"),
            new QualifiedName(vns, "SubjectAltNames"),
            NodeIds.String,
            1,
            r.domainNames().toArray(String[]::new)));
    out.add(prop(o, path, "KeyType", NodeIds.String, r.keyType()));
    out.add(prop(o, path, "Kind", NodeIds.String, r.kind().name()));
    out.add(prop(o, path, "CertificateGroup", NodeIds.String, r.certificateGroup()));
    out.add(prop(o, path, "CertificateType", NodeIds.String, r.certificateType()));
    out.add(prop(o, path, "RequestedBy", NodeIds.String, r.requestedBy()));
    out.add(prop(o, path, "Created", NodeIds.UtcTime, new DateTime(r.createdAt())));
    return out;
  }

  /** Approve and Reject of one request, as vendor methods under its object. */
  private List<MethodBinding> decisions(String path, UUID id) {
    return List.of(
        new MethodBinding(
            VendorNamespace.id(path + ".Approve"),
            "Approve",
            VendorNamespace.id(path + ".Approve.InputArguments"),
            null,
            (hc, n) ->
                new DecideRequestHandler(
                    hc, n, service, id, DecideRequestHandler.Decision.APPROVE)),
        new MethodBinding(
            VendorNamespace.id(path + ".Reject"),
            "Reject",
            VendorNamespace.id(path + ".Reject.InputArguments"),
            null,
            (hc, n) ->
                new DecideRequestHandler(
                    hc, n, service, id, DecideRequestHandler.Decision.REJECT)));
  }

  private CallerFactory vendorCallers() {
    return gds.handlerContext().callers();
  }

  private PropertyTypeNode prop(
      UaObjectNode o, String path, String name, NodeId type, Object value) {
    int vns = vendor.getNamespaceIndex().intValue();
    return UaNodes.property(
        vendor.getNodeContext(),
        o,
        new NodeId(vns, path + "." + name),
        new QualifiedName(vns, name),
        type,
        -1,
        value);
  }

  private void fireEvent(CertificateRequestRecord r) {
    int gns = gds.getNamespaceIndex().intValue();
    fire(
        eventType,
        "CertificateRequested: "
            + r.applicationUri()
            + " requestId="
            + r.requestId()
            + " by "
            + r.requestedBy()
            + " ("
            + r.kind()
            + ", "
            + r.keyType()
            + ")",
        r.kind() == io.gdsvault.gds.certificates.RequestKind.SIGNING_REQUEST
            ? GdsNodeIds.StartSigningRequest
            : GdsNodeIds.StartNewKeyPairRequest,
        r.requestedBy(),
        new Variant[] {new Variant(ApplicationRecordMapper.toNodeId(r.applicationId(), gns))},
        new Variant[] {new Variant(RequestIds.toNodeId(r.requestId(), gns))});
  }

  /** Raises a GDS audit event on the Server object (source: Directory). */
  private void fire(
      @Nullable NodeId type,
      String message,
      org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId method,
      @Nullable String user,
      Variant[] inputs,
      Variant[] outputs) {
    EventAudience audience = new EventAudience(server, vendorCallers());
    if (!audience.anySubscriber()) {
      return; // no subscription, so no one to receive it (see AuditTrailEvents.fire)
    }
    try {
      NodeId directory = GdsNodeIds.resolve(GdsNodeIds.Directory, server.getNamespaceTable());
      BaseEventTypeNode event =
          server
              .getEventFactory()
              .createEvent(new NodeId(gds.getNamespaceIndex(), UUID.randomUUID()), type);
      byte[] eventId = new byte[16];
      RANDOM.nextBytes(eventId);
      DateTime now = DateTime.now();
      event.setEventId(ByteString.of(eventId));
      event.setEventType(type);
      event.setSourceNode(directory);
      event.setSourceName("Directory");
      event.setTime(now);
      event.setReceiveTime(now);
      event.setMessage(LocalizedText.english(message));
      event.setSeverity(ushort(500));
      if (event instanceof AuditUpdateMethodEventTypeNode audit) {
        audit.setActionTimeStamp(now);
        audit.setStatus(true);
        audit.setServerId(server.getConfig().getApplicationUri());
        audit.setClientAuditEntryId("");
        audit.setClientUserId(user == null ? "" : user);
        audit.setMethodId(GdsNodeIds.resolve(method, server.getNamespaceTable()));
        audit.setStatusCodeId(StatusCode.GOOD);
        audit.setInputArguments(inputs);
        audit.setOutputArguments(outputs);
      }
      // to the approvers and SecurityAdmins only, not to every subscriber (EventAudience)
      audience.deliver(event, EventAudience.REQUEST_OPERATORS);
      event.delete();
    } catch (Exception e) {
      log.warn("could not raise a certificate audit event", e);
    }
  }
}
