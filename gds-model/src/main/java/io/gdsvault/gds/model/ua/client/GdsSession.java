package io.gdsvault.gds.model.ua.client;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.model.ua.GdsDataTypes;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.encoding.EncodingContext;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.jspecify.annotations.Nullable;

/**
 * A SignAndEncrypt session to a GDS with the client's application certificate, the GDS data types
 * registered, and method calls by NodeId.
 *
 * <p>Every Part 12 method needs an encrypted channel, so only SignAndEncrypt endpoints are chosen,
 * with the policies in {@link #POLICY_PREFERENCE} order; the chosen endpoint keeps the host and
 * port the caller dialled (a GDS behind NAT or in a container may advertise another).
 */
public final class GdsSession implements AutoCloseable {

  /** The security policies a session accepts, most preferred first. */
  public static final List<String> POLICY_PREFERENCE =
      List.of(
          SecurityPolicy.Basic256Sha256.getUri(),
          SecurityPolicy.Aes256_Sha256_RsaPss.getUri(),
          SecurityPolicy.Aes128_Sha256_RsaOaep.getUri());

  private static final int REQUEST_TIMEOUT_MILLIS = 60_000;

  private final OpcUaClient client;

  private GdsSession(OpcUaClient client) {
    this.client = client;
  }

  /**
   * Connects and activates the session.
   *
   * @param user null for an anonymous session
   * @param password needed with a user
   * @throws UaException as Milo reports a failed connect (no suitable endpoint:
   *     Bad_ConfigurationError; a refused server certificate: the validator's status code)
   */
  public static GdsSession open(
      String endpointUrl,
      ClientCredentials credentials,
      CertificateValidator serverValidator,
      @Nullable String user,
      char @Nullable [] password)
      throws UaException {
    IdentityProvider identity = identity(user, password);
    String host = EndpointUtil.getHost(endpointUrl);
    int port = EndpointUtil.getPort(endpointUrl);
    OpcUaClient client =
        OpcUaClient.create(
            endpointUrl,
            endpoints -> pick(endpoints).map(e -> EndpointUtil.updateUrl(e, host, port)),
            transport -> {},
            c ->
                c.setApplicationName(LocalizedText.english(credentials.applicationName()))
                    .setApplicationUri(credentials.applicationUri())
                    .setKeyPair(credentials.keyPair())
                    .setCertificate(credentials.certificate())
                    .setCertificateChain(credentials.chain().toArray(new X509Certificate[0]))
                    .setCertificateValidator(serverValidator)
                    .setIdentityProvider(identity)
                    .setRequestTimeout(uint(REQUEST_TIMEOUT_MILLIS)));
    try {
      client.connect();
    } catch (UaException e) {
      disconnectQuietly(client);
      throw e;
    }
    GdsDataTypes.register(client.getStaticDataTypeManager(), client.getNamespaceTable());
    return new GdsSession(client);
  }

  /** The SignAndEncrypt endpoint with the most preferred policy, if there is one. */
  public static Optional<EndpointDescription> pick(List<EndpointDescription> endpoints) {
    return endpoints.stream()
        .filter(e -> e.getSecurityMode() == MessageSecurityMode.SignAndEncrypt)
        .filter(e -> POLICY_PREFERENCE.contains(e.getSecurityPolicyUri()))
        .min(Comparator.comparingInt(e -> POLICY_PREFERENCE.indexOf(e.getSecurityPolicyUri())));
  }

  /** Anonymous without a user; a user name token otherwise. */
  static IdentityProvider identity(@Nullable String user, char @Nullable [] password) {
    if (user == null) {
      return new AnonymousProvider();
    }
    if (password == null) {
      throw new IllegalArgumentException("a user needs a password");
    }
    return new UsernameProvider(user, new String(password));
  }

  public OpcUaClient client() {
    return client;
  }

  /** A GDS NodeId in this server's namespace table. */
  public NodeId local(ExpandedNodeId id) {
    return GdsNodeIds.resolve(id, client.getNamespaceTable());
  }

  /** The server's index of the GDS namespace (ApplicationIds are NodeIds in it). */
  public int gdsNamespaceIndex() {
    return client.getNamespaceTable().getIndex(GdsNodeIds.NAMESPACE_URI).intValue();
  }

  public EncodingContext encodingContext() {
    return client.getStaticEncodingContext();
  }

  /**
   * Calls a method and returns its result whatever its status; only a failed service call (the
   * transport, the session) throws. The output arguments are never null.
   */
  public CallMethodResult invoke(NodeId object, NodeId method, Variant... inputs)
      throws UaException {
    CallMethodResult r =
        client.call(List.of(new CallMethodRequest(object, method, inputs))).getResults()[0];
    return r.getOutputArguments() != null
        ? r
        : new CallMethodResult(
            r.getStatusCode(),
            r.getInputArgumentResults(),
            r.getInputArgumentDiagnosticInfos(),
            new Variant[0]);
  }

  /**
   * Calls a method; a Bad result becomes a UaException carrying its StatusCode and, when the GDS
   * gave one with the refused argument, its reason as the message.
   */
  public Variant[] call(NodeId object, NodeId method, Variant... inputs) throws UaException {
    CallMethodResult result = invoke(object, method, inputs);
    if (result.getStatusCode().isBad()) {
      String reason = reason(result);
      throw reason == null
          ? new UaException(result.getStatusCode())
          : new UaException(result.getStatusCode(), reason);
    }
    return result.getOutputArguments();
  }

  /** The reason the GDS put into an argument's DiagnosticInfo (AdditionalInfo), if any. */
  public static @Nullable String reason(CallMethodResult result) {
    var infos = result.getInputArgumentDiagnosticInfos();
    if (infos == null) {
      return null;
    }
    for (var info : infos) {
      if (info != null && info.additionalInfo() != null && !info.additionalInfo().isBlank()) {
        return info.additionalInfo();
      }
    }
    return null;
  }

  @Override
  public void close() {
    disconnectQuietly(client);
  }

  private static void disconnectQuietly(OpcUaClient client) {
    try {
      client.disconnect();
    } catch (Exception ignored) {
      // not connected, or closing anyway
    }
  }
}
