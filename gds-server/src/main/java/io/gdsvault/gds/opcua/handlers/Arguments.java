package io.gdsvault.gds.opcua.handlers;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.model.ua.GdsNodeIds;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/** Builders for method {@link Argument}s as the NodeSet writes them (no descriptions). */
public final class Arguments {

  private Arguments() {}

  public static Argument scalar(String name, NodeId dataType) {
    return new Argument(name, dataType, -1, new UInteger[0], LocalizedText.NULL_VALUE);
  }

  public static Argument array(String name, NodeId dataType) {
    return new Argument(name, dataType, 1, new UInteger[] {uint(0)}, LocalizedText.NULL_VALUE);
  }

  /** The ApplicationRecordDataType id in this server's numbering. */
  public static NodeId applicationRecordType(HandlerContext c) {
    return GdsNodeIds.resolve(GdsNodeIds.ApplicationRecordDataType, c.server().getNamespaceTable());
  }

  public static final NodeId STRING = NodeIds.String;
  public static final NodeId UINT32 = NodeIds.UInt32;
  public static final NodeId NODE_ID = NodeIds.NodeId;
}
