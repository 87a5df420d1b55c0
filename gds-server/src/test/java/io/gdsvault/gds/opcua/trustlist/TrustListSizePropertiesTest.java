package io.gdsvault.gds.opcua.trustlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import io.gdsvault.gds.trust.TrustListContent;
import io.gdsvault.gds.trust.TrustListLimit;
import io.gdsvault.testing.Fuzz;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.milo.opcua.stack.core.encoding.DefaultEncodingContext;
import org.eclipse.milo.opcua.stack.core.encoding.binary.OpcUaBinaryEncoder;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.structured.TrustListDataType;
import org.junit.jupiter.api.Test;

/**
 * The trust-list size cap (limits.maxTrustListBytes) is checked before a snapshot is built, from
 * {@link TrustListContent#encodedSize()}; that size must be exactly what the file holds, or the cap
 * would let a larger file through or refuse a smaller one.
 */
class TrustListSizePropertiesTest {

  @Test
  void theComputedSizeIsTheEncodedSize() {
    Fuzz.forAll(
        "trust-list.size",
        300,
        Duration.ofSeconds(3),
        TrustListSizePropertiesTest::randomContent,
        c -> {
          for (long masks = 0; masks < 16; masks += 5) {
            TrustListContent m = c.masked(masks);
            assertThat(m.encodedSize()).isEqualTo(encode(m, masks).length);
          }
        });
  }

  @Test
  void aListOfExactlyTheLimitIsServedAndOneByteMoreIsResourceUnavailable() {
    TrustListContent c = randomContent(new Random(7));
    long size = c.encodedSize();
    new TrustListLimit(size).check("DefaultApplicationGroup", c);
    assertThatThrownBy(() -> new TrustListLimit(size - 1).check("DefaultApplicationGroup", c))
        .isInstanceOfSatisfying(
            GdsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.RESOURCE_UNAVAILABLE));
  }

  private static TrustListContent randomContent(Random r) {
    List<List<byte[]>> lists = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      List<byte[]> l = new ArrayList<>();
      for (int k = r.nextInt(4); k > 0; k--) {
        byte[] b = new byte[r.nextInt(3000)];
        r.nextBytes(b);
        l.add(b);
      }
      lists.add(l);
    }
    return new TrustListContent(lists.get(0), lists.get(1), lists.get(2), lists.get(3));
  }

  /** The bytes TrustListFiles serves: UA Binary TrustListDataType without an ExtensionObject. */
  private static byte[] encode(TrustListContent c, long masks) {
    TrustListDataType t =
        new TrustListDataType(
            Unsigned.uint(masks),
            bytes(c.trustedCertificates()),
            bytes(c.trustedCrls()),
            bytes(c.issuerCertificates()),
            bytes(c.issuerCrls()));
    ByteBuf buf = Unpooled.buffer();
    try {
      OpcUaBinaryEncoder encoder = new OpcUaBinaryEncoder(DefaultEncodingContext.INSTANCE);
      encoder.setBuffer(buf);
      new TrustListDataType.Codec().encodeType(DefaultEncodingContext.INSTANCE, encoder, t);
      byte[] out = new byte[buf.readableBytes()];
      buf.readBytes(out);
      return out;
    } finally {
      buf.release();
    }
  }

  private static ByteString[] bytes(List<byte[]> list) {
    return list.stream().map(ByteString::of).toArray(ByteString[]::new);
  }
}
