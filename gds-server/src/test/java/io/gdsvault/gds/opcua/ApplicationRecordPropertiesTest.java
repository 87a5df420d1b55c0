package io.gdsvault.gds.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.directory.ApplicationValidator;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.Reason;
import io.gdsvault.gds.model.ua.ApplicationRecordDataType;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import io.gdsvault.gds.model.ua.GdsDataTypes;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.testing.Fuzz;
import io.gdsvault.testing.Mutations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.ServerTable;
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
import org.junit.jupiter.api.Test;

/**
 * The whole path a client's ApplicationRecordDataType takes in RegisterApplication and
 * UpdateApplication: the registered binary codec, the record mapper and the Part 12 validator.
 * Extends gds-model's codec properties (random bytes, valid prefix plus garbage) with
 * structure-aware mutations and the steps after decoding. Every input ends as a valid record or as
 * a UaSerializationException (the handler's Bad_DecodingError) or a GdsException with
 * INVALID_ARGUMENT/NOT_FOUND; nothing else, no hang, no OutOfMemoryError.
 */
class ApplicationRecordPropertiesTest {

  private static final NamespaceTable NAMESPACES = namespaces();
  private static final int GDS_NS = NAMESPACES.getIndex(GdsNodeIds.NAMESPACE_URI).intValue();
  private static final EncodingContext CONTEXT = context();
  private static final NodeId ENCODING =
      GdsNodeIds.resolve(GdsNodeIds.ApplicationRecordDataType_Encoding_DefaultBinary, NAMESPACES);

  /** Characters that travel as UTF-8: ASCII, NUL, two- and three-byte ones, a surrogate pair. */
  private static final String[] ALPHABET = {
    "a",
    "z",
    "A",
    "Z",
    "0",
    "9",
    ":",
    "/",
    ".",
    "_",
    "-",
    "%",
    "\\",
    "'",
    "\"",
    "\u0000",
    "\u00e9",
    "\u4e2d",
    "\ud83d\ude00",
    " "
  };

  @Test
  void mutatedRecordsDecodeToAValidRecordOrATypedRefusal() {
    Fuzz.forAll(
        "application-record.mutated",
        3000,
        Duration.ofSeconds(6),
        r -> Mutations.any(body(randomRecord(r)), r),
        ApplicationRecordPropertiesTest::registeredOrRefused);
  }

  @Test
  void hostileLengthFieldsAreRefusedWithoutAllocatingThem() {
    // Int32 string/array lengths set to 2^31-1, -2, 2^24 ...: the decoder must not trust them
    Fuzz.forAll(
        "application-record.lengths",
        2000,
        Duration.ofSeconds(4),
        r -> Mutations.int32Window(body(randomRecord(r)), r),
        ApplicationRecordPropertiesTest::registeredOrRefused);
  }

  @Test
  void generatedRecordsSurviveTheCodecFieldByField() {
    // odd characters (NUL, surrogate pairs, quotes) and empty lists must not be altered in transit
    Fuzz.forAll(
        "application-record.roundtrip",
        800,
        Duration.ofSeconds(4),
        ApplicationRecordPropertiesTest::randomRecord,
        record -> {
          ApplicationRecordDataType decoded =
              (ApplicationRecordDataType) xo(body(record)).decode(CONTEXT);
          assertThat(ApplicationRecordMapper.fromUa(decoded, GDS_NS)).isEqualTo(record);
        });
  }

  @Test
  void aRecordDeclaringTwoBillionNamesIsADecodingErrorNotAnAllocation() {
    // example from the length-field property: NodeId, ApplicationUri "u", type, then names count
    // 0x7fffffff
    byte[] b = {
      0x04,
      (byte) GDS_NS,
      0,
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      9,
      10,
      11,
      12,
      13,
      14,
      15,
      16,
      1,
      0,
      0,
      0,
      'u',
      0,
      0,
      0,
      0,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      0x7F
    };
    registeredOrRefused(b);
    Object o = outcome(b);
    assertThat(o).isInstanceOf(UaSerializationException.class);
  }

  private static void registeredOrRefused(byte[] body) {
    Object o = outcome(body);
    if (o instanceof GdsException e) {
      assertThat(e.reason()).isIn(Reason.INVALID_ARGUMENT, Reason.NOT_FOUND);
    } else if (!(o instanceof UaSerializationException)) {
      assertThat(o).isInstanceOf(ApplicationRecord.class);
    }
  }

  /** What RegisterApplication makes of the bytes: a validated record, or what refused it. */
  private static Object outcome(byte[] body) {
    try {
      Object decoded = xo(body).decode(CONTEXT);
      if (!(decoded instanceof ApplicationRecordDataType ua)) {
        return GdsException.invalid("a structure argument has the wrong type");
      }
      ApplicationRecord record =
          ApplicationRecordMapper.fromUa(
              new ApplicationRecordDataType(
                  null,
                  ua.getApplicationUri(),
                  ua.getApplicationType(),
                  ua.getApplicationNames(),
                  ua.getProductUri(),
                  ua.getDiscoveryUrls(),
                  ua.getServerCapabilities()),
              GDS_NS);
      ApplicationValidator.validate(record);
      return record;
    } catch (UaSerializationException | GdsException e) {
      return e;
    }
  }

  private static ApplicationRecord randomRecord(Random r) {
    List<ApplicationType> types = List.of(ApplicationType.values());
    ApplicationType type = types.get(r.nextInt(types.size()));
    List<LocalizedName> names = new ArrayList<>();
    for (int i = r.nextInt(4); i >= 0; i--) {
      names.add(new LocalizedName(r.nextBoolean() ? "en" : text(r, 6), text(r, 1 + r.nextInt(40))));
    }
    List<String> urls = new ArrayList<>();
    if (type != ApplicationType.CLIENT || r.nextInt(5) == 0) {
      for (int i = r.nextInt(3); i >= 0; i--) {
        urls.add(r.nextInt(4) == 0 ? text(r, 20) : "opc.tcp://host" + r.nextInt(1000) + ":4840");
      }
    }
    List<String> caps = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      caps.add(r.nextBoolean() ? "DA" + i : text(r, 4));
    }
    return new ApplicationRecord(
        UUID.randomUUID(),
        r.nextInt(5) == 0 ? text(r, 30) : "urn:fuzz:" + text(r, 1 + r.nextInt(30)),
        type,
        names,
        r.nextBoolean() ? "" : "urn:fuzz:product",
        urls,
        caps);
  }

  private static String text(Random r, int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append(ALPHABET[r.nextInt(ALPHABET.length)]);
    }
    return b.toString();
  }

  private static byte[] body(ApplicationRecord record) {
    return ((ByteString)
            ExtensionObject.encode(CONTEXT, ApplicationRecordMapper.toUa(record, GDS_NS)).getBody())
        .bytesOrEmpty();
  }

  private static ExtensionObject xo(byte[] body) {
    return ExtensionObject.of(ByteString.of(body), ENCODING);
  }

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
}
