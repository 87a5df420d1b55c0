package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.model.GdsException;
import java.util.UUID;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.IdType;
import org.jspecify.annotations.Nullable;

/** RequestIds are Guid NodeIds in the GDS namespace; vendor methods also take their text form. */
public final class RequestIds {

  private RequestIds() {}

  public static NodeId toNodeId(UUID id, int gdsNamespaceIndex) {
    return new NodeId(gdsNamespaceIndex, id);
  }

  /** Null for a null NodeId; a NodeId the GDS cannot have issued is not found. */
  public static @Nullable UUID toUuid(@Nullable NodeId id, int gdsNamespaceIndex) {
    if (id == null || id.isNull()) {
      return null;
    }
    if (id.getNamespaceIndex().intValue() != gdsNamespaceIndex || id.getType() != IdType.Guid) {
      throw GdsException.notFound("RequestId");
    }
    return (UUID) id.getIdentifier();
  }

  /** Parses {@code ns=2;g=...}, {@code nsu=...;g=...} or a bare UUID (UaExpert's Call dialog). */
  public static UUID parse(String text, int gdsNamespaceIndex) {
    if (text == null || text.isBlank()) {
      throw GdsException.invalid("RequestId is required");
    }
    String t = text.trim();
    try {
      return UUID.fromString(t);
    } catch (IllegalArgumentException e) {
      // not a bare UUID
    }
    int g = t.lastIndexOf("g=");
    if (g >= 0) {
      try {
        return UUID.fromString(t.substring(g + 2));
      } catch (IllegalArgumentException e) {
        throw GdsException.invalid("RequestId is not a Guid NodeId");
      }
    }
    throw GdsException.invalid("RequestId is not a Guid NodeId");
  }
}
