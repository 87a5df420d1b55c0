package io.gdsvault.sim.pull;

import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.model.ua.client.ClientCredentials;
import io.gdsvault.gds.model.ua.client.GdsSession;
import io.gdsvault.gds.model.ua.client.PinnedServerValidator;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.encoding.binary.OpcUaBinaryDecoder;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.TrustListDataType;
import org.jspecify.annotations.Nullable;

/**
 * A SignAndEncrypt session from a device to the GDS, with the device's application certificate as
 * client certificate. The GDS certificate is checked against an explicit thumbprint, or pinned on
 * first use in {@code DIR/gds-servers.properties} (like SSH's known_hosts).
 */
final class GdsClient implements AutoCloseable {

  static final String PINS_FILE = "gds-servers.properties";

  private final GdsSession session;

  private GdsClient(GdsSession session) {
    this.session = session;
  }

  /** A method result: its status and outputs (never null). */
  record Result(
      StatusCode status,
      @SuppressWarnings("ArrayRecordComponent") // as Milo returns them; results are never compared
          Variant[] outputs) {
    boolean good() {
      return status.isGood();
    }

    long code() {
      return status.getValue();
    }

    /** Output {@code i} as a {@code type}; missing, null or of another type: a PullException. */
    <T> T output(int i, Class<T> type) throws PullException {
      Object value = i < outputs.length ? outputs[i].value() : null;
      if (!type.isInstance(value)) {
        throw new PullException(
            "the GDS returned no " + type.getSimpleName() + " as output " + i + " of the method");
      }
      return type.cast(value);
    }
  }

  static GdsClient open(
      String url,
      String applicationUri,
      KeyPair keyPair,
      X509Certificate[] chain,
      @Nullable String user,
      char @Nullable [] password,
      Path pinsFile,
      @Nullable String expectedThumbprint)
      throws UaException {
    CertificateValidator gds =
        expectedThumbprint != null
            ? PinnedServerValidator.expecting(expectedThumbprint)
            : PinnedServerValidator.pinnedIn(
                pinsFile,
                url,
                "GDS certificates pinned by device-sim pull (SHA-1 thumbprints)",
                thumbprint -> {});
    ClientCredentials credentials =
        new ClientCredentials(
            "GDS Vault device simulator", applicationUri, keyPair, List.of(chain));
    return new GdsClient(GdsSession.open(url, credentials, gds, user, password));
  }

  int gdsNamespace() {
    return session.gdsNamespaceIndex();
  }

  NodeId local(ExpandedNodeId id) {
    return session.local(id);
  }

  OpcUaClient client() {
    return session.client();
  }

  /** Calls a Directory method; transport failures throw, method failures come back as status. */
  Result callDirectory(ExpandedNodeId method, Variant... inputs) throws UaException {
    return call(local(GdsNodeIds.Directory), local(method), inputs);
  }

  Result call(NodeId object, NodeId method, Variant... inputs) throws UaException {
    CallMethodResult r = session.invoke(object, method, inputs);
    return new Result(r.getStatusCode(), r.getOutputArguments());
  }

  /**
   * Reads a TrustList file object (Open for reading, Read until empty, Close) and decodes its
   * UA-binary TrustListDataType. Method nodes are found by browsing, so any group works.
   */
  TrustListDataType readTrustList(NodeId trustList) throws UaException, PullException {
    NodeId open = null;
    NodeId read = null;
    NodeId close = null;
    for (ReferenceDescription ref : session.client().getAddressSpace().browse(trustList)) {
      if (ref.getNodeClass() != NodeClass.Method) {
        continue;
      }
      Optional<NodeId> id = ref.getNodeId().toNodeId(session.client().getNamespaceTable());
      switch (Objects.requireNonNullElse(ref.getBrowseName().name(), "")) {
        case "Open" -> open = id.orElse(null);
        case "Read" -> read = id.orElse(null);
        case "Close" -> close = id.orElse(null);
        default -> {}
      }
    }
    if (open == null || read == null || close == null) {
      throw new PullException(
          "the GDS TrustList " + trustList.toParseableString() + " has no Open/Read/Close methods");
    }
    Result opened = call(trustList, open, new Variant(ubyte(1)));
    if (!opened.good()) {
      throw new PullException("cannot open the GDS trust list: " + opened.status());
    }
    UInteger handle = opened.output(0, UInteger.class);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try {
      while (true) {
        Result chunk = call(trustList, read, new Variant(handle), new Variant(65_536));
        if (!chunk.good()) {
          throw new PullException("cannot read the GDS trust list: " + chunk.status());
        }
        byte[] bytes = chunk.output(0, ByteString.class).bytesOrEmpty();
        if (bytes.length == 0) {
          break;
        }
        all.writeBytes(bytes);
        if (all.size() > 64 * 1024 * 1024) {
          throw new PullException("the GDS trust list is larger than 64 MiB");
        }
      }
    } finally {
      call(trustList, close, new Variant(handle));
    }
    var ctx = session.encodingContext();
    try {
      return new TrustListDataType.Codec()
          .decodeType(
              ctx,
              new OpcUaBinaryDecoder(ctx).setBuffer(Unpooled.wrappedBuffer(all.toByteArray())));
    } catch (RuntimeException e) {
      throw new PullException("the GDS trust list cannot be decoded");
    }
  }

  private static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte ubyte(int v) {
    return org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte(v);
  }

  @Override
  public void close() {
    session.close();
  }
}
