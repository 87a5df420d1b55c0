package io.gdsvault.gds.opcua.trustlist;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import io.gdsvault.gds.trust.CertificateGroup;
import io.gdsvault.gds.trust.CertificateGroupService;
import io.gdsvault.gds.trust.TrustListContent;
import io.gdsvault.gds.trust.TrustListLimit;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.stack.core.encoding.binary.OpcUaBinaryEncoder;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.structured.TrustListDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FileType semantics of the groups' TrustList objects (Part 5 §C.2, Part 12 §7.8.2): Open or
 * OpenWithMasks takes a snapshot of the group's trust list encoded as UA Binary TrustListDataType
 * (not wrapped in an ExtensionObject), Read returns it in pieces, Close drops it. Handles belong to
 * the caller that opened them and are capped per caller and in total; a trust list larger than
 * {@code limits.maxTrustListBytes} is not opened (Bad_ResourceUnavailable), nor is one that would
 * take the snapshots of all open handles past 16 times that. A handle unused for ten minutes is
 * dropped at the next Open, so callers that never Close cannot keep the table full.
 */
public final class TrustListFiles {

  private static final Logger log = LoggerFactory.getLogger(TrustListFiles.class);
  public static final long ALL = 15;
  private static final int MAX_OPEN_PER_CALLER = 16;
  private static final int MAX_OPEN = 4096;
  private static final long MAX_OPEN_BYTES_FACTOR = 16;
  private static final long IDLE_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final OpcUaServer server;
  private final CertificateGroupService groups;
  private final TrustListLimit limit;
  private final LongSupplier nanos;
  private final Map<Long, OpenFile> open = new ConcurrentHashMap<>();

  private static final class OpenFile {
    final String owner;
    final String group;
    final byte[] content;
    long position;
    volatile long lastUsed;

    OpenFile(String owner, String group, byte[] content, long now) {
      this.owner = owner;
      this.group = group;
      this.content = content;
      this.lastUsed = now;
    }
  }

  public TrustListFiles(OpcUaServer server, CertificateGroupService groups, TrustListLimit limit) {
    this(server, groups, limit, System::nanoTime);
  }

  /** With a clock for idle handles (tests). */
  TrustListFiles(
      OpcUaServer server,
      CertificateGroupService groups,
      TrustListLimit limit,
      LongSupplier nanos) {
    this.server = server;
    this.groups = groups;
    this.limit = limit;
    this.nanos = nanos;
  }

  /** The encoded trust list of the group with the given masks. */
  public byte[] encode(String groupName, long masks) {
    CertificateGroup g = groups.requireGroup(groupName);
    TrustListContent c = groups.trustList(g).masked(masks);
    TrustListDataType t =
        new TrustListDataType(
            org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint(masks & ALL),
            bytes(c.trustedCertificates()),
            bytes(c.trustedCrls()),
            bytes(c.issuerCertificates()),
            bytes(c.issuerCrls()));
    ByteBuf buf = Unpooled.buffer();
    try {
      OpcUaBinaryEncoder encoder = new OpcUaBinaryEncoder(server.getStaticEncodingContext());
      encoder.setBuffer(buf);
      new TrustListDataType.Codec().encodeType(server.getStaticEncodingContext(), encoder, t);
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

  long open(Caller caller, String group, long masks) {
    String owner = owner(caller);
    long now = nanos.getAsLong();
    open.values().removeIf(f -> now - f.lastUsed > IDLE_NANOS);
    if (open.size() >= MAX_OPEN
        || open.values().stream().filter(f -> f.owner.equals(owner)).count()
            >= MAX_OPEN_PER_CALLER) {
      throw new GdsException(Reason.INVALID_STATE, "too many open trust list handles");
    }
    // the snapshot is refused before it is built: a handle never holds more than the limit
    TrustListContent content = groups.trustList(groups.requireGroup(group)).masked(masks & ALL);
    try {
      limit.check(group, content);
    } catch (GdsException e) {
      // the operator must act (raise limits.maxTrustListBytes): clients only see
      // Bad_ResourceUnavailable
      log.warn("TrustList Open refused: {}", e.getMessage());
      throw e;
    }
    synchronized (open) {
      long held = open.values().stream().mapToLong(f -> f.content.length).sum();
      if (held + content.encodedSize() > limit.maxBytes() * MAX_OPEN_BYTES_FACTOR) {
        throw new GdsException(
            Reason.RESOURCE_UNAVAILABLE, "open trust list handles hold too much memory");
      }
      OpenFile f = new OpenFile(owner, group, encode(group, masks), now);
      while (true) {
        long handle = RANDOM.nextInt() & 0xFFFFFFFFL;
        if (handle != 0 && open.putIfAbsent(handle, f) == null) {
          return handle;
        }
      }
    }
  }

  byte[] read(Caller caller, String group, long handle, int length) {
    OpenFile f = file(caller, group, handle);
    if (length < 0) {
      throw GdsException.invalid("Length must not be negative");
    }
    synchronized (f) {
      int start = (int) Math.min(f.position, f.content.length);
      int n = Math.min(length, f.content.length - start);
      byte[] out = new byte[n];
      System.arraycopy(f.content, start, out, 0, n);
      f.position = (long) start + n;
      return out;
    }
  }

  long position(Caller caller, String group, long handle) {
    OpenFile f = file(caller, group, handle);
    synchronized (f) {
      return f.position;
    }
  }

  void setPosition(Caller caller, String group, long handle, long position) {
    OpenFile f = file(caller, group, handle);
    if (position < 0) {
      throw GdsException.invalid("Position must not be negative");
    }
    synchronized (f) {
      f.position = Math.min(position, f.content.length);
    }
  }

  void close(Caller caller, String group, long handle) {
    file(caller, group, handle);
    open.remove(handle);
  }

  /** Handles currently open on a group (the OpenCount property). */
  public int openCount(String group) {
    return (int) open.values().stream().filter(f -> f.group.equals(group)).count();
  }

  private OpenFile file(Caller caller, String group, long handle) {
    OpenFile f = open.get(handle);
    if (f == null || !f.group.equals(group) || !f.owner.equals(owner(caller))) {
      throw GdsException.invalid("unknown FileHandle");
    }
    f.lastUsed = nanos.getAsLong();
    return f;
  }

  private static String owner(Caller c) {
    return Objects.toString(c.userName(), "")
        + "|"
        + Objects.toString(c.clientCertificateThumbprint(), "");
  }
}
