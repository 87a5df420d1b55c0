package io.gdsvault.gds.model.ua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.DataTypeManager;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.StructureType;
import org.eclipse.milo.opcua.stack.core.types.structured.StructureDefinition;
import org.eclipse.milo.opcua.stack.core.types.structured.StructureField;
import org.jspecify.annotations.Nullable;

/** Registration of the GDS structures with a Milo DataTypeManager, and their definitions. */
public final class GdsDataTypes {

  private GdsDataTypes() {}

  /**
   * Registers the ApplicationRecordDataType codec under its DataTypeId and DefaultBinary encoding
   * id. The GDS namespace must already be in {@code namespaceTable}.
   */
  public static void register(DataTypeManager dataTypeManager, NamespaceTable namespaceTable) {
    dataTypeManager.registerType(
        GdsNodeIds.resolve(ApplicationRecordDataType.TYPE_ID, namespaceTable),
        new ApplicationRecordDataType.Codec(),
        GdsNodeIds.resolve(ApplicationRecordDataType.BINARY_ENCODING_ID, namespaceTable),
        null,
        null);
  }

  /** The DataTypeDefinition of ApplicationRecordDataType as in the NodeSet. */
  public static StructureDefinition applicationRecordDefinition(NamespaceTable namespaceTable) {
    UInteger[] oneDim = new UInteger[] {uint(0)};
    StructureField[] fields = {
      field("ApplicationId", NodeIds.NodeId, -1, null),
      field("ApplicationUri", NodeIds.String, -1, null),
      field("ApplicationType", NodeIds.ApplicationType, -1, null),
      field("ApplicationNames", NodeIds.LocalizedText, 1, oneDim),
      field("ProductUri", NodeIds.String, -1, null),
      field("DiscoveryUrls", NodeIds.String, 1, oneDim),
      field("ServerCapabilities", NodeIds.String, 1, oneDim)
    };
    NodeId binaryEncodingId =
        GdsNodeIds.resolve(ApplicationRecordDataType.BINARY_ENCODING_ID, namespaceTable);
    return new StructureDefinition(
        binaryEncodingId, NodeIds.Structure, StructureType.Structure, fields);
  }

  private static StructureField field(
      String name, NodeId dataType, int valueRank, UInteger @Nullable [] arrayDimensions) {
    return new StructureField(
        name, LocalizedText.NULL_VALUE, dataType, valueRank, arrayDimensions, uint(0), false);
  }
}
