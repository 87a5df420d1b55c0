package io.gdsvault.bench.client;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfig;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.jspecify.annotations.Nullable;

/**
 * Opens device sessions on one server's Basic256Sha256 SignAndEncrypt endpoint, the same way for
 * the GDS and the reference: the endpoint is discovered once (a device caches it), every session is
 * a new secure channel with the device's own certificate, and the client accepts the server
 * certificate without checks (the harness measures servers, not client trust stores).
 */
public final class Connector {

  private static final CertificateValidator TRUST_ANY = (chain, uri, hostnames) -> {};

  private final String name;
  private final EndpointDescription endpoint;

  private Connector(String name, EndpointDescription endpoint) {
    this.name = name;
    this.endpoint = endpoint;
  }

  /** Reads the endpoints of {@code url} and keeps the Basic256Sha256 SignAndEncrypt one. */
  public static Connector discover(String name, String url) throws Exception {
    List<EndpointDescription> endpoints =
        DiscoveryClient.getEndpoints(url).get(30, TimeUnit.SECONDS);
    EndpointDescription e =
        endpoints.stream()
            .filter(d -> SecurityPolicy.Basic256Sha256.getUri().equals(d.getSecurityPolicyUri()))
            .filter(d -> d.getSecurityMode() == MessageSecurityMode.SignAndEncrypt)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(url + " has no Basic256Sha256 endpoint"));
    return new Connector(name, EndpointUtil.updateUrl(e, "127.0.0.1", EndpointUtil.getPort(url)));
  }

  public String name() {
    return name;
  }

  /** A user name token, or anonymous when {@code user} is null. */
  public static IdentityProvider identity(@Nullable String user, @Nullable String password) {
    return user == null
        ? new AnonymousProvider()
        : new UsernameProvider(user, password == null ? "" : password);
  }

  /**
   * A connected session of {@code device}, presenting its GDS-issued chain when {@code issued},
   * else its self-signed certificate.
   */
  public OpcUaClient open(Device device, boolean issued, IdentityProvider identity)
      throws UaException {
    var chain = device.chain(issued);
    OpcUaClientConfig config =
        OpcUaClientConfig.builder()
            .setEndpoint(endpoint)
            .setApplicationName(LocalizedText.english("GDS Vault load harness"))
            .setApplicationUri(device.applicationUri())
            .setKeyPair(device.keyPair())
            .setCertificate(chain[0])
            .setCertificateChain(chain)
            .setCertificateValidator(TRUST_ANY)
            .setIdentityProvider(identity)
            .setRequestTimeout(uint(120_000))
            .build();
    OpcUaClient client = OpcUaClient.create(config);
    try {
      client.connect();
    } catch (UaException | RuntimeException e) {
      close(client);
      throw e;
    }
    return client;
  }

  /** Closes the session and the channel; errors on the way out do not count. */
  public static void close(OpcUaClient client) {
    try {
      client.disconnect();
    } catch (Exception ignored) {
      // closing anyway
    }
  }
}
