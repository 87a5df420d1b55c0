package io.gdsvault.sim.push;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.UaNodeManager;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;

/**
 * Makes a fleet device's standard address space lighter: removes the instance declarations below
 * ObjectType and VariableType nodes and the data type dictionaries. Types themselves, the type
 * trees (computed before pruning), the Server object and ServerConfiguration stay, so services and
 * push work unchanged; only browsing the type model's inner structure is lost. About half the nodes
 * of Milo's ns0 go, which is what lets a few hundred devices share one small heap.
 */
public final class AddressSpacePruner {

  private static final Set<NodeId> CHILD_REFERENCES =
      Set.of(
          NodeIds.HasComponent,
          NodeIds.HasProperty,
          NodeIds.HasOrderedComponent,
          NodeIds.Organizes);

  private AddressSpacePruner() {}

  /** Prunes a started server; returns the number of nodes removed. */
  public static int prune(OpcUaServer server) {
    // the type trees are cached on first use; build them from the full model first
    server.getDataTypeTree();
    server.getObjectTypeTree();
    server.getVariableTypeTree();
    server.getReferenceTypeTree();

    UaNodeManager nm = server.getOpcUaNamespace().getNodeManager();
    NamespaceTable ns = server.getNamespaceTable();
    Set<NodeId> doomed = new HashSet<>();
    for (UaNode n : nm.getNodes()) {
      NodeClass c = n.getNodeClass();
      if (c == NodeClass.ObjectType || c == NodeClass.VariableType) {
        collectChildren(nm, ns, n.getNodeId(), doomed);
      }
    }
    collectChildren(nm, ns, NodeIds.OPCBinarySchema_TypeSystem, doomed);
    collectChildren(nm, ns, NodeIds.XmlSchema_TypeSystem, doomed);

    for (NodeId id : doomed) {
      nm.removeNode(id);
      nm.getReferenceMap().remove(id);
    }
    for (var entry : nm.getReferenceMap().values()) {
      synchronized (nm) {
        entry.removeIf(r -> r.getTargetNodeId().toNodeId(ns).map(doomed::contains).orElse(false));
      }
    }
    return doomed.size();
  }

  private static void collectChildren(
      UaNodeManager nm, NamespaceTable ns, NodeId root, Set<NodeId> out) {
    Deque<NodeId> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      NodeId id = todo.pop();
      for (Reference r : nm.getReferences(id)) {
        if (r.isForward() && CHILD_REFERENCES.contains(r.getReferenceTypeId())) {
          r.getTargetNodeId()
              .toNodeId(ns)
              .filter(t -> t.getNamespaceIndex().intValue() == 0)
              .filter(
                  t ->
                      nm.getNode(t)
                          .map(
                              n ->
                                  n.getNodeClass() != NodeClass.ObjectType
                                      && n.getNodeClass() != NodeClass.VariableType
                                      && n.getNodeClass() != NodeClass.DataType
                                      && n.getNodeClass() != NodeClass.ReferenceType)
                          .orElse(false))
              .filter(out::add)
              .ifPresent(todo::push);
        }
      }
    }
  }
}
