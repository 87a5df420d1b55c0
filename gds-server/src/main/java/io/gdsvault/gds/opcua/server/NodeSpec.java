package io.gdsvault.gds.opcua.server;

import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.jspecify.annotations.Nullable;

/**
 * One node of the GDS NodeSet as {@link GdsNodeSetNodes} lists it. NodeIds are written {@code
 * "ns:id"} with ns 0 (OPC UA) or 1 (GDS) as in the NodeSet file; BrowseNames {@code "ns:name"}.
 *
 * @param references space-separated {@code [!]referenceTypeId>target}, {@code !} for inverse
 * @param arrayDimensions comma-separated, empty when the NodeSet gives none
 * @param accessRestrictions the AccessRestrictions bits, -1 when the NodeSet gives none
 * @param rolePermissions space-separated {@code roleId=permissions}
 * @param value a String, Boolean, Instant, Integer[], String[], {@link ArgumentSpec}[] or {@link
 *     Base64Value}, or null
 */
record NodeSpec(
    NodeClass nodeClass,
    String id,
    String browseName,
    String displayName,
    @Nullable String description,
    String references,
    boolean isAbstract,
    @Nullable String dataType,
    int valueRank,
    String arrayDimensions,
    int accessLevel,
    int accessRestrictions,
    String rolePermissions,
    boolean executable,
    @Nullable Object value) {

  /** A method argument of an InputArguments or OutputArguments value. */
  record ArgumentSpec(
      String name,
      String dataType,
      int valueRank,
      String arrayDimensions,
      @Nullable String description) {}

  /** A ByteString value, Base64-encoded. */
  record Base64Value(String base64) {}
}
