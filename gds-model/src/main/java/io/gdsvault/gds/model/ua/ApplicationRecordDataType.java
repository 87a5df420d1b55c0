package io.gdsvault.gds.model.ua;

import java.util.Arrays;
import java.util.Objects;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaSerializationException;
import org.eclipse.milo.opcua.stack.core.encoding.EncodingContext;
import org.eclipse.milo.opcua.stack.core.encoding.GenericDataTypeCodec;
import org.eclipse.milo.opcua.stack.core.encoding.UaDecoder;
import org.eclipse.milo.opcua.stack.core.encoding.UaEncoder;
import org.eclipse.milo.opcua.stack.core.types.UaStructuredType;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * The Part 12 ApplicationRecordDataType (GDS {@code i=1}, DefaultBinary {@code i=134}).
 *
 * <p>The ApplicationType is kept as its raw Int32 so that an out-of-range value sent by a client
 * survives decoding and can be refused by validation with Bad_InvalidArgument.
 */
public final class ApplicationRecordDataType implements UaStructuredType {

  public static final ExpandedNodeId TYPE_ID = GdsNodeIds.ApplicationRecordDataType;
  public static final ExpandedNodeId BINARY_ENCODING_ID =
      GdsNodeIds.ApplicationRecordDataType_Encoding_DefaultBinary;

  private final NodeId applicationId;
  private final String applicationUri;
  private final int applicationType;
  private final LocalizedText[] applicationNames;
  private final String productUri;
  private final String[] discoveryUrls;
  private final String[] serverCapabilities;

  public ApplicationRecordDataType(
      NodeId applicationId,
      String applicationUri,
      int applicationType,
      LocalizedText[] applicationNames,
      String productUri,
      String[] discoveryUrls,
      String[] serverCapabilities) {
    this.applicationId = applicationId == null ? NodeId.NULL_VALUE : applicationId;
    this.applicationUri = applicationUri;
    this.applicationType = applicationType;
    this.applicationNames = applicationNames;
    this.productUri = productUri;
    this.discoveryUrls = discoveryUrls;
    this.serverCapabilities = serverCapabilities;
  }

  public NodeId getApplicationId() {
    return applicationId;
  }

  public String getApplicationUri() {
    return applicationUri;
  }

  /** The raw ApplicationType value (0 Server, 1 Client, 2 ClientAndServer, 3 DiscoveryServer). */
  public int getApplicationType() {
    return applicationType;
  }

  public LocalizedText[] getApplicationNames() {
    return applicationNames;
  }

  public String getProductUri() {
    return productUri;
  }

  public String[] getDiscoveryUrls() {
    return discoveryUrls;
  }

  public String[] getServerCapabilities() {
    return serverCapabilities;
  }

  @Override
  public ExpandedNodeId getTypeId() {
    return TYPE_ID;
  }

  @Override
  public ExpandedNodeId getBinaryEncodingId() {
    return BINARY_ENCODING_ID;
  }

  @Override
  public ExpandedNodeId getXmlEncodingId() {
    return ExpandedNodeId.NULL_VALUE;
  }

  @Override
  public ExpandedNodeId getJsonEncodingId() {
    return ExpandedNodeId.NULL_VALUE;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ApplicationRecordDataType that)) {
      return false;
    }
    return applicationType == that.applicationType
        && Objects.equals(applicationId, that.applicationId)
        && Objects.equals(applicationUri, that.applicationUri)
        && Arrays.equals(applicationNames, that.applicationNames)
        && Objects.equals(productUri, that.productUri)
        && Arrays.equals(discoveryUrls, that.discoveryUrls)
        && Arrays.equals(serverCapabilities, that.serverCapabilities);
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(applicationId, applicationUri, applicationType, productUri);
    h = 31 * h + Arrays.hashCode(applicationNames);
    h = 31 * h + Arrays.hashCode(discoveryUrls);
    return 31 * h + Arrays.hashCode(serverCapabilities);
  }

  @Override
  public String toString() {
    return "ApplicationRecordDataType{applicationId="
        + applicationId
        + ", applicationUri="
        + applicationUri
        + ", applicationType="
        + applicationType
        + ", applicationNames="
        + Arrays.toString(applicationNames)
        + ", productUri="
        + productUri
        + ", discoveryUrls="
        + Arrays.toString(discoveryUrls)
        + ", serverCapabilities="
        + Arrays.toString(serverCapabilities)
        + '}';
  }

  /** Binary codec; field order as in the NodeSet's StructureDefinition. */
  public static final class Codec extends GenericDataTypeCodec<ApplicationRecordDataType> {
    @Override
    public Class<ApplicationRecordDataType> getType() {
      return ApplicationRecordDataType.class;
    }

    @Override
    public ApplicationRecordDataType decodeType(EncodingContext context, UaDecoder decoder)
        throws UaSerializationException {
      try {
        return decodeFields(decoder);
      } catch (UaSerializationException e) {
        throw e;
      } catch (RuntimeException e) {
        // Milo's binary decoder lets buffer underflows (Netty IndexOutOfBounds) escape on
        // truncated input; report them like every other malformed body.
        throw new UaSerializationException(StatusCodes.Bad_DecodingError, "malformed body");
      }
    }

    private static ApplicationRecordDataType decodeFields(UaDecoder decoder) {
      NodeId applicationId = decoder.decodeNodeId("ApplicationId");
      String applicationUri = decoder.decodeString("ApplicationUri");
      int applicationType = decoder.decodeEnum("ApplicationType");
      LocalizedText[] names = decoder.decodeLocalizedTextArray("ApplicationNames");
      String productUri = decoder.decodeString("ProductUri");
      String[] discoveryUrls = decoder.decodeStringArray("DiscoveryUrls");
      String[] capabilities = decoder.decodeStringArray("ServerCapabilities");
      return new ApplicationRecordDataType(
          applicationId,
          applicationUri,
          applicationType,
          names,
          productUri,
          discoveryUrls,
          capabilities);
    }

    @Override
    public void encodeType(
        EncodingContext context, UaEncoder encoder, ApplicationRecordDataType value)
        throws UaSerializationException {
      encoder.encodeNodeId("ApplicationId", value.applicationId);
      encoder.encodeString("ApplicationUri", value.applicationUri);
      encoder.encodeInt32("ApplicationType", value.applicationType);
      encoder.encodeLocalizedTextArray("ApplicationNames", value.applicationNames);
      encoder.encodeString("ProductUri", value.productUri);
      encoder.encodeStringArray("DiscoveryUrls", value.discoveryUrls);
      encoder.encodeStringArray("ServerCapabilities", value.serverCapabilities);
    }
  }
}
