package io.gdsvault.gds.opcua.server;

import io.gdsvault.gds.opcua.handlers.GdsMethodHandler;
import io.gdsvault.gds.opcua.handlers.HandlerContext;
import java.util.function.BiFunction;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.jspecify.annotations.Nullable;

/**
 * One method node to create: its standard NodeId, BrowseName, the NodeIds of its
 * InputArguments/OutputArguments properties (null when it has none) and the handler factory.
 * Features contribute lists of bindings (see {@link DirectoryMethods}); the namespace builds them.
 */
public record MethodBinding(
    ExpandedNodeId methodId,
    String browseName,
    @Nullable ExpandedNodeId inputArgumentsId,
    @Nullable ExpandedNodeId outputArgumentsId,
    BiFunction<HandlerContext, UaMethodNode, GdsMethodHandler> handler) {}
