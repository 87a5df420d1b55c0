package io.gdsvault.gds.opcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The None-channel guard on the first bytes of connections, split at arbitrary places. */
class NoneChannelGuardTest {

  private static final String NONE = "http://opcfoundation.org/UA/SecurityPolicy#None";
  private static final String BASIC256SHA256 =
      "http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256";

  private static void le32(ByteArrayOutputStream out, int v) {
    out.write(v);
    out.write(v >>> 8);
    out.write(v >>> 16);
    out.write(v >>> 24);
  }

  /** HEL (with a body) followed by the start of an OPN naming {@code policy}. */
  private static byte[] helloAndOpen(String policy) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("HELF".getBytes(StandardCharsets.US_ASCII));
    le32(out, 8 + 40);
    out.writeBytes(new byte[40]);
    byte[] uri = policy.getBytes(StandardCharsets.UTF_8);
    out.writeBytes("OPNF".getBytes(StandardCharsets.US_ASCII));
    le32(out, 12 + 4 + uri.length + 100);
    le32(out, 0);
    le32(out, uri.length);
    out.writeBytes(uri);
    out.writeBytes(new byte[100]);
    return out.toByteArray();
  }

  /** Feeds the bytes in random pieces; returns how many bytes came out of the guard. */
  private static int feed(EmbeddedChannel ch, byte[] bytes, Random random) {
    int i = 0;
    while (i < bytes.length && ch.isOpen()) {
      int n = Math.min(bytes.length - i, 1 + random.nextInt(20));
      ch.writeInbound(Unpooled.wrappedBuffer(bytes, i, n));
      i += n;
    }
    int passed = 0;
    for (Object m = ch.readInbound(); m != null; m = ch.readInbound()) {
      passed += ((ByteBuf) m).readableBytes();
      ((ByteBuf) m).release();
    }
    return passed;
  }

  @Test
  void noneChannelsOverThePerAddressCapAreClosedAndOthersPassUntouched() {
    for (int seed = 0; seed < 20; seed++) {
      Random random = new Random(seed);
      NoneChannelGuard.Registry registry =
          new NoneChannelGuard.Registry(new NoneChannelGuard.Limits(10, 1, 60_000));
      EmbeddedChannel first = new EmbeddedChannel(new NoneChannelGuard(registry));
      byte[] none = helloAndOpen(NONE);
      assertThat(feed(first, none, random)).isEqualTo(none.length);
      assertThat(first.isOpen()).isTrue();
      assertThat(registry.total()).isEqualTo(1);

      // the same (embedded) address again: over its cap of one
      EmbeddedChannel second = new EmbeddedChannel(new NoneChannelGuard(registry));
      feed(second, none, random);
      assertThat(second.isOpen()).isFalse();
      assertThat(registry.total()).isEqualTo(1);

      // a secure channel is not counted
      EmbeddedChannel secure = new EmbeddedChannel(new NoneChannelGuard(registry));
      byte[] signed = helloAndOpen(BASIC256SHA256);
      assertThat(feed(secure, signed, random)).isEqualTo(signed.length);
      assertThat(secure.isOpen()).isTrue();

      // closing the first frees its place
      first.close().syncUninterruptibly();
      assertThat(registry.total()).isZero();
      EmbeddedChannel third = new EmbeddedChannel(new NoneChannelGuard(registry));
      feed(third, none, random);
      assertThat(third.isOpen()).isTrue();
      third.close().syncUninterruptibly();
      secure.close().syncUninterruptibly();
    }
  }

  @Test
  void garbageAndOversizedHeadersPassToMiloUntouched() {
    Random random = new Random(7);
    NoneChannelGuard.Registry registry =
        new NoneChannelGuard.Registry(new NoneChannelGuard.Limits(1, 1, 60_000));
    for (int i = 0; i < 50; i++) {
      byte[] junk = new byte[random.nextInt(300)];
      random.nextBytes(junk);
      EmbeddedChannel ch = new EmbeddedChannel(new NoneChannelGuard(registry));
      assertThat(feed(ch, junk, random)).isEqualTo(junk.length);
      assertThat(ch.isOpen()).isTrue();
      ch.close().syncUninterruptibly();
    }
    assertThat(registry.total()).isZero();
  }

  @Test
  void theTotalCapHoldsAcrossAddresses() {
    NoneChannelGuard.Registry registry =
        new NoneChannelGuard.Registry(new NoneChannelGuard.Limits(2, 2, 60_000));
    assertThat(registry.add("10.0.0.1")).isTrue();
    assertThat(registry.add("10.0.0.2")).isTrue();
    assertThat(registry.add("10.0.0.3")).isFalse();
    registry.remove("10.0.0.1");
    assertThat(registry.add("10.0.0.3")).isTrue();
    assertThat(registry.total()).isEqualTo(2);
  }
}
