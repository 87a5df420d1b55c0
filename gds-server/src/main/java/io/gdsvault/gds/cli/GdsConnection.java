package io.gdsvault.gds.cli;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.model.ua.GdsDataTypes;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.encoding.EncodingContext;
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

/** A SignAndEncrypt session to a GDS for the CLI: method calls by standard NodeId. */
public final class GdsConnection implements AutoCloseable {

  private static final List<String> POLICY_PREFERENCE =
      List.of(
          SecurityPolicy.Basic256Sha256.getUri(),
          SecurityPolicy.Aes256_Sha256_RsaPss.getUri(),
          SecurityPolicy.Aes128_Sha256_RsaOaep.getUri());

  private final OpcUaClient client;

  private GdsConnection(OpcUaClient client) {
    this.client = client;
  }

  /**
   * Connects with the client identity in {@code home}, pinning the server certificate there.
   *
   * @param user null for an anonymous session
   */
  public static GdsConnection open(
      String url, @Nullable String user, char @Nullable [] password, Path home, PrintWriter err)
      throws Exception {
    ClientIdentity identity = ClientIdentity.loadOrCreate(home, "GDS Vault CLI");
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
                c.setApplicationName(LocalizedText.english("GDS Vault CLI"))
                    .setApplicationUri(identity.applicationUri())
                    .setKeyPair(identity.keyPair())
                    .setCertificate(identity.certificate())
                    .setCertificateChain(
                        new java.security.cert.X509Certificate[] {identity.certificate()})
                    .setCertificateValidator(
                        new PinnedServerValidator(
                            home.resolve("known-servers.properties"), url, err))
                    .setIdentityProvider(idp)
                    .setRequestTimeout(uint(60_000)));
    try {
      client.connect();
    } catch (UaException e) {
      try {
        client.disconnect();
      } catch (Exception ignored) {
        // not connected
      }
      throw e;
    }
    GdsDataTypes.register(client.getStaticDataTypeManager(), client.getNamespaceTable());
    return new GdsConnection(client);
  }

  static Optional<EndpointDescription> pick(List<EndpointDescription> endpoints) {
    return endpoints.stream()
        .filter(e -> e.getSecurityMode() == MessageSecurityMode.SignAndEncrypt)
        .filter(e -> POLICY_PREFERENCE.contains(e.getSecurityPolicyUri()))
        .min(Comparator.comparingInt(e -> POLICY_PREFERENCE.indexOf(e.getSecurityPolicyUri())));
  }

  public OpcUaClient client() {
    return client;
  }

  public NodeId local(ExpandedNodeId id) {
    return GdsNodeIds.resolve(id, client.getNamespaceTable());
  }

  public int gdsNamespaceIndex() {
    return client.getNamespaceTable().getIndex(GdsNodeIds.NAMESPACE_URI).intValue();
  }

  public EncodingContext encodingContext() {
    return client.getStaticEncodingContext();
  }

  /** Calls a method; a Bad result becomes a UaException carrying its StatusCode. */
  public Variant[] call(ExpandedNodeId objectId, ExpandedNodeId methodId, Variant... inputs)
      throws UaException {
    CallMethodRequest request = new CallMethodRequest(local(objectId), local(methodId), inputs);
    CallMethodResult result = client.call(List.of(request)).getResults()[0];
    if (result.getStatusCode().isBad()) {
      throw new UaException(result.getStatusCode());
    }
    return result.getOutputArguments() == null ? new Variant[0] : result.getOutputArguments();
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
