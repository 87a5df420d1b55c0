package io.gdsvault.sim.pull;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.model.ua.GdsDataTypes;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.sim.push.CertificateCodec;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.encoding.binary.OpcUaBinaryDecoder;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.TrustListDataType;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.jspecify.annotations.Nullable;

/**
 * A SignAndEncrypt session from a device to the GDS, with the device's application certificate as
 * client certificate. The GDS certificate is checked against an explicit thumbprint, or pinned on
 * first use in {@code DIR/gds-servers.properties} (like SSH's known_hosts).
 */
final class GdsClient implements AutoCloseable {

  static final String PINS_FILE = "gds-servers.properties";

  private static final List<String> POLICY_PREFERENCE =
      List.of(
          SecurityPolicy.Basic256Sha256.getUri(),
          SecurityPolicy.Aes256_Sha256_RsaPss.getUri(),
          SecurityPolicy.Aes128_Sha256_RsaOaep.getUri());

  private final OpcUaClient client;

  private GdsClient(OpcUaClient client) {
    this.client = client;
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
    String host = EndpointUtil.getHost(url);
    int port = EndpointUtil.getPort(url);
    IdentityProvider idp =
        user == null
            ? new AnonymousProvider()
            : new UsernameProvider(
                user, new String(Objects.requireNonNull(password, "a user needs a password")));
    OpcUaClient client =
        OpcUaClient.create(
            url,
            endpoints -> pick(endpoints).map(e -> EndpointUtil.updateUrl(e, host, port)),
            t -> {},
            c ->
                c.setApplicationName(LocalizedText.english("GDS Vault device simulator"))
                    .setApplicationUri(applicationUri)
                    .setKeyPair(keyPair)
                    .setCertificate(chain[0])
                    .setCertificateChain(chain)
                    .setCertificateValidator(pinning(pinsFile, url, expectedThumbprint))
                    .setIdentityProvider(idp)
                    .setRequestTimeout(uint(60_000)));
    try {
      client.connect();
    } catch (UaException e) {
      try {
        client.disconnect();
      } catch (Exception ignored) {
        // was not connected
      }
      throw e;
    }
    GdsDataTypes.register(client.getStaticDataTypeManager(), client.getNamespaceTable());
    return new GdsClient(client);
  }

  static Optional<EndpointDescription> pick(List<EndpointDescription> endpoints) {
    return endpoints.stream()
        .filter(e -> e.getSecurityMode() == MessageSecurityMode.SignAndEncrypt)
        .filter(e -> POLICY_PREFERENCE.contains(e.getSecurityPolicyUri()))
        .min(Comparator.comparingInt(e -> POLICY_PREFERENCE.indexOf(e.getSecurityPolicyUri())));
  }

  private static CertificateValidator pinning(Path file, String url, @Nullable String expected) {
    return (chain, uri, hostnames) -> {
      if (chain == null || chain.isEmpty()) {
        throw new UaException(StatusCodes.Bad_CertificateInvalid);
      }
      String thumbprint;
      try {
        thumbprint = CertificateCodec.thumbprintHex(chain.get(0).getEncoded());
      } catch (Exception e) {
        throw new UaException(StatusCodes.Bad_CertificateInvalid);
      }
      if (expected != null) {
        if (!expected.replace(":", "").equalsIgnoreCase(thumbprint)) {
          throw new UaException(
              StatusCodes.Bad_CertificateUntrusted,
              "the GDS certificate " + thumbprint + " is not the expected " + expected);
        }
        return;
      }
      synchronized (GdsClient.class) {
        try {
          Properties known = new Properties();
          if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
              known.load(in);
            }
          }
          String pinned = known.getProperty(url);
          if (pinned == null) {
            known.setProperty(url, thumbprint);
            try (OutputStream out = Files.newOutputStream(file)) {
              known.store(out, "GDS certificates pinned by device-sim pull (SHA-1 thumbprints)");
            }
          } else if (!pinned.equalsIgnoreCase(thumbprint)) {
            throw new UaException(
                StatusCodes.Bad_CertificateUntrusted,
                "the GDS certificate changed (pinned "
                    + pinned
                    + ", got "
                    + thumbprint
                    + "); remove the entry from "
                    + file
                    + " if this is expected");
          }
        } catch (IOException e) {
          throw new UaException(StatusCodes.Bad_CertificateUntrusted, "cannot read " + file);
        }
      }
    };
  }

  int gdsNamespace() {
    return client.getNamespaceTable().getIndex(GdsNodeIds.NAMESPACE_URI).intValue();
  }

  NodeId local(ExpandedNodeId id) {
    return GdsNodeIds.resolve(id, client.getNamespaceTable());
  }

  OpcUaClient client() {
    return client;
  }

  /** Calls a Directory method; transport failures throw, method failures come back as status. */
  Result callDirectory(ExpandedNodeId method, Variant... inputs) throws UaException {
    return call(local(GdsNodeIds.Directory), local(method), inputs);
  }

  Result call(NodeId object, NodeId method, Variant... inputs) throws UaException {
    CallMethodResult r =
        client.call(List.of(new CallMethodRequest(object, method, inputs))).getResults()[0];
    Variant[] out = r.getOutputArguments() == null ? new Variant[0] : r.getOutputArguments();
    return new Result(r.getStatusCode(), out);
  }

  /**
   * Reads a TrustList file object (Open for reading, Read until empty, Close) and decodes its
   * UA-binary TrustListDataType. Method nodes are found by browsing, so any group works.
   */
  TrustListDataType readTrustList(NodeId trustList) throws UaException, PullException {
    NodeId open = null;
    NodeId read = null;
    NodeId close = null;
    for (ReferenceDescription ref : client.getAddressSpace().browse(trustList)) {
      if (ref.getNodeClass() != NodeClass.Method) {
        continue;
      }
      Optional<NodeId> id = ref.getNodeId().toNodeId(client.getNamespaceTable());
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
    var ctx = client.getStaticEncodingContext();
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
    try {
      client.disconnect();
    } catch (Exception ignored) {
      // closing anyway
    }
  }
}
