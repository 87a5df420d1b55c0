package io.gdsvault.gds.opcua.server;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.UaNodeManager;
import org.eclipse.milo.opcua.sdk.server.model.objects.ServerCapabilitiesTypeNode;
import org.eclipse.milo.opcua.sdk.server.model.objects.ServerTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;

/**
 * The Server object's parts a GDS announces: ServerProfileArray with the GDS profiles, the RoleSet
 * (Milo 1.1.2 deletes it; the GDS NodeSet puts its well-known roles there), and no
 * ServerConfiguration: the GDS's own certificate and trust list are not managed by push (see
 * docs/conformance.md), so nothing of ServerConfiguration is advertised.
 */
final class ServerObjectParts {

  /** The Part 7 GDS profiles, added to the standard server profile Milo announces. */
  static final List<String> PROFILES =
      List.of(
          "http://opcfoundation.org/UA-Profile/Server/GlobalDiscoveryServer2017",
          "http://opcfoundation.org/UA-Profile/Server/GlobalCertificateManagement2017");

  static final NodeId ROLE_SET = new NodeId(0, 15606);
  static final NodeId ROLE_SET_TYPE = new NodeId(0, 15607);

  /** The ns=0 well-known roles, linked into the RoleSet when Milo kept their nodes. */
  static final List<Integer> WELL_KNOWN_ROLES =
      List.of(15644, 15656, 15668, 15680, 16036, 15692, 15716, 15704);

  private ServerObjectParts() {}

  static void apply(OpcUaServer server) {
    UaNodeManager nm = server.getOpcUaNamespace().getNodeManager();
    if (nm.getNode(NodeIds.Server).orElse(null) instanceof ServerTypeNode s) {
      ServerCapabilitiesTypeNode caps = s.getServerCapabilitiesNode();
      Set<String> profiles = new LinkedHashSet<>(List.of(caps.getServerProfileArray()));
      profiles.addAll(PROFILES);
      caps.setServerProfileArray(profiles.toArray(String[]::new));
      if (nm.getNode(ROLE_SET).isEmpty()) {
        UaObjectNode roleSet =
            new UaObjectNode(
                caps.getNodeContext(),
                ROLE_SET,
                new QualifiedName(0, "RoleSet"),
                LocalizedText.english("RoleSet"),
                LocalizedText.NULL_VALUE,
                uint(0),
                uint(0),
                ubyte(0));
        nm.addNode(roleSet);
        roleSet.addReference(
            new Reference(ROLE_SET, NodeIds.HasTypeDefinition, ROLE_SET_TYPE.expanded(), true));
        caps.addReference(
            new Reference(caps.getNodeId(), NodeIds.HasComponent, ROLE_SET.expanded(), true));
        for (int role : WELL_KNOWN_ROLES) {
          NodeId id = new NodeId(0, role);
          if (nm.getNode(id).isPresent()) {
            roleSet.addReference(
                new Reference(ROLE_SET, NodeIds.HasComponent, id.expanded(), true));
          }
        }
      }
    }
    withdraw(nm, server.getNamespaceTable(), new NodeId(0, 12637));
  }

  /** Removes a node with its instance children and every reference to them. */
  private static void withdraw(UaNodeManager nm, NamespaceTable ns, NodeId root) {
    if (nm.getNode(root).isEmpty()) {
      return;
    }
    Set<NodeId> doomed = new HashSet<>(List.of(root));
    Deque<NodeId> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      for (Reference r : nm.getReferences(todo.pop())) {
        if (r.isForward()
            && (r.getReferenceTypeId().equals(NodeIds.HasComponent)
                || r.getReferenceTypeId().equals(NodeIds.HasProperty)
                || r.getReferenceTypeId().equals(NodeIds.Organizes))) {
          r.getTargetNodeId()
              .toNodeId(ns)
              .filter(
                  t ->
                      nm.getNode(t)
                          .map(
                              n ->
                                  n.getNodeClass() == NodeClass.Object
                                      || n.getNodeClass() == NodeClass.Variable
                                      || n.getNodeClass() == NodeClass.Method)
                          .orElse(false))
              .filter(doomed::add)
              .ifPresent(todo::push);
        }
      }
    }
    for (NodeId id : doomed) {
      nm.removeNode(id);
      nm.getReferenceMap().remove(id);
    }
    for (var entry : nm.getReferenceMap().values()) {
      synchronized (nm) {
        entry.removeIf(r -> r.getTargetNodeId().toNodeId(ns).map(doomed::contains).orElse(false));
      }
    }
  }
}
