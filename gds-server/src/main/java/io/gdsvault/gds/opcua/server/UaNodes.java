package io.gdsvault.gds.opcua.server;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.model.variables.PropertyTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNodeContext;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;

/** Small builders for the object and property nodes of the certificate feature. */
final class UaNodes {

  private UaNodes() {}

  /** An object of {@code type}, added to the node manager and as a component of {@code parent}. */
  static UaObjectNode object(
      UaNodeContext c,
      NodeId id,
      QualifiedName name,
      NodeId type,
      UaNode parent,
      NodeId referenceType) {
    UaObjectNode o =
        new UaObjectNode(
            c,
            id,
            name,
            LocalizedText.english(name.name()),
            LocalizedText.NULL_VALUE,
            uint(0),
            uint(0),
            ubyte(0));
    o.addReference(new Reference(id, NodeIds.HasTypeDefinition, type.expanded(), true));
    c.getNodeManager().addNode(o);
    if (parent != null) {
      parent.addReference(new Reference(parent.getNodeId(), referenceType, id.expanded(), true));
      o.addReference(new Reference(id, referenceType, parent.getNodeId().expanded(), false));
    }
    return o;
  }

  /** A property with a value; {@code valueRank} -1 scalar, 1 array. */
  static PropertyTypeNode property(
      UaNodeContext c,
      UaNode parent,
      NodeId id,
      QualifiedName name,
      NodeId dataType,
      int valueRank,
      Object value) {
    PropertyTypeNode p =
        new PropertyTypeNode(
            c,
            id,
            name,
            LocalizedText.english(name.name()),
            LocalizedText.NULL_VALUE,
            uint(0),
            uint(0),
            null,
            null,
            null,
            new DataValue(new Variant(value)),
            dataType,
            valueRank,
            valueRank >= 0 ? new UInteger[] {uint(0)} : null);
    p.addReference(
        new Reference(id, NodeIds.HasTypeDefinition, NodeIds.PropertyType.expanded(), true));
    c.getNodeManager().addNode(p);
    parent.addReference(
        new Reference(parent.getNodeId(), NodeIds.HasProperty, id.expanded(), true));
    p.addReference(new Reference(id, NodeIds.HasProperty, parent.getNodeId().expanded(), false));
    return p;
  }

  /** Removes a node and the references other nodes hold to it. */
  static void remove(UaNodeContext c, UaNode node) {
    for (Reference r : node.getReferences()) {
      r.getTargetNodeId()
          .toNodeId(c.getNamespaceTable())
          .flatMap(id -> c.getNodeManager().getNode(id))
          .ifPresent(target -> r.invert(c.getNamespaceTable()).ifPresent(target::removeReference));
    }
    c.getNodeManager().removeNode(node.getNodeId());
  }
}
