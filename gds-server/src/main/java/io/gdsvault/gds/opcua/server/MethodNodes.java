package io.gdsvault.gds.opcua.server;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.opcua.handlers.GdsMethodHandler;
import io.gdsvault.gds.opcua.handlers.HandlerContext;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.model.variables.PropertyTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNodeContext;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/** Creates method nodes from {@link MethodBinding}s with argument properties of given NodeIds. */
final class MethodNodes {

  private MethodNodes() {}

  static List<GdsMethodHandler> add(
      UaNodeContext nodeContext,
      int browseNamespace,
      HandlerContext handlerContext,
      UaNode parent,
      List<MethodBinding> bindings) {
    List<GdsMethodHandler> handlers = new ArrayList<>();
    for (MethodBinding b : bindings) {
      UaMethodNode method =
          UaMethodNode.builder(nodeContext)
              .setNodeId(local(nodeContext, b.methodId()))
              .setBrowseName(new QualifiedName(browseNamespace, b.browseName()))
              .setDisplayName(LocalizedText.english(b.browseName()))
              .setExecutable(true)
              .setUserExecutable(true)
              .build();
      GdsMethodHandler handler = b.handler().apply(handlerContext, method);
      if (b.inputArgumentsId() != null) {
        property(
            nodeContext, method, b.inputArgumentsId(), "InputArguments", handler.inputArguments());
      }
      if (b.outputArgumentsId() != null) {
        property(
            nodeContext,
            method,
            b.outputArgumentsId(),
            "OutputArguments",
            handler.outputArguments());
      }
      method.setInvocationHandler(handler);
      nodeContext.getNodeManager().addNode(method);
      method.addReference(
          new Reference(
              method.getNodeId(), NodeIds.HasComponent, parent.getNodeId().expanded(), false));
      handlers.add(handler);
    }
    return handlers;
  }

  private static NodeId local(UaNodeContext c, ExpandedNodeId id) {
    return id.toNodeId(c.getNamespaceTable())
        .orElseThrow(() -> new IllegalStateException("namespace not registered: " + id));
  }

  private static void property(
      UaNodeContext c, UaMethodNode method, ExpandedNodeId id, String name, Argument[] arguments) {
    PropertyTypeNode property =
        new PropertyTypeNode(
            c,
            local(c, id),
            new QualifiedName(0, name),
            LocalizedText.english(name),
            LocalizedText.NULL_VALUE,
            uint(0),
            uint(0),
            null,
            null,
            null,
            new DataValue(new Variant(arguments)),
            NodeIds.Argument,
            1,
            new UInteger[] {uint(arguments.length)});
    property.addReference(
        new Reference(
            property.getNodeId(),
            NodeIds.HasTypeDefinition,
            NodeIds.PropertyType.expanded(),
            true));
    c.getNodeManager().addNode(property);
    method.addReference(
        new Reference(
            method.getNodeId(), NodeIds.HasProperty, property.getNodeId().expanded(), true));
    property.addReference(
        new Reference(
            property.getNodeId(), NodeIds.HasProperty, method.getNodeId().expanded(), false));
  }
}
