package io.gdsvault.gds.model.ua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.Reason;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.ServerTable;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.UaSerializationException;
import org.eclipse.milo.opcua.stack.core.channel.EncodingLimits;
import org.eclipse.milo.opcua.stack.core.encoding.DefaultEncodingContext;
import org.eclipse.milo.opcua.stack.core.encoding.EncodingContext;
import org.eclipse.milo.opcua.stack.core.encoding.EncodingManager;
import org.eclipse.milo.opcua.stack.core.types.DataTypeManager;
import org.eclipse.milo.opcua.stack.core.types.DefaultDataTypeManager;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.StructureType;
import org.eclipse.milo.opcua.stack.core.types.structured.StructureDefinition;
import org.junit.jupiter.api.Test;

class ApplicationRecordCodecTest {

  private static final NamespaceTable NAMESPACES = namespaces();
  private static final int GDS_NS = NAMESPACES.getIndex(GdsNodeIds.NAMESPACE_URI).intValue();
  private static final EncodingContext CONTEXT = context();

  private static NamespaceTable namespaces() {
    NamespaceTable t = new NamespaceTable();
    t.add("urn:test:server");
    t.add(GdsNodeIds.NAMESPACE_URI);
    return t;
  }

  private static EncodingContext context() {
    DataTypeManager dtm = DefaultDataTypeManager.createAndInitialize(NAMESPACES);
    GdsDataTypes.register(dtm, NAMESPACES);
    return new EncodingContext() {
      @Override
      public DataTypeManager getDataTypeManager() {
        return dtm;
      }

      @Override
      public EncodingManager getEncodingManager() {
        return DefaultEncodingContext.INSTANCE.getEncodingManager();
      }

      @Override
      public EncodingLimits getEncodingLimits() {
        return EncodingLimits.DEFAULT;
      }

      @Override
      public NamespaceTable getNamespaceTable() {
        return NAMESPACES;
      }

      @Override
      public ServerTable getServerTable() {
        return DefaultEncodingContext.INSTANCE.getServerTable();
      }
    };
  }

  private static ApplicationRecord sample() {
    return new ApplicationRecord(
        UUID.randomUUID(),
        "urn:example:press-17",
        ApplicationType.CLIENT_AND_SERVER,
        List.of(new LocalizedName("en", "Press 17"), new LocalizedName("de", "Presse 17")),
        "urn:example:press",
        List.of("opc.tcp://press17:4840"),
        List.of("DA", "LDS"));
  }

  @Test
  void aRecordSurvivesEncodeAndDecodeFieldByField() {
    // Part 12 §6.6.5: the structure travels as an ExtensionObject with DefaultBinary i=134
    ApplicationRecord record = sample();
    ExtensionObject xo =
        ExtensionObject.encode(CONTEXT, ApplicationRecordMapper.toUa(record, GDS_NS));

    assertThat(xo.getEncodingOrTypeId())
        .isEqualTo(
            GdsNodeIds.resolve(
                GdsNodeIds.ApplicationRecordDataType_Encoding_DefaultBinary, NAMESPACES));
    ApplicationRecordDataType decoded = (ApplicationRecordDataType) xo.decode(CONTEXT);
    assertThat(ApplicationRecordMapper.fromUa(decoded, GDS_NS)).isEqualTo(record);
  }

  @Test
  void theBinaryLayoutIsTheStandardOne() {
    // a client that never saw our codec writes the fields in NodeSet order; we must read them
    ApplicationRecord record = sample();
    ExtensionObject xo =
        ExtensionObject.encode(CONTEXT, ApplicationRecordMapper.toUa(record, GDS_NS));
    byte[] body = ((ByteString) xo.getBody()).bytesOrEmpty();
    // NodeId Guid encoding: 0x04, ns (2 bytes), 16 bytes guid; then String length prefix
    assertThat(body[0]).isEqualTo((byte) 0x04);
    assertThat((body[1] & 0xFF) | ((body[2] & 0xFF) << 8)).isEqualTo(GDS_NS);
    int uriLength = (body[19] & 0xFF) | ((body[20] & 0xFF) << 8);
    assertThat(uriLength).isEqualTo(record.applicationUri().length());
  }

  @Test
  void anUnknownApplicationTypeIsAnInvalidArgument() {
    var ua = new ApplicationRecordDataType(NodeId.NULL_VALUE, "urn:x", 8, null, "", null, null);
    assertThatThrownBy(() -> ApplicationRecordMapper.fromUa(ua, GDS_NS))
        .isInstanceOf(GdsException.class)
        .extracting(e -> ((GdsException) e).reason())
        .isEqualTo(Reason.INVALID_ARGUMENT);
  }

  @Test
  void anApplicationIdFromAnotherNamespaceIsNotFound() {
    assertThatThrownBy(
            () -> ApplicationRecordMapper.toApplicationId(new NodeId(0, UUID.randomUUID()), GDS_NS))
        .isInstanceOf(GdsException.class)
        .extracting(e -> ((GdsException) e).reason())
        .isEqualTo(Reason.NOT_FOUND);
  }

  @Test
  void theDefinitionListsTheSevenFieldsInOrder() {
    StructureDefinition d = GdsDataTypes.applicationRecordDefinition(NAMESPACES);
    assertThat(d.getStructureType()).isEqualTo(StructureType.Structure);
    assertThat(d.getFields())
        .extracting(f -> f.getName())
        .containsExactly(
            "ApplicationId",
            "ApplicationUri",
            "ApplicationType",
            "ApplicationNames",
            "ProductUri",
            "DiscoveryUrls",
            "ServerCapabilities");
  }

  @Test
  void decodingArbitraryBytesFailsOnlyWithASerializationError() {
    // seeded, so a failure names a reproducible input (try number); 2,000 tries, up to 300 bytes
    Random random = new Random(0x6D0DE1L);
    for (int i = 0; i < 2000; i++) {
      byte[] bytes = new byte[random.nextInt(301)];
      random.nextBytes(bytes);
      decodeArbitrary(bytes);
    }
  }

  private static void decodeArbitrary(byte[] bytes) {
    // hostile clients send anything; the codec may refuse but must not throw anything else
    NodeId encodingId =
        GdsNodeIds.resolve(GdsNodeIds.ApplicationRecordDataType_Encoding_DefaultBinary, NAMESPACES);
    ExtensionObject xo = ExtensionObject.of(ByteString.of(bytes), encodingId);
    try {
      Object decoded = xo.decode(CONTEXT);
      assertThat(decoded).isInstanceOf(ApplicationRecordDataType.class);
    } catch (UaSerializationException e) {
      assertThat(StatusCode.of(e.getStatusCode().value()).isBad()).isTrue();
    }
  }

  @Test
  void decodingArbitraryBytesAfterAValidPrefixFailsOnlyWithASerializationError() {
    Random random = new Random(0x7A11L);
    for (int i = 0; i < 500; i++) {
      byte[] tail = new byte[random.nextInt(65)];
      random.nextBytes(tail);
      decodeValidPrefixThen(tail);
    }
  }

  private static void decodeValidPrefixThen(byte[] tail) {
    // a valid record followed or cut by garbage exercises deeper decoder paths
    ExtensionObject good =
        ExtensionObject.encode(CONTEXT, ApplicationRecordMapper.toUa(sample(), GDS_NS));
    byte[] body = ((ByteString) good.getBody()).bytesOrEmpty();
    int cut = tail.length == 0 ? body.length : (tail[0] & 0xFF) % body.length;
    byte[] mixed = new byte[cut + tail.length];
    System.arraycopy(body, 0, mixed, 0, cut);
    System.arraycopy(tail, 0, mixed, cut, tail.length);
    try {
      xo(mixed).decode(CONTEXT);
    } catch (UaSerializationException e) {
      assertThat(e).isInstanceOf(UaSerializationException.class);
    }
  }

  private static ExtensionObject xo(byte[] body) {
    return ExtensionObject.of(
        ByteString.of(body),
        GdsNodeIds.resolve(
            GdsNodeIds.ApplicationRecordDataType_Encoding_DefaultBinary, NAMESPACES));
  }

  @SuppressWarnings("unused")
  private static void compileOnly() throws UaException {}
}
