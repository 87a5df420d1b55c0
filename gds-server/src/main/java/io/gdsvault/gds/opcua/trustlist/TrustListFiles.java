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
import java.util.function.Predicate;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.stack.core.encoding.binary.OpcUaBinaryEncoder;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.structured.TrustListDataType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FileType semantics of the groups' TrustList objects (Part 5 §C.2, Part 12 §7.8.2): Open or
 * OpenWithMasks takes a snapshot of the group's trust list encoded as UA Binary TrustListDataType
 * (not wrapped in an ExtensionObject), Read returns it in pieces, Close drops it. Handles belong to
 * the caller that opened them and are capped per caller and in total; a trust list larger than
 * {@code limits.maxTrustListBytes} is not opened (Bad_ResourceUnavailable), nor is one that would
 * take the snapshots of all open handles past 16 times that. A handle belongs to the session that
 * opened it: it is closed with that session, a session holds at most {@link Caps#perSession()}, and
 * sessions that are not privileged (anonymous without a trusted certificate) hold together at most
 * {@link Caps#unprivilegedShare()} of the table, so a flood of self-made certificates cannot keep
 * devices from their trust lists. A handle unused for ten minutes is dropped at the next Open.
 */
public final class TrustListFiles {

  private static final Logger log = LoggerFactory.getLogger(TrustListFiles.class);
  public static final long ALL = 15;
  private static final int MAX_OPEN_PER_CALLER = 16;
  private static final long MAX_OPEN_BYTES_FACTOR = 16;
  private static final long IDLE_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final OpcUaServer server;
  private final CertificateGroupService groups;
  private final TrustListLimit limit;
  private final LongSupplier nanos;
  private final Caps caps;
  private final Predicate<String> privilegedSession;
  private final Map<Long, OpenFile> open = new ConcurrentHashMap<>();

  /**
   * Handle caps.
   *
   * @param total open handles in all
   * @param perSession open handles of one session
   * @param unprivilegedShare share of {@code total} that unprivileged sessions may hold together
   */
  public record Caps(int total, int perSession, double unprivilegedShare) {
    static final Caps DEFAULT = new Caps(4096, MAX_OPEN_PER_CALLER, 1.0);
  }

  private static final class OpenFile {
    final String owner;
    final @Nullable String session;
    final boolean privileged;
    final String group;
    final byte[] content;
    long position;
    volatile long lastUsed;

    OpenFile(
        String owner,
        @Nullable String session,
        boolean privileged,
        String group,
        byte[] content,
        long now) {
      this.owner = owner;
      this.session = session;
      this.privileged = privileged;
      this.group = group;
      this.content = content;
      this.lastUsed = now;
    }
  }

  public TrustListFiles(
      OpcUaServer server,
      CertificateGroupService groups,
      TrustListLimit limit,
      Caps caps,
      Predicate<String> privilegedSession) {
    this(server, groups, limit, System::nanoTime, caps, privilegedSession);
  }

  /** With a clock for idle handles (tests). */
  TrustListFiles(
      OpcUaServer server,
      CertificateGroupService groups,
      TrustListLimit limit,
      LongSupplier nanos) {
    this(server, groups, limit, nanos, Caps.DEFAULT, s -> true);
  }

  TrustListFiles(
      OpcUaServer server,
      CertificateGroupService groups,
      TrustListLimit limit,
      LongSupplier nanos,
      Caps caps,
      Predicate<String> privilegedSession) {
    this.server = server;
    this.groups = groups;
    this.limit = limit;
    this.nanos = nanos;
    this.caps = caps;
    this.privilegedSession = privilegedSession;
  }

  /** The session ended: its handles are closed. */
  public void sessionClosed(String sessionId) {
    open.values().removeIf(f -> sessionId.equals(f.session));
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
    String session = caller.sessionId();
    boolean privileged = session == null || privilegedSession.test(session);
    long now = nanos.getAsLong();
    open.values().removeIf(f -> now - f.lastUsed > IDLE_NANOS);
    checkCaps(owner, session, privileged);
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
      OpenFile f = new OpenFile(owner, session, privileged, group, encode(group, masks), now);
      while (true) {
        long handle = RANDOM.nextInt() & 0xFFFFFFFFL;
        if (handle != 0 && open.putIfAbsent(handle, f) == null) {
          return handle;
        }
      }
    }
  }

  private void checkCaps(String owner, @Nullable String session, boolean privileged) {
    int total = 0;
    int ofOwner = 0;
    int ofSession = 0;
    int unprivileged = 0;
    for (OpenFile f : open.values()) {
      total++;
      ofOwner += f.owner.equals(owner) ? 1 : 0;
      ofSession += session != null && session.equals(f.session) ? 1 : 0;
      unprivileged += f.privileged ? 0 : 1;
    }
    if (total >= caps.total()
        || ofOwner >= MAX_OPEN_PER_CALLER
        || ofSession >= caps.perSession()
        || (!privileged && unprivileged >= (int) (caps.total() * caps.unprivilegedShare()))) {
      throw new GdsException(Reason.INVALID_STATE, "too many open trust list handles");
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
    if (f == null
        || !f.group.equals(group)
        || !f.owner.equals(owner(caller))
        || (f.session != null && !f.session.equals(caller.sessionId()))) {
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
