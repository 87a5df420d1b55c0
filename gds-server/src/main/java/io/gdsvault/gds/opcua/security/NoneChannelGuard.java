package io.gdsvault.gds.opcua.security;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts and caps secure channels on SecurityPolicy None, in total and per remote address, and
 * closes such a channel when no message arrived for the idle time. It reads (without consuming) the
 * SecurityPolicyUri of the connection's first OpenSecureChannel message, which is sent in clear; a
 * channel beyond a cap is closed before Milo answers it. Never blocks the I/O thread.
 */
public final class NoneChannelGuard extends ChannelInboundHandlerAdapter {

  private static final Logger log = LoggerFactory.getLogger(NoneChannelGuard.class);
  private static final String NONE_URI = "http://opcfoundation.org/UA/SecurityPolicy#None";
  private static final int MAX_INSPECTED = 64 * 1024;

  /**
   * The caps.
   *
   * @param channels None channels in total
   * @param channelsPerAddress None channels from one remote address
   * @param idleMs a None channel without a message for this long is closed
   */
  public record Limits(int channels, int channelsPerAddress, long idleMs) {}

  /** The None channels of one transport. */
  static final class Registry {
    private final Limits limits;
    private final Map<String, Integer> perAddress = new HashMap<>();
    private int total;

    Registry(Limits limits) {
      this.limits = limits;
    }

    synchronized boolean add(String address) {
      int mine = perAddress.getOrDefault(address, 0);
      if (total >= limits.channels() || mine >= limits.channelsPerAddress()) {
        return false;
      }
      perAddress.put(address, mine + 1);
      total++;
      return true;
    }

    synchronized void remove(String address) {
      int mine = perAddress.getOrDefault(address, 0);
      if (mine <= 1) {
        perAddress.remove(address);
      } else {
        perAddress.put(address, mine - 1);
      }
      total--;
    }

    synchronized int total() {
      return total;
    }
  }

  /** A pipeline customizer adding one guard per connection, all sharing one registry. */
  public static Consumer<ChannelPipeline> customizer(Limits limits) {
    Registry registry = new Registry(limits);
    return pipeline -> pipeline.addFirst(new NoneChannelGuard(registry));
  }

  private final Registry registry;
  // header parsing of the first two messages (HEL, OPN)
  private final byte[] header = new byte[12];
  private int headerFill;
  private long skip;
  private int message;
  private int uriLength = -1;
  private byte[] uri = new byte[0];
  private int uriFill;
  private long inspected;
  private boolean done;
  private boolean counted;
  private boolean refused;
  private String address = "";
  private volatile long lastRead = System.nanoTime();

  NoneChannelGuard(Registry registry) {
    this.registry = registry;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    SocketAddress remote = ctx.channel().remoteAddress();
    address =
        remote instanceof InetSocketAddress i && i.getAddress() != null
            ? i.getAddress().getHostAddress()
            : String.valueOf(remote);
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    lastRead = System.nanoTime();
    if (!done && msg instanceof ByteBuf buf) {
      inspect(ctx, buf);
      if (refused) {
        buf.release();
        return;
      }
    }
    super.channelRead(ctx, msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (counted) {
      counted = false;
      registry.remove(address);
    }
    super.channelInactive(ctx);
  }

  private void inspect(ChannelHandlerContext ctx, ByteBuf buf) {
    for (int i = buf.readerIndex(); i < buf.writerIndex() && !done; i++) {
      if (++inspected > MAX_INSPECTED) {
        done = true;
        return;
      }
      byte b = buf.getByte(i);
      if (skip > 0) {
        skip--;
      } else if (uriLength >= 0) {
        uri[uriFill++] = b;
        if (uriFill == uriLength) {
          decided(ctx, new String(uri, StandardCharsets.UTF_8));
        }
      } else {
        header[headerFill++] = b;
        headerAdvanced();
      }
    }
  }

  private void headerAdvanced() {
    if (message == 0 && headerFill == 8) {
      // HEL: skip the rest of it
      skip = Math.max(0, le32(4) - 8L);
      headerFill = 0;
      message = 1;
    } else if (message == 1 && headerFill == 3) {
      if (header[0] != 'O' || header[1] != 'P' || header[2] != 'N') {
        done = true;
      }
    } else if (message == 1 && headerFill == 12) {
      // MessageType(3) ChunkType(1) MessageSize(4) SecureChannelId(4): the URI length follows
      headerFill = 0;
      message = 2;
    } else if (message == 2 && headerFill == 4) {
      int n = (int) le32(0);
      if (n <= 0 || n > 256) {
        done = true;
      } else {
        uriLength = n;
        uri = new byte[n];
      }
    }
  }

  private void decided(ChannelHandlerContext ctx, String policyUri) {
    done = true;
    if (!NONE_URI.equals(policyUri)) {
      return;
    }
    if (!registry.add(address)) {
      log.debug("closing a SecurityPolicy None channel from {}: too many", address);
      refused = true;
      var unused = ctx.close();
      return;
    }
    counted = true;
    scheduleIdleCheck(ctx, registry.limits.idleMs());
  }

  private void scheduleIdleCheck(ChannelHandlerContext ctx, long delayMs) {
    var unused =
        ctx.executor()
            .schedule(
                () -> {
                  if (!ctx.channel().isOpen()) {
                    return;
                  }
                  long idle = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastRead);
                  long limit = registry.limits.idleMs();
                  if (idle >= limit) {
                    log.debug("closing an idle SecurityPolicy None channel from {}", address);
                    var unusedClose = ctx.close();
                  } else {
                    scheduleIdleCheck(ctx, limit - idle);
                  }
                },
                delayMs,
                TimeUnit.MILLISECONDS);
  }

  private long le32(int offset) {
    return (header[offset] & 0xFFL)
        | (header[offset + 1] & 0xFFL) << 8
        | (header[offset + 2] & 0xFFL) << 16
        | (header[offset + 3] & 0xFFL) << 24;
  }
}
