package io.gdsvault.sim.push;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ulong;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort;

import io.gdsvault.gds.model.x509.Certificates;
import java.io.ByteArrayOutputStream;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.methods.Out;
import org.eclipse.milo.opcua.sdk.server.model.objects.FileType;
import org.eclipse.milo.opcua.sdk.server.model.objects.TrustListType;
import org.eclipse.milo.opcua.sdk.server.model.objects.TrustListTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TrustList file object of one certificate group (Part 12 TrustListType on Part 5 FileType).
 * Readers get a snapshot of the applied trust list taken at Open; a writer (mode Write +
 * EraseExisting) uploads a TrustListDataType that CloseAndUpdate stages in the caller's
 * transaction. All state is guarded by the support's lock.
 */
final class TrustListFile {

  private static final Logger log = LoggerFactory.getLogger(TrustListFile.class);

  private static final int MODE_READ = 0x01;
  private static final int MODE_WRITE_ERASE = 0x06;

  private final ServerConfigurationSupport support;
  private final PushCertificateGroup group;
  private final TrustListTypeNode node;
  private final Map<Integer, Handle> handles = new HashMap<>();
  private int nextHandle = 1;

  private static final class Handle {
    final NodeId sessionId;
    final boolean write;
    final byte[] readData;
    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    long position;
    boolean oversized;

    Handle(NodeId sessionId, boolean write, byte[] readData) {
      this.sessionId = sessionId;
      this.write = write;
      this.readData = readData;
    }
  }

  TrustListFile(
      ServerConfigurationSupport support, PushCertificateGroup group, TrustListTypeNode node) {
    this.support = support;
    this.group = group;
    this.node = node;
  }

  void install() {
    configure(node.getOpenMethodNode(), Open::new);
    configure(node.getOpenWithMasksMethodNode(), OpenWithMasks::new);
    configure(node.getReadMethodNode(), Read::new);
    configure(node.getWriteMethodNode(), Write::new);
    configure(node.getCloseMethodNode(), Close::new);
    configure(node.getCloseAndUpdateMethodNode(), CloseAndUpdate::new);
    configure(node.getAddCertificateMethodNode(), AddCertificate::new);
    configure(node.getRemoveCertificateMethodNode(), RemoveCertificate::new);
    configure(node.getGetPositionMethodNode(), GetPosition::new);
    configure(node.getSetPositionMethodNode(), SetPosition::new);
    quietly(() -> node.setWritable(true));
    quietly(() -> node.setUserWritable(true));
    quietly(
        () ->
            node.setMaxByteStringLength(
                uint(support.server().getConfig().getEncodingLimits().getMaxMessageSize() / 2)));
    synchronized (support.lock()) {
      refreshProperties();
    }
  }

  /** Updates Size, OpenCount and LastUpdateTime; call with the lock held. */
  void refreshProperties() {
    quietly(
        () -> {
          try {
            node.setSize(
                ulong(
                    group
                        .trustList()
                        .content()
                        .encode(support.server().getStaticEncodingContext(), TrustListContent.ALL)
                        .length));
          } catch (UaException e) {
            throw new IllegalStateException(e);
          }
        });
    quietly(() -> node.setOpenCount(ushort(handles.size())));
    quietly(() -> node.setLastUpdateTime(group.trustList().getLastUpdateTime()));
  }

  void closeHandlesOf(NodeId sessionId) {
    if (handles.values().removeIf(h -> h.sessionId.equals(sessionId))) {
      refreshProperties();
    }
  }

  private interface Factory {
    org.eclipse.milo.opcua.sdk.server.methods.AbstractMethodInvocationHandler create(
        UaMethodNode n);
  }

  private void configure(UaMethodNode methodNode, Factory factory) {
    if (methodNode == null) {
      log.warn("A TrustList method node is missing from the address space");
      return;
    }
    ServerConfigurationSupport.configure(methodNode, factory.create(methodNode));
  }

  private int open(Session session, boolean write, int masks) throws UaException {
    byte[] data = new byte[0]; // a write handle reads nothing
    if (write) {
      support.requireNoForeignTransaction(session);
      if (handles.values().stream().anyMatch(h -> h.write)) {
        throw new UaException(
            StatusCodes.Bad_InvalidState, "the trust list is already open for writing");
      }
    } else {
      data = group.trustList().content().encode(support.server().getStaticEncodingContext(), masks);
    }
    int handle = nextHandle++;
    if (nextHandle <= 0) {
      nextHandle = 1;
    }
    handles.put(handle, new Handle(session.getSessionId(), write, data));
    refreshProperties();
    return handle;
  }

  private Handle handle(Session session, UInteger fileHandle) throws UaException {
    Handle h = fileHandle == null ? null : handles.get(fileHandle.intValue());
    if (h == null || !h.sessionId.equals(session.getSessionId())) {
      throw new UaException(StatusCodes.Bad_InvalidArgument, "unknown file handle");
    }
    return h;
  }

  private void stage(Session session, TrustListContent next) throws UaException {
    support.checkSize(next);
    support.transactionFor(session).trustLists.put(group.getCertificateGroupId(), next);
  }

  // ---------------------------------------------------------------------------------------------

  final class Open extends FileType.OpenMethod {
    Open(UaMethodNode node) {
      super(node);
    }

    @Override
    protected void invoke(InvocationContext context, UByte mode, Out<UInteger> fileHandle)
        throws UaException {
      Session session = support.authorize(context);
      int m = mode == null ? 0 : mode.intValue();
      if (m != MODE_READ && m != MODE_WRITE_ERASE) {
        throw new UaException(StatusCodes.Bad_NotSupported, "only Read or Write+EraseExisting");
      }
      synchronized (support.lock()) {
        fileHandle.set(uint(open(session, m == MODE_WRITE_ERASE, TrustListContent.ALL)));
      }
    }
  }

  final class OpenWithMasks extends TrustListType.OpenWithMasksMethod {
    OpenWithMasks(UaMethodNode node) {
      super(node);
    }

    @Override
    protected void invoke(InvocationContext context, UInteger masks, Out<UInteger> fileHandle)
        throws UaException {
      Session session = support.authorize(context);
      int m = masks == null ? 0 : masks.intValue();
      synchronized (support.lock()) {
        fileHandle.set(uint(open(session, false, m & TrustListContent.ALL)));
      }
    }
  }

  final class Read extends FileType.ReadMethod {
    Read(UaMethodNode node) {
      super(node);
    }

    @Override
    protected void invoke(
        InvocationContext context, UInteger fileHandle, Integer length, Out<ByteString> data)
        throws UaException {
      Session session = support.authorize(context);
      synchronized (support.lock()) {
        Handle h = handle(session, fileHandle);
        if (h.write) {
          throw new UaException(StatusCodes.Bad_InvalidState, "file is open for writing");
        }
        if (length == null || length < 0) {
          throw new UaException(StatusCodes.Bad_InvalidArgument, "length must not be negative");
        }
        int from = (int) Math.min(h.position, h.readData.length);
        int to = (int) Math.min((long) from + length, h.readData.length);
        byte[] chunk = java.util.Arrays.copyOfRange(h.readData, from, to);
        h.position = to;
        data.set(ByteString.of(chunk));
      }
    }
  }

  final class Write extends FileType.WriteMethod {
    Write(UaMethodNode node) {
      super(node);
    }

    @Override
    protected void invoke(InvocationContext context, UInteger fileHandle, ByteString data)
        throws UaException {
      Session session = support.authorize(context);
      synchronized (support.lock()) {
        Handle h = handle(session, fileHandle);
        if (!h.write) {
          throw new UaException(StatusCodes.Bad_InvalidState, "file is open for reading");
        }
        byte[] bytes = data == null ? new byte[0] : data.bytesOrEmpty();
        long max = support.maxTrustListSize();
        if (h.oversized || (max > 0 && (long) h.written.size() + bytes.length > max)) {
          h.oversized = true;
          throw new UaException(
              StatusCodes.Bad_EncodingLimitsExceeded, "trust list larger than MaxTrustListSize");
        }
        h.written.write(bytes, 0, bytes.length);
        h.position += bytes.length;
      }
    }
  }

  final class Close extends FileType.CloseMethod {
    Close(UaMethodNode node) {
      super(node);
    }

    @Override
    protected void invoke(InvocationContext context, UInteger fileHandle) throws UaException {
      Session session = support.authorize(context);
      synchronized (support.lock()) {
        handle(session, fileHandle);
        handles.remove(fileHandle.intValue());
        refreshProperties();
      }
    }
  }

  final class CloseAndUpdate extends TrustListType.CloseAndUpdateMethod {
    CloseAndUpdate(UaMethodNode node) {
      super(node);
    }

    @Override
    protected void invoke(
        InvocationContext context, UInteger fileHandle, Out<Boolean> applyChangesRequired)
        throws UaException {
      Session session = support.authorize(context);
      synchronized (support.lock()) {
        Handle h = handle(session, fileHandle);
        if (!h.write) {
          throw new UaException(StatusCodes.Bad_InvalidState, "file was not opened for writing");
        }
        // the file is closed whatever happens next; failed data is discarded
        handles.remove(fileHandle.intValue());
        refreshProperties();
        if (h.oversized) {
          throw new UaException(
              StatusCodes.Bad_EncodingLimitsExceeded, "trust list larger than MaxTrustListSize");
        }
        TrustListContent.Masked upload =
            TrustListContent.decode(
                support.server().getStaticEncodingContext(),
                h.written.toByteArray(),
                support.maxTrustListEntries());
        TrustListContent next =
            support.stagedTrustList(session, group).merge(upload.masks(), upload.content());
        stage(session, next);
        support.countTrustListUpload();
        log.info(
            "Staged trust list upload: masks={}, trusted={}, issuers={}",
            upload.masks(),
            next.trustedCertificates().size(),
            next.issuerCertificates().size());
      }
      applyChangesRequired.set(true);
    }
  }

  final class AddCertificate extends TrustListType.AddCertificateMethod {
    AddCertificate(UaMethodNode node) {
      super(node);
    }

    @Override
    protected void invoke(
        InvocationContext context, ByteString certificate, Boolean isTrustedCertificate)
        throws UaException {
      Session session = support.authorize(context);
      X509Certificate cert =
          CertificateCodec.decodeCertificate(
              certificate == null ? new byte[0] : certificate.bytesOrEmpty());
      synchronized (support.lock()) {
        support.requireNoForeignTransaction(session);
        if (handles.values().stream().anyMatch(h -> h.write)) {
          throw new UaException(StatusCodes.Bad_InvalidState, "the trust list is open for writing");
        }
        TrustListContent base = support.stagedTrustList(session, group);
        boolean trusted = Boolean.TRUE.equals(isTrustedCertificate);
        List<X509Certificate> list =
            new ArrayList<>(trusted ? base.trustedCertificates() : base.issuerCertificates());
        if (!list.contains(cert)) {
          list.add(cert);
        }
        TrustListContent next =
            trusted
                ? new TrustListContent(
                    list, base.trustedCrls(), base.issuerCertificates(), base.issuerCrls())
                : new TrustListContent(
                    base.trustedCertificates(), base.trustedCrls(), list, base.issuerCrls());
        stage(session, next);
      }
    }
  }

  final class RemoveCertificate extends TrustListType.RemoveCertificateMethod {
    RemoveCertificate(UaMethodNode node) {
      super(node);
    }

    @Override
    protected void invoke(
        InvocationContext context, String thumbprint, Boolean isTrustedCertificate)
        throws UaException {
      Session session = support.authorize(context);
      if (thumbprint == null || thumbprint.isBlank()) {
        throw new UaException(StatusCodes.Bad_InvalidArgument, "thumbprint is empty");
      }
      String wanted = thumbprint.trim().toLowerCase(Locale.ROOT);
      synchronized (support.lock()) {
        support.requireNoForeignTransaction(session);
        if (handles.values().stream().anyMatch(h -> h.write)) {
          throw new UaException(StatusCodes.Bad_InvalidState, "the trust list is open for writing");
        }
        TrustListContent base = support.stagedTrustList(session, group);
        boolean trusted = Boolean.TRUE.equals(isTrustedCertificate);
        List<X509Certificate> list =
            new ArrayList<>(trusted ? base.trustedCertificates() : base.issuerCertificates());
        X509Certificate removed = null;
        for (X509Certificate c : list) {
          if (Certificates.thumbprint(c).equals(wanted)) {
            removed = c;
          }
        }
        if (removed == null) {
          throw new UaException(StatusCodes.Bad_InvalidArgument, "no such certificate in the list");
        }
        list.remove(removed);
        // Part 12: removing a CA also removes the CRLs it issued
        var issuerName = removed.getSubjectX500Principal();
        List<X509CRL> crls = new ArrayList<>(trusted ? base.trustedCrls() : base.issuerCrls());
        crls.removeIf(crl -> crl.getIssuerX500Principal().equals(issuerName));
        TrustListContent next =
            trusted
                ? new TrustListContent(list, crls, base.issuerCertificates(), base.issuerCrls())
                : new TrustListContent(base.trustedCertificates(), base.trustedCrls(), list, crls);
        stage(session, next);
      }
    }
  }

  final class GetPosition extends FileType.GetPositionMethod {
    GetPosition(UaMethodNode node) {
      super(node);
    }

    @Override
    protected void invoke(InvocationContext context, UInteger fileHandle, Out<ULong> position)
        throws UaException {
      Session session = support.authorize(context);
      synchronized (support.lock()) {
        position.set(ulong(handle(session, fileHandle).position));
      }
    }
  }

  final class SetPosition extends FileType.SetPositionMethod {
    SetPosition(UaMethodNode node) {
      super(node);
    }

    @Override
    protected void invoke(InvocationContext context, UInteger fileHandle, ULong position)
        throws UaException {
      Session session = support.authorize(context);
      synchronized (support.lock()) {
        Handle h = handle(session, fileHandle);
        if (h.write || position == null) {
          throw new UaException(
              StatusCodes.Bad_InvalidState, "position can only be set when reading");
        }
        h.position = Math.min(position.longValue(), h.readData.length);
      }
    }
  }

  private static void quietly(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      log.debug("Optional TrustList property not present", e);
    }
  }

  static DateTime now() {
    return DateTime.now();
  }
}
