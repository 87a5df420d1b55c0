package io.gdsvault.gds.opcua.server;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort;

import io.gdsvault.gds.model.ua.GdsDataTypes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.nodes.UaDataTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNodeContext;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.structured.AccessRestrictionType;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;
import org.eclipse.milo.opcua.stack.core.types.structured.PermissionType;
import org.eclipse.milo.opcua.stack.core.types.structured.RolePermissionType;
import org.jspecify.annotations.Nullable;

/**
 * Turns {@link NodeSpec}s into Milo nodes of the GDS namespace: attributes as the NodeSet gives
 * them (with the namespace of each BrowseName), every reference once (Milo stores the inverse
 * itself), values with NodeSet namespace indexes mapped to the server's.
 */
final class NodeSetBuilder {

  private final UaNodeContext context;
  private final int gdsIndex;

  NodeSetBuilder(UaNodeContext context, int gdsIndex) {
    this.context = context;
    this.gdsIndex = gdsIndex;
  }

  /** Creates and adds every node, then every reference; returns the nodes by NodeId. */
  Map<NodeId, UaNode> build(List<NodeSpec> specs) {
    Map<NodeId, UaNode> nodes = new LinkedHashMap<>();
    for (NodeSpec s : specs) {
      UaNode node = create(s);
      context.getNodeManager().addNode(node);
      nodes.put(node.getNodeId(), node);
    }
    // each reference in its forward form, once: the NodeSet lists most of them on both ends
    Set<List<NodeId>> forward = new LinkedHashSet<>();
    for (NodeSpec s : specs) {
      NodeId source = nodeId(s.id());
      for (String r : s.references().split(" ", -1)) {
        if (r.isEmpty()) {
          continue;
        }
        boolean inverse = r.startsWith("!");
        String[] parts = (inverse ? r.substring(1) : r).split(">", 2);
        NodeId type = new NodeId(0, uint(Long.parseLong(parts[0])));
        NodeId target = nodeId(parts[1]);
        forward.add(inverse ? List.of(target, type, source) : List.of(source, type, target));
      }
    }
    for (List<NodeId> r : forward) {
      context
          .getNodeManager()
          .addReferences(
              new Reference(r.get(0), r.get(1), r.get(2).expanded(), true),
              context.getNamespaceTable());
    }
    return nodes;
  }

  /** {@code "1:141"} as a NodeId of this server. */
  NodeId nodeId(String id) {
    int colon = id.indexOf(':');
    int ns = Integer.parseInt(id.substring(0, colon));
    return new NodeId(ns == 0 ? 0 : gdsIndex, uint(Long.parseLong(id.substring(colon + 1))));
  }

  private QualifiedName browseName(String name) {
    int colon = name.indexOf(':');
    int ns = Integer.parseInt(name.substring(0, colon));
    return new QualifiedName(ns == 0 ? 0 : gdsIndex, name.substring(colon + 1));
  }

  private UaNode create(NodeSpec s) {
    NodeId id = nodeId(s.id());
    QualifiedName bn = browseName(s.browseName());
    LocalizedText dn = LocalizedText.english(s.displayName());
    LocalizedText desc =
        s.description() == null ? LocalizedText.NULL_VALUE : LocalizedText.english(s.description());
    UaNode node =
        switch (s.nodeClass()) {
          case Object -> new UaObjectNode(context, id, bn, dn, desc, uint(0), uint(0), ubyte(0));
          case ObjectType ->
              new UaObjectTypeNode(context, id, bn, dn, desc, uint(0), uint(0), s.isAbstract());
          case Method ->
              UaMethodNode.builder(context)
                  .setNodeId(id)
                  .setBrowseName(bn)
                  .setDisplayName(dn)
                  .setDescription(desc)
                  .setExecutable(s.executable())
                  .setUserExecutable(s.executable())
                  .build();
          case DataType -> {
            UaDataTypeNode t =
                new UaDataTypeNode(context, id, bn, dn, desc, uint(0), uint(0), s.isAbstract());
            t.setDataTypeDefinition(
                GdsDataTypes.applicationRecordDefinition(context.getNamespaceTable()));
            yield t;
          }
          case Variable -> variable(s, id, bn, dn, desc);
          default -> throw new IllegalStateException("unexpected node class " + s.nodeClass());
        };
    if (s.accessRestrictions() >= 0) {
      node.setAccessRestrictions(new AccessRestrictionType(ushort(s.accessRestrictions())));
    }
    RolePermissionType[] permissions = rolePermissions(s.rolePermissions());
    if (permissions.length > 0) {
      node.setRolePermissions(permissions);
    }
    return node;
  }

  private UaVariableNode variable(
      NodeSpec s, NodeId id, QualifiedName bn, LocalizedText dn, LocalizedText desc) {
    UaVariableNode v = new UaVariableNode(context, id, bn, dn, desc, uint(0), uint(0));
    v.setDataType(nodeId(s.dataType() == null ? "0:24" : s.dataType()));
    v.setValueRank(s.valueRank());
    UInteger[] dims = dimensions(s.arrayDimensions());
    if (dims != null) {
      v.setArrayDimensions(dims);
    }
    v.setAccessLevel(ubyte(s.accessLevel()));
    v.setUserAccessLevel(ubyte(s.accessLevel()));
    v.setMinimumSamplingInterval(0.0);
    v.setHistorizing(false);
    v.setValue(new DataValue(new Variant(value(s.value()))));
    return v;
  }

  private @Nullable Object value(@Nullable Object v) {
    if (v instanceof NodeSpec.ArgumentSpec[] args) {
      Argument[] out = new Argument[args.length];
      for (int i = 0; i < args.length; i++) {
        out[i] = argument(args[i]);
      }
      return out;
    }
    if (v instanceof NodeSpec.Base64Value b) {
      return ByteString.of(Base64.getDecoder().decode(b.base64()));
    }
    if (v instanceof java.time.Instant t) {
      return new DateTime(t);
    }
    return v;
  }

  Argument argument(NodeSpec.ArgumentSpec a) {
    return new Argument(
        a.name(),
        nodeId(a.dataType()),
        a.valueRank(),
        dimensions(a.arrayDimensions()),
        a.description() == null
            ? LocalizedText.NULL_VALUE
            : LocalizedText.english(a.description()));
  }

  private static UInteger @Nullable [] dimensions(String dims) {
    if (dims.isEmpty()) {
      return null;
    }
    String[] parts = dims.split(",", -1);
    UInteger[] out = new UInteger[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = uint(Long.parseLong(parts[i]));
    }
    return out;
  }

  RolePermissionType[] rolePermissions(String text) {
    List<RolePermissionType> out = new ArrayList<>();
    for (String p : text.split(" ", -1)) {
      if (p.isEmpty()) {
        continue;
      }
      String[] kv = p.split("=", 2);
      out.add(
          new RolePermissionType(nodeId(kv[0]), new PermissionType(uint(Long.parseLong(kv[1])))));
    }
    return out.toArray(RolePermissionType[]::new);
  }
}
