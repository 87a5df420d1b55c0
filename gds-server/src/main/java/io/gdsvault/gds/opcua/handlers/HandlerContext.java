package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.opcua.security.CallerFactory;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;

/**
 * What every handler needs besides its service: the server (codecs), the GDS namespace index
 * (ApplicationIds are NodeIds in it) and the caller factory.
 */
public record HandlerContext(OpcUaServer server, int gdsNamespaceIndex, CallerFactory callers) {}
