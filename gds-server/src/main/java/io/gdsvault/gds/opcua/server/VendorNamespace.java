package io.gdsvault.gds.opcua.server;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.auth.ClientTrustService;
import io.gdsvault.gds.auth.UserService;
import io.gdsvault.gds.opcua.handlers.GdsMethodHandler;
import io.gdsvault.gds.opcua.handlers.HandlerContext;
import io.gdsvault.gds.opcua.security.CallerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.AddressSpace.BrowseContext;
import org.eclipse.milo.opcua.sdk.server.AddressSpace.ReadContext;
import org.eclipse.milo.opcua.sdk.server.AddressSpace.ReferenceResult;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ViewDescription;
import org.jspecify.annotations.Nullable;

/**
 * GDS Vault's own namespace ({@code urn:gdsvault:vendor}): Objects/GdsVault with Users (AddUser,
 * RemoveUser, SetPassword, ListUsers) and ClientCertificates (ListCertificates, AcceptCertificate)
 * — administration with built-in argument types only. Features add objects with {@link
 * #addObject(String, List)}. Nothing under GdsVault is readable or browsable without
 * SignAndEncrypt, and the open requests only by their operators ({@link VendorAccess}).
 */
public final class VendorNamespace extends ManagedNamespaceWithLifecycle {

  private final SubscriptionModel subscriptionModel;

  public static final String NAMESPACE_URI = "urn:gdsvault:vendor";

  private final CallerFactory callers;
  private final VendorAccess access;
  private final List<GdsMethodHandler> handlers = new ArrayList<>();
  private final List<Runnable> contributions = new ArrayList<>();
  private volatile @Nullable UaFolderNode root; // created at startup (createNodes)

  public VendorNamespace(
      OpcUaServer server, CallerFactory callers, UserService users, ClientTrustService trust) {
    super(server, NAMESPACE_URI);
    this.callers = callers;
    this.access = new VendorAccess(callers, getNamespaceIndex().intValue());
    contributions.add(() -> addObject("Users", VendorMethods.users(users)));
    contributions.add(() -> addObject("ClientCertificates", VendorMethods.trust(trust)));
    subscriptionModel = new SubscriptionModel(server, this);
    getLifecycleManager().addLifecycle(subscriptionModel);
    getLifecycleManager().addStartupTask(this::createNodes);
  }

  /** Reads, restricted by {@link VendorAccess}. */
  @Override
  public List<DataValue> read(
      ReadContext context,
      Double maxAge,
      TimestampsToReturn timestamps,
      List<ReadValueId> readValueIds) {
    return access.read(
        context.getSession(), readValueIds, super.read(context, maxAge, timestamps, readValueIds));
  }

  /** Browses, restricted by {@link VendorAccess}. */
  @Override
  public List<ReferenceResult> browse(
      BrowseContext context, ViewDescription view, List<NodeId> nodeIds) {
    return access.browse(context.getSession(), nodeIds, super.browse(context, view, nodeIds));
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

  /** Registers an extra object with methods, created at startup (call before startup). */
  public void contribute(String objectName, List<MethodBinding> methods) {
    contributions.add(() -> addObject(objectName, methods));
  }

  /** A vendor NodeId {@code ns=<vendor>;s=<path>} as an ExpandedNodeId. */
  public static ExpandedNodeId id(String path) {
    return ExpandedNodeId.parse("nsu=" + NAMESPACE_URI + ";s=" + path);
  }

  private void createNodes() {
    root =
        new UaFolderNode(
            getNodeContext(),
            newNodeId("GdsVault"),
            newQualifiedName("GdsVault"),
            LocalizedText.english("GdsVault"));
    getNodeManager().addNode(root);
    root.addReference(
        new Reference(
            root.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
    contributions.forEach(Runnable::run);
  }

  private void addObject(String name, List<MethodBinding> methods) {
    NodeId id = newNodeId("GdsVault." + name);
    UaObjectNode object =
        new UaObjectNode(
            getNodeContext(),
            id,
            new QualifiedName(getNamespaceIndex(), name),
            LocalizedText.english(name),
            LocalizedText.NULL_VALUE,
            uint(0),
            uint(0),
            ubyte(0));
    object.addReference(
        new Reference(id, NodeIds.HasTypeDefinition, NodeIds.BaseObjectType.expanded(), true));
    getNodeManager().addNode(object);
    Objects.requireNonNull(root, "objects are added at startup").addComponent(object);
    HandlerContext ctx =
        new HandlerContext(
            getServer(),
            getServer()
                .getNamespaceTable()
                .getIndex(io.gdsvault.gds.model.ua.GdsNodeIds.NAMESPACE_URI)
                .intValue(),
            callers);
    handlers.addAll(
        MethodNodes.add(getNodeContext(), getNamespaceIndex().intValue(), ctx, object, methods));
  }
}
