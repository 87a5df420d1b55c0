package io.gdsvault.bench.reference;

import java.util.List;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.methods.AbstractMethodInvocationHandler;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * {@code urn:gdsvault:reference}: an object {@code Bench} with one method {@code Echo(ByteString) →
 * ByteString}, the cheapest call a server can answer with the same message sizes as a GDS call.
 */
public final class EchoNamespace extends ManagedNamespaceWithLifecycle {

  public static final String NAMESPACE_URI = "urn:gdsvault:reference";
  public static final String OBJECT = "Bench";
  public static final String ECHO = "Bench.Echo";

  private final SubscriptionModel subscriptionModel;

  EchoNamespace(OpcUaServer server) {
    super(server, NAMESPACE_URI);
    subscriptionModel = new SubscriptionModel(server, this);
    getLifecycleManager().addLifecycle(subscriptionModel);
    getLifecycleManager().addStartupTask(this::createNodes);
  }

  private void createNodes() {
    UaFolderNode bench =
        new UaFolderNode(
            getNodeContext(),
            newNodeId(OBJECT),
            newQualifiedName(OBJECT),
            LocalizedText.english(OBJECT));
    getNodeManager().addNode(bench);
    bench.addReference(
        new Reference(
            bench.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
    UaMethodNode echo =
        UaMethodNode.builder(getNodeContext())
            .setNodeId(newNodeId(ECHO))
            .setBrowseName(newQualifiedName("Echo"))
            .setDisplayName(LocalizedText.english("Echo"))
            .setExecutable(true)
            .setUserExecutable(true)
            .build();
    echo.setInvocationHandler(new Echo(echo));
    getNodeManager().addNode(echo);
    echo.addReference(
        new Reference(echo.getNodeId(), NodeIds.HasComponent, bench.getNodeId().expanded(), false));
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

  /** Returns its input. */
  private static final class Echo extends AbstractMethodInvocationHandler {

    private static final Argument[] ONE_BYTE_STRING = {
      new Argument("Data", NodeIds.ByteString, -1, null, LocalizedText.NULL_VALUE),
    };

    Echo(UaMethodNode node) {
      super(node);
    }

    @Override
    public Argument[] getInputArguments() {
      return ONE_BYTE_STRING;
    }

    @Override
    public Argument[] getOutputArguments() {
      return ONE_BYTE_STRING;
    }

    @Override
    protected Variant[] invoke(InvocationContext context, Variant[] inputValues) {
      return new Variant[] {inputValues[0]};
    }
  }
}
