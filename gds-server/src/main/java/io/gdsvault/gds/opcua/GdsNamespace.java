package io.gdsvault.gds.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.model.ua.GdsDataTypes;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.model.objects.AuditUpdateMethodEventTypeNode;
import org.eclipse.milo.opcua.sdk.server.model.objects.DataTypeEncodingTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaDataTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectTypeNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.jspecify.annotations.Nullable;

/**
 * The GDS namespace ({@code http://opcfoundation.org/UA/GDS/}) with the standard NodeIds of NodeSet
 * 1.05.07: the minimal type nodes a generic client needs (CertificateDirectoryType,
 * ApplicationRecordDataType with its encoding and definition, the audit event type) and the
 * Directory object under Objects with its Applications and CertificateGroups folders and the
 * methods contributed as {@link MethodBinding}s.
 */
public final class GdsNamespace extends ManagedNamespaceWithLifecycle {

  private final SubscriptionModel subscriptionModel;

  private final List<MethodBinding> directoryMethods;
  private final CallerFactory callers;
  private final List<GdsMethodHandler> handlers = new ArrayList<>();
  private final List<java.util.function.Consumer<GdsNamespace>> contributions = new ArrayList<>();
  // created at startup (createNodes)
  private volatile @Nullable UaObjectNode directory;
  private volatile @Nullable UaFolderNode certificateGroups;

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
   * Registers work that adds nodes once the Directory, its folders and methods exist (e.g. the
   * certificate groups under {@link #certificateGroupsFolder()}); call before the server starts.
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

  /** The CertificateGroups folder ({@code i=614}) for the certificate groups feature to fill. */
  public UaFolderNode certificateGroupsFolder() {
    return Objects.requireNonNull(certificateGroups, "the namespace has not started");
  }

  private void createNodes() {
    createTypes();
    directory =
        new UaObjectNode(
            getNodeContext(),
            local(GdsNodeIds.Directory),
            qn("Directory"),
            LocalizedText.english("Directory"),
            LocalizedText.NULL_VALUE,
            uint(0),
            uint(0),
            ubyte(0));
    directory.addReference(
        new Reference(
            directory.getNodeId(),
            NodeIds.HasTypeDefinition,
            local(GdsNodeIds.CertificateDirectoryType).expanded(),
            true));
    getNodeManager().addNode(directory);
    directory.addReference(
        new Reference(
            directory.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));

    UaFolderNode applications =
        new UaFolderNode(
            getNodeContext(),
            local(GdsNodeIds.Directory_Applications),
            qn("Applications"),
            LocalizedText.english("Applications"));
    getNodeManager().addNode(applications);
    directory.addComponent(applications);

    certificateGroups =
        new UaFolderNode(
            getNodeContext(),
            local(GdsNodeIds.Directory_CertificateGroups),
            qn("CertificateGroups"),
            LocalizedText.english("CertificateGroups"));
    certificateGroups.removeReference(
        new Reference(
            certificateGroups.getNodeId(),
            NodeIds.HasTypeDefinition,
            NodeIds.FolderType.expanded(),
            true));
    certificateGroups.addReference(
        new Reference(
            certificateGroups.getNodeId(),
            NodeIds.HasTypeDefinition,
            NodeIds.CertificateGroupFolderType.expanded(),
            true));
    getNodeManager().addNode(certificateGroups);
    directory.addReference(
        new Reference(
            directory.getNodeId(),
            NodeIds.Organizes,
            certificateGroups.getNodeId().expanded(),
            true));
    certificateGroups.addReference(
        new Reference(
            certificateGroups.getNodeId(),
            NodeIds.Organizes,
            directory.getNodeId().expanded(),
            false));

    addMethods(directory, directoryMethods);
    contributions.forEach(c -> c.accept(this));
  }

  /**
   * Adds method nodes with their standard NodeIds and Input/OutputArguments properties to {@code
   * parent}, and installs their handlers.
   */
  public void addMethods(UaNode parent, List<MethodBinding> bindings) {
    handlers.addAll(
        MethodNodes.add(
            getNodeContext(), getNamespaceIndex().intValue(), handlerContext(), parent, bindings));
  }

  private void createTypes() {
    UaObjectTypeNode directoryType =
        objectType(GdsNodeIds.DirectoryType, "DirectoryType", false, NodeIds.FolderType);
    objectType(
        GdsNodeIds.CertificateDirectoryType,
        "CertificateDirectoryType",
        false,
        directoryType.getNodeId());
    objectType(
        GdsNodeIds.ApplicationRegistrationChangedAuditEventType,
        "ApplicationRegistrationChangedAuditEventType",
        true,
        NodeIds.AuditUpdateMethodEventType);
    getServer()
        .getObjectTypeManager()
        .registerObjectType(
            local(GdsNodeIds.ApplicationRegistrationChangedAuditEventType),
            AuditUpdateMethodEventTypeNode.class,
            AuditUpdateMethodEventTypeNode::new);

    NodeId dataTypeId = local(GdsNodeIds.ApplicationRecordDataType);
    NodeId encodingId = local(GdsNodeIds.ApplicationRecordDataType_Encoding_DefaultBinary);
    UaDataTypeNode dataType =
        new UaDataTypeNode(
            getNodeContext(),
            dataTypeId,
            qn("ApplicationRecordDataType"),
            LocalizedText.english("ApplicationRecordDataType"),
            LocalizedText.NULL_VALUE,
            uint(0),
            uint(0),
            false);
    dataType.addReference(
        new Reference(
            dataTypeId,
            NodeIds.HasSubtype,
            NodeIds.Structure.expanded(),
            Reference.Direction.INVERSE));
    dataType.setDataTypeDefinition(
        GdsDataTypes.applicationRecordDefinition(getServer().getNamespaceTable()));
    getNodeManager().addNode(dataType);

    DataTypeEncodingTypeNode encoding =
        new DataTypeEncodingTypeNode(
            getNodeContext(),
            encodingId,
            new QualifiedName(0, "Default Binary"),
            LocalizedText.english("Default Binary"),
            LocalizedText.NULL_VALUE,
            uint(0),
            uint(0),
            null,
            null,
            null);
    encoding.addReference(
        new Reference(
            encodingId,
            NodeIds.HasTypeDefinition,
            NodeIds.DataTypeEncodingType.expanded(),
            Reference.Direction.FORWARD));
    encoding.addReference(
        new Reference(
            encodingId, NodeIds.HasEncoding, dataTypeId.expanded(), Reference.Direction.INVERSE));
    getNodeManager().addNode(encoding);
    getServer().updateDataTypeTree();
  }

  private UaObjectTypeNode objectType(
      ExpandedNodeId id, String name, boolean isAbstract, NodeId superType) {
    UaObjectTypeNode node =
        new UaObjectTypeNode(
            getNodeContext(),
            local(id),
            qn(name),
            LocalizedText.english(name),
            LocalizedText.NULL_VALUE,
            uint(0),
            uint(0),
            isAbstract);
    node.addReference(
        new Reference(
            node.getNodeId(),
            NodeIds.HasSubtype,
            superType.expanded(),
            Reference.Direction.INVERSE));
    getNodeManager().addNode(node);
    return node;
  }

  private QualifiedName qn(String name) {
    return new QualifiedName(getNamespaceIndex(), name);
  }
}
