package io.gdsvault.gds.opcua.push;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.model.x509.Certificates;
import io.gdsvault.gds.model.x509.InvalidCertificateException;
import io.gdsvault.gds.push.PushException;
import io.gdsvault.gds.push.PushException.Kind;
import io.gdsvault.gds.push.TargetConnector;
import io.gdsvault.gds.trust.TrustListContent;
import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.TrustListDataType;
import org.jspecify.annotations.Nullable;

/**
 * {@link TargetConnector} over OPC UA with Milo: SignAndEncrypt with the GDS's application
 * certificate, UserName identity, and the target's ServerConfiguration methods (Part 12 §7.10).
 * Status codes become readable lastError texts here; passwords never enter a message.
 */
public final class MiloTargetConnector implements TargetConnector {

  private static final NodeId CONFIG = NodeIds.ServerConfiguration;
  private static final NodeId GROUP =
      NodeIds.ServerConfiguration_CertificateGroups_DefaultApplicationGroup;
  private static final NodeId TRUST_LIST =
      NodeIds.ServerConfiguration_CertificateGroups_DefaultApplicationGroup_TrustList;
  private static final int CHUNK = 32 * 1024;

  private final Supplier<KeyPair> keyPair;
  private final Supplier<X509Certificate> certificate;
  private final String applicationUri;
  private final int timeoutMillis;

  /** Push sessions are kept alive by the client's keep-alive reads while they are used. */
  static final int SESSION_TIMEOUT_MS = 30_000;

  public MiloTargetConnector(
      Supplier<KeyPair> keyPair,
      Supplier<X509Certificate> certificate,
      String applicationUri,
      int timeoutMillis) {
    this.keyPair = keyPair;
    this.certificate = certificate;
    this.applicationUri = applicationUri;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public Session connect(
      String endpointUrl,
      String securityPolicyUri,
      String user,
      char[] password,
      Predicate<X509Certificate> serverTrust) {
    AtomicReference<X509Certificate> seen = new AtomicReference<>();
    CertificateValidator validator =
        (chain, uri, hostnames) -> {
          seen.set(chain.get(0));
          if (!serverTrust.test(chain.get(0))) {
            throw new UaException(StatusCodes.Bad_CertificateUntrusted, "not trusted");
          }
        };
    OpcUaClient client;
    try {
      client =
          OpcUaClient.create(
              endpointUrl,
              endpoints -> select(endpoints, endpointUrl, securityPolicyUri),
              t -> t.setConnectTimeout(uint(timeoutMillis)),
              b ->
                  b.setApplicationUri(applicationUri)
                      .setApplicationName(LocalizedText.english("GDS Vault push"))
                      .setKeyPair(keyPair.get())
                      .setCertificate(certificate.get())
                      .setCertificateChain(new X509Certificate[] {certificate.get()})
                      .setCertificateValidator(validator)
                      .setIdentityProvider(new UsernameProvider(user, new String(password)))
                      .setRequestTimeout(uint(timeoutMillis))
                      // short: a GDS that dies mid-push leaves the target's transaction pending
                      // (other
                      // sessions get Bad_TransactionPending) only until its session times out
                      .setSessionTimeout(uint(SESSION_TIMEOUT_MS)));
    } catch (UaException e) {
      throw connectError(endpointUrl, user, e, seen.get());
    }
    try {
      client.connect();
    } catch (UaException e) {
      disconnect(client);
      throw connectError(endpointUrl, user, e, seen.get());
    } catch (RuntimeException e) {
      disconnect(client);
      throw new PushException(
          Kind.UNREACHABLE,
          "cannot connect to " + endpointUrl + ": " + e.getClass().getSimpleName());
    }
    if (seen.get() == null) {
      disconnect(client);
      throw new PushException(
          Kind.BAD_RESPONSE, "the target presented no certificate in the handshake");
    }
    return new MiloSession(client, seen.get());
  }

  /** The application certificate types of Part 12 §7.8.4 by BrowseName. */
  private static final Map<String, NodeId> CERTIFICATE_TYPES =
      Map.of(
          "RsaMinApplicationCertificateType", NodeIds.RsaMinApplicationCertificateType,
          "RsaSha256ApplicationCertificateType", NodeIds.RsaSha256ApplicationCertificateType,
          "EccNistP256ApplicationCertificateType", NodeIds.EccNistP256ApplicationCertificateType,
          "EccNistP384ApplicationCertificateType", NodeIds.EccNistP384ApplicationCertificateType,
          "EccBrainpoolP256r1ApplicationCertificateType",
              NodeIds.EccBrainpoolP256r1ApplicationCertificateType,
          "EccBrainpoolP384r1ApplicationCertificateType",
              NodeIds.EccBrainpoolP384r1ApplicationCertificateType,
          "EccCurve25519ApplicationCertificateType",
              NodeIds.EccCurve25519ApplicationCertificateType,
          "EccCurve448ApplicationCertificateType", NodeIds.EccCurve448ApplicationCertificateType);

  /** The BrowseName of a known certificate type, else the NodeId's text. */
  static String typeName(NodeId id) {
    return CERTIFICATE_TYPES.entrySet().stream()
        .filter(e -> e.getValue().equals(id))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(id.toParseableString());
  }

  /** The NodeId of a name {@link #typeName} gave. */
  static NodeId typeId(String name) {
    NodeId known = CERTIFICATE_TYPES.get(name);
    if (known != null) {
      return known;
    }
    try {
      return NodeId.parse(name);
    } catch (RuntimeException e) {
      throw new PushException(Kind.INTERNAL, "not a certificate type: " + name);
    }
  }

  private static Optional<EndpointDescription> select(
      List<EndpointDescription> endpoints, String url, String policy) {
    return endpoints.stream()
        .filter(
            e ->
                policy.equals(e.getSecurityPolicyUri())
                    && e.getSecurityMode() == MessageSecurityMode.SignAndEncrypt)
        .findFirst()
        // connect to the URL we were given (the advertised host name may not resolve here)
        .map(
            e ->
                new EndpointDescription(
                    url,
                    e.getServer(),
                    e.getServerCertificate(),
                    e.getSecurityMode(),
                    e.getSecurityPolicyUri(),
                    e.getUserIdentityTokens(),
                    e.getTransportProfileUri(),
                    e.getSecurityLevel()));
  }

  @Override
  public List<X509Certificate> endpointCertificates(String endpointUrl, String securityPolicyUri) {
    try {
      List<EndpointDescription> endpoints =
          DiscoveryClient.getEndpoints(endpointUrl, t -> t.setConnectTimeout(uint(timeoutMillis)))
              .get(timeoutMillis * 2L, TimeUnit.MILLISECONDS);
      List<X509Certificate> out = new ArrayList<>();
      for (EndpointDescription e : endpoints) {
        if (securityPolicyUri.equals(e.getSecurityPolicyUri())
            && e.getServerCertificate().isNotNull()) {
          out.add(Certificates.parse(e.getServerCertificate().bytesOrEmpty()));
        }
      }
      return out;
    } catch (ExecutionException | TimeoutException e) {
      throw new PushException(
          Kind.UNREACHABLE, "GetEndpoints at " + endpointUrl + " failed: " + describe(e));
    } catch (InvalidCertificateException e) {
      throw new PushException(
          Kind.UNREACHABLE,
          "GetEndpoints at "
              + endpointUrl
              + " failed: Bad_CertificateInvalid ("
              + e.getMessage()
              + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PushException(Kind.INTERRUPTED, "interrupted");
    }
  }

  private PushException connectError(
      String url, String user, UaException e, @Nullable X509Certificate seen) {
    long code = e.getStatusCode().getValue();
    if (code == StatusCodes.Bad_CertificateUntrusted && seen != null) {
      return new PushException(
          Kind.UNTRUSTED_TARGET,
          "the target's certificate "
              + Certificates.thumbprint(seen)
              + " is not trusted (not the pinned one and not issued by this GDS)");
    }
    if (code == StatusCodes.Bad_UserAccessDenied
        || code == StatusCodes.Bad_IdentityTokenRejected
        || code == StatusCodes.Bad_IdentityTokenInvalid) {
      return new PushException(
          Kind.CREDENTIALS_REFUSED,
          "the target refused the credentials of user '"
              + user
              + "' ("
              + name(e.getStatusCode())
              + ")");
    }
    if (code == StatusCodes.Bad_SecurityChecksFailed
        || code == StatusCodes.Bad_CertificateUntrusted) {
      return new PushException(
          Kind.CHANNEL_REFUSED,
          "the target refused the secure channel ("
              + name(e.getStatusCode())
              + "): does it trust the GDS certificate "
              + Certificates.thumbprint(certificate.get())
              + "?");
    }
    if (code == StatusCodes.Bad_ConfigurationError) {
      return new PushException(
          Kind.NO_ENDPOINT,
          "the target at " + url + " offers no SignAndEncrypt endpoint with the configured policy");
    }
    return new PushException(Kind.UNREACHABLE, "cannot connect to " + url + ": " + describe(e));
  }

  private static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return "connection refused (is the target running?)";
      }
      if (t instanceof UaException u
          && u.getStatusCode().getValue() == StatusCodes.Bad_ConnectionRejected) {
        return "connection refused (is the target running?)";
      }
      if (t instanceof UaException u
          && u.getStatusCode().isBad()
          && u.getStatusCode().getValue() != StatusCodes.Bad_UnexpectedError) {
        return name(u.getStatusCode());
      }
      if (t instanceof TimeoutException) {
        return "timed out";
      }
    }
    return e.getClass().getSimpleName();
  }

  static String name(StatusCode s) {
    return StatusCodes.lookup(s.getValue())
        .map(a -> a[0])
        .orElse(String.format("0x%08X", s.getValue()));
  }

  private static void disconnect(OpcUaClient c) {
    try {
      c.disconnect();
    } catch (Exception ignored) {
      // closing anyway
    }
  }

  /** One session on a target. */
  private static final class MiloSession implements Session {
    private final OpcUaClient client;
    private final X509Certificate serverCertificate;

    MiloSession(OpcUaClient client, X509Certificate serverCertificate) {
      this.client = client;
      this.serverCertificate = serverCertificate;
    }

    @Override
    public X509Certificate serverCertificate() {
      return serverCertificate;
    }

    @Override
    public List<String> supportedPrivateKeyFormats() {
      Object v =
          read(
              NodeIds.ServerConfiguration_SupportedPrivateKeyFormats, "SupportedPrivateKeyFormats");
      return v instanceof String[] a ? List.of(a) : List.of();
    }

    @Override
    public List<String> certificateTypes() {
      Object v =
          read(
              NodeIds
                  .ServerConfiguration_CertificateGroups_DefaultApplicationGroup_CertificateTypes,
              "CertificateTypes");
      List<String> out = new ArrayList<>();
      if (v instanceof NodeId[] ids) {
        for (NodeId id : ids) {
          out.add(typeName(id));
        }
      }
      return out;
    }

    private @Nullable Object read(NodeId node, String what) {
      try {
        DataValue dv = client.readValue(0, TimestampsToReturn.Neither, node);
        if (!dv.statusCode().isGood()) {
          return null;
        }
        return dv.value().value();
      } catch (UaException e) {
        throw new PushException(
            Kind.REFUSED, "reading " + what + " failed: " + name(e.getStatusCode()));
      }
    }

    @Override
    public boolean writeTrustList(TrustListContent content) {
      byte[] encoded = encode(content);
      // Part 12 §7.8.2.1: Open with Write|EraseExisting (0x06), Write in chunks, CloseAndUpdate
      Object[] open =
          call(
              TRUST_LIST,
              NodeIds.ServerConfiguration_CertificateGroups_DefaultApplicationGroup_TrustList_Open,
              "TrustList.Open",
              ubyte(6));
      UInteger handle = (UInteger) open[0];
      try {
        for (int off = 0; off < encoded.length; off += CHUNK) {
          byte[] part = Arrays.copyOfRange(encoded, off, Math.min(encoded.length, off + CHUNK));
          call(
              TRUST_LIST,
              NodeIds.ServerConfiguration_CertificateGroups_DefaultApplicationGroup_TrustList_Write,
              "TrustList.Write",
              handle,
              ByteString.of(part));
        }
        Object[] out =
            call(
                TRUST_LIST,
                NodeIds
                    .ServerConfiguration_CertificateGroups_DefaultApplicationGroup_TrustList_CloseAndUpdate,
                "TrustList.CloseAndUpdate",
                handle);
        handle = null;
        return out.length == 0 || !(out[0] instanceof Boolean b) || b;
      } finally {
        if (handle != null) {
          try {
            call(
                TRUST_LIST,
                NodeIds
                    .ServerConfiguration_CertificateGroups_DefaultApplicationGroup_TrustList_Close,
                "TrustList.Close",
                handle);
          } catch (PushException ignored) {
            // the write failed already
          }
        }
      }
    }

    @Override
    public TrustListContent readTrustList() {
      Object[] open =
          call(
              TRUST_LIST,
              NodeIds.ServerConfiguration_CertificateGroups_DefaultApplicationGroup_TrustList_Open,
              "TrustList.Open",
              ubyte(1));
      UInteger handle = (UInteger) open[0];
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try {
        while (true) {
          Object[] r =
              call(
                  TRUST_LIST,
                  NodeIds
                      .ServerConfiguration_CertificateGroups_DefaultApplicationGroup_TrustList_Read,
                  "TrustList.Read",
                  handle,
                  CHUNK);
          byte[] b = r[0] instanceof ByteString bs ? bs.bytesOrEmpty() : new byte[0];
          if (b.length == 0) {
            break;
          }
          bytes.writeBytes(b);
          if (bytes.size() > 16 * 1024 * 1024) {
            throw new PushException(Kind.BAD_RESPONSE, "the target's trust list is too large");
          }
        }
      } finally {
        call(
            TRUST_LIST,
            NodeIds.ServerConfiguration_CertificateGroups_DefaultApplicationGroup_TrustList_Close,
            "TrustList.Close",
            handle);
      }
      try {
        NodeId enc =
            TrustListDataType.BINARY_ENCODING_ID.toNodeId(client.getNamespaceTable()).orElseThrow();
        TrustListDataType t =
            (TrustListDataType)
                ExtensionObject.of(ByteString.of(bytes.toByteArray()), enc)
                    .decode(client.getStaticEncodingContext());
        return new TrustListContent(
            list(t.getTrustedCertificates()),
            list(t.getTrustedCrls()),
            list(t.getIssuerCertificates()),
            list(t.getIssuerCrls()));
      } catch (RuntimeException e) {
        throw new PushException(Kind.BAD_RESPONSE, "the target's trust list cannot be decoded");
      }
    }

    private static List<byte[]> list(ByteString[] a) {
      return a == null ? List.of() : Arrays.stream(a).map(ByteString::bytesOrEmpty).toList();
    }

    private byte[] encode(TrustListContent c) {
      TrustListDataType t =
          new TrustListDataType(
              uint(15),
              bs(c.trustedCertificates()),
              bs(c.trustedCrls()),
              bs(c.issuerCertificates()),
              bs(c.issuerCrls()));
      ExtensionObject xo = ExtensionObject.encode(client.getStaticEncodingContext(), t);
      if (xo.getBody() instanceof ByteString b) {
        return b.bytesOrEmpty();
      }
      throw new PushException(Kind.INTERNAL, "the trust list cannot be encoded");
    }

    private static ByteString[] bs(List<byte[]> l) {
      return l.stream().map(ByteString::of).toArray(ByteString[]::new);
    }

    @Override
    public byte[] createSigningRequest(String certificateType) {
      Object[] out =
          call(
              CONFIG,
              NodeIds.ServerConfiguration_CreateSigningRequest,
              "CreateSigningRequest",
              GROUP,
              typeId(certificateType),
              "",
              false,
              ByteString.NULL_VALUE);
      if (out.length == 0 || !(out[0] instanceof ByteString b) || b.isNull()) {
        throw new PushException(Kind.BAD_RESPONSE, "CreateSigningRequest returned no request");
      }
      return b.bytesOrEmpty();
    }

    @Override
    public boolean updateCertificate(
        String certificateType,
        byte[] cert,
        List<byte[]> issuers,
        @Nullable String format,
        byte @Nullable [] key) {
      Object[] out =
          call(
              CONFIG,
              NodeIds.ServerConfiguration_UpdateCertificate,
              "UpdateCertificate",
              GROUP,
              typeId(certificateType),
              ByteString.of(cert),
              bs(issuers),
              format == null ? "" : format,
              key == null ? ByteString.NULL_VALUE : ByteString.of(key));
      return out.length == 0 || !(out[0] instanceof Boolean b) || b;
    }

    @Override
    public void addCertificate(byte[] cert, boolean trusted) {
      call(
          TRUST_LIST,
          NodeIds
              .ServerConfiguration_CertificateGroups_DefaultApplicationGroup_TrustList_AddCertificate,
          "TrustList.AddCertificate",
          ByteString.of(cert),
          trusted);
    }

    @Override
    public void applyChanges() {
      try {
        call(CONFIG, NodeIds.ServerConfiguration_ApplyChanges, "ApplyChanges");
      } catch (PushException e) {
        // nothing staged (e.g. a target that applies AddCertificate at once) is not a failure
        if (e.kind() != Kind.NOTHING_TO_DO) {
          throw e;
        }
      }
    }

    private Object[] call(NodeId object, NodeId method, String what, Object... args) {
      Variant[] in = new Variant[args.length];
      for (int i = 0; i < args.length; i++) {
        in[i] = new Variant(args[i]);
      }
      CallMethodResult r;
      try {
        r = client.call(List.of(new CallMethodRequest(object, method, in))).getResults()[0];
      } catch (UaException e) {
        if (what.equals("ApplyChanges")
            && e.getStatusCode().getValue() == StatusCodes.Bad_ConnectionClosed) {
          return new Object[0]; // targets that restart their endpoints may drop the session at once
        }
        throw new PushException(Kind.UNREACHABLE, what + " failed: " + name(e.getStatusCode()));
      }
      StatusCode s = r.getStatusCode();
      if (!s.isGood()) {
        long c = s.getValue();
        throw new PushException(kindOf(c), what + " was refused by the target: " + name(s));
      }
      Variant[] out = r.getOutputArguments() == null ? new Variant[0] : r.getOutputArguments();
      Object[] values = new Object[out.length];
      for (int i = 0; i < out.length; i++) {
        values[i] = out[i].value();
      }
      return values;
    }

    /** The kind of a Bad status a target answered a call with. */
    private static Kind kindOf(long code) {
      if (code == StatusCodes.Bad_NotSupported
          || code == StatusCodes.Bad_MethodInvalid
          || code == StatusCodes.Bad_NotImplemented
          || code == StatusCodes.Bad_NodeIdUnknown) {
        return Kind.NOT_SUPPORTED;
      }
      if (code == StatusCodes.Bad_TransactionPending) {
        return Kind.BUSY;
      }
      return code == StatusCodes.Bad_NothingToDo ? Kind.NOTHING_TO_DO : Kind.REFUSED;
    }

    @Override
    public void close() {
      disconnect(client);
    }
  }
}
