package io.gdsvault.gds.opcua.server;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort;

import io.gdsvault.gds.model.ua.GdsDataTypes;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.opcua.handlers.GdsMethodHandler;
import io.gdsvault.gds.opcua.handlers.HandlerContext;
import io.gdsvault.gds.opcua.security.CallerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.model.objects.AuditUpdateMethodEventTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;
import org.eclipse.milo.opcua.stack.core.types.structured.RolePermissionType;
import org.jspecify.annotations.Nullable;

/**
 * The GDS namespace ({@code http://opcfoundation.org/UA/GDS/}) exactly as the GDS NodeSet declares
 * it ({@link GdsNodeSetNodes}): the types with their InstanceDeclarations (so a Call with a type's
 * method id resolves on the instance), the DataType with its encodings, the audit event types, the
 * well-known GDS roles under the RoleSet, the NamespaceMetadata and the Directory with its
 * certificate groups and TrustLists; handlers are bound to the method nodes from {@link
 * MethodBinding}s.
 */
public final class GdsNamespace extends ManagedNamespaceWithLifecycle {

  private final SubscriptionModel subscriptionModel;

  private final List<MethodBinding> directoryMethods;
  private final CallerFactory callers;
  private final List<GdsMethodHandler> handlers = new ArrayList<>();
  private final List<java.util.function.Consumer<GdsNamespace>> contributions = new ArrayList<>();
  // created at startup (createNodes)
  private volatile @Nullable UaObjectNode directory;
  private volatile Map<NodeId, UaNode> nodeSet = Map.of();

  public GdsNamespace(
      OpcUaServer server, CallerFactory callers, List<MethodBinding> directoryMethods) {
    super(server, GdsNodeIds.NAMESPACE_URI);
    this.callers = callers;
    this.directoryMethods = List.copyOf(directoryMethods);
    // codecs first: decoding needs them as soon as a client can call
    GdsDataTypes.register(server.getStaticDataTypeManager(), server.getNamespaceTable());
    subscriptionModel = new SubscriptionModel(server, this);
    getLifecycleManager().addLifecycle(subscriptionModel);
    getLifecycleManager().addStartupTask(this::createNodes);
  }

  @Override
  public void onDataItemsCreated(List<DataItem> dataItems) {
    subscriptionModel.onDataItemsCreated(dataItems);
  }

  @Override
  public void onDataItemsModified(List<DataItem> dataItems) {
    subscriptionModel.onDataItemsModified(dataItems);
  }

  @Override
  public void onDataItemsDeleted(List<DataItem> dataItems) {
    subscriptionModel.onDataItemsDeleted(dataItems);
  }

  @Override
  public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
    subscriptionModel.onMonitoringModeChanged(monitoredItems);
  }

  /**
   * Registers work that runs once the NodeSet nodes and the Directory methods exist (e.g. binding
   * the certificate groups' TrustList methods); call before the server starts.
   */
  public void contribute(java.util.function.Consumer<GdsNamespace> contribution) {
    contributions.add(contribution);
  }

  /** The local NodeId of a standard GDS id. */
  public NodeId local(ExpandedNodeId id) {
    return GdsNodeIds.resolve(id, getServer().getNamespaceTable());
  }

  public HandlerContext handlerContext() {
    return new HandlerContext(getServer(), getNamespaceIndex().intValue(), callers);
  }

  /** The Directory object ({@code i=141}). */
  public UaObjectNode directoryNode() {
    return Objects.requireNonNull(directory, "the namespace has not started");
  }

  /** The node of a standard GDS id, once the namespace started. */
  public UaNode node(ExpandedNodeId id) {
    return getNodeManager()
        .getNode(local(id))
        .orElseThrow(() -> new IllegalStateException("no node " + id));
  }

  /** The served NodeSet nodes, by NodeId (empty before the namespace started). */
  public Map<NodeId, UaNode> nodeSetNodes() {
    return nodeSet;
  }

  private void createNodes() {
    NodeSetBuilder builder = new NodeSetBuilder(getNodeContext(), getNamespaceIndex().intValue());
    nodeSet = Map.copyOf(builder.build(GdsNodeSetNodes.nodes()));
    directory = (UaObjectNode) node(GdsNodeIds.Directory);
    new AccessAttributes(callers, getServer().getNamespaceTable()).install(nodeSet);
    // NamespaceMetadata: no namespace-wide default permissions or restrictions (nodes carry their
    // own, as the NodeSet gives them)
    setValue(GdsNodeIds.gds(862), new RolePermissionType[0]);
    setValue(GdsNodeIds.gds(863), new RolePermissionType[0]);
    setValue(GdsNodeIds.gds(864), ushort(0));
    getServer()
        .getObjectTypeManager()
        .registerObjectType(
            local(GdsNodeIds.ApplicationRegistrationChangedAuditEventType),
            AuditUpdateMethodEventTypeNode.class,
            AuditUpdateMethodEventTypeNode::new);
    getServer().updateDataTypeTree();
    bindMethods(directoryMethods);
    contributions.forEach(c -> c.accept(this));
  }

  /**
   * Installs the handlers of NodeSet methods: each binding names a method node the NodeSet
   * declares; its InputArguments/OutputArguments properties get the handler's declarations (the
   * conformance test compares them with the NodeSet).
   */
  public void bindMethods(List<MethodBinding> bindings) {
    HandlerContext hc = handlerContext();
    for (MethodBinding b : bindings) {
      if (!(node(b.methodId()) instanceof UaMethodNode method)) {
        throw new IllegalStateException("not a method: " + b.methodId());
      }
      GdsMethodHandler handler = b.handler().apply(hc, method);
      setArguments(b.inputArgumentsId(), handler.inputArguments());
      setArguments(b.outputArgumentsId(), handler.outputArguments());
      method.setInvocationHandler(handler);
      handlers.add(handler);
    }
  }

  private void setValue(ExpandedNodeId id, Object value) {
    if (node(id) instanceof UaVariableNode v) {
      v.setValue(new DataValue(new Variant(value)));
    }
  }

  private void setArguments(@Nullable ExpandedNodeId property, Argument[] arguments) {
    if (property != null && node(property) instanceof UaVariableNode v) {
      v.setValue(new DataValue(new Variant(arguments)));
    }
  }
}
