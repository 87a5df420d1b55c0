package io.gdsvault.gds.testing;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.cli.ClientIdentity;
import io.gdsvault.gds.model.ua.GdsDataTypes;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

/**
 * Milo clients for integration tests. Each client has an application certificate (one per identity
 * directory; {@link #defaultIdentity()} is shared by the JVM) and trusts exactly the test server's
 * certificate.
 */
public final class TestClients {

  private static ClientIdentity shared;

  private TestClients() {}

  public static synchronized ClientIdentity defaultIdentity() throws Exception {
    if (shared == null) {
      shared =
          ClientIdentity.loadOrCreate(Files.createTempDirectory("gds-it-client-"), "GDS IT client");
    }
    return shared;
  }

  /** A new identity with its own certificate (e.g. to be rejected in strict mode). */
  public static ClientIdentity newIdentity() throws Exception {
    return ClientIdentity.loadOrCreate(
        Files.createTempDirectory("gds-it-client-"), "GDS IT client");
  }

  /** Connected client over SignAndEncrypt Basic256Sha256 as {@code user} (null: anonymous). */
  public static OpcUaClient secure(GdsTestServer gds, String user, String password)
      throws Exception {
    return connect(
        gds,
        SecurityPolicy.Basic256Sha256,
        MessageSecurityMode.SignAndEncrypt,
        user == null ? new AnonymousProvider() : new UsernameProvider(user, password),
        defaultIdentity());
  }

  /** Connected admin client (all roles). */
  public static OpcUaClient admin(GdsTestServer gds) throws Exception {
    return secure(gds, "admin", gds.adminPassword());
  }

  /** Connected anonymous client over the SecurityPolicy None endpoint. */
  public static OpcUaClient insecure(GdsTestServer gds) throws Exception {
    return connect(
        gds,
        SecurityPolicy.None,
        MessageSecurityMode.None,
        new AnonymousProvider(),
        defaultIdentity());
  }

  public static OpcUaClient connect(
      GdsTestServer gds,
      SecurityPolicy policy,
      MessageSecurityMode mode,
      IdentityProvider identityProvider,
      ClientIdentity identity)
      throws Exception {
    OpcUaClient client = connectWithoutCodecs(gds, policy, mode, identityProvider, identity);
    GdsDataTypes.register(client.getStaticDataTypeManager(), client.getNamespaceTable());
    return client;
  }

  /** A client that knows nothing of GDS Vault's codecs (the generic-client tests). */
  public static OpcUaClient connectWithoutCodecs(
      GdsTestServer gds,
      SecurityPolicy policy,
      MessageSecurityMode mode,
      IdentityProvider identityProvider,
      ClientIdentity identity)
      throws Exception {
    X509Certificate serverCert = gds.app().server().certificate();
    byte[] serverDer = serverCert.getEncoded();
    CertificateValidator trustServerOnly =
        (chain, uri, hosts) -> {
          try {
            if (chain.isEmpty() || !Arrays.equals(chain.get(0).getEncoded(), serverDer)) {
              throw new UaException(StatusCodes.Bad_CertificateUntrusted);
            }
          } catch (java.security.cert.CertificateEncodingException e) {
            throw new UaException(StatusCodes.Bad_CertificateInvalid);
          }
        };
    OpcUaClient client =
        OpcUaClient.create(
            gds.endpointUrl(),
            endpoints ->
                endpoints.stream()
                    .filter(e -> e.getSecurityPolicyUri().equals(policy.getUri()))
                    .filter(e -> e.getSecurityMode() == mode)
                    .findFirst(),
            t -> {},
            c ->
                c.setApplicationName(LocalizedText.english("GDS IT client"))
                    .setApplicationUri(identity.applicationUri())
                    .setKeyPair(identity.keyPair())
                    .setCertificate(identity.certificate())
                    .setCertificateChain(new X509Certificate[] {identity.certificate()})
                    .setCertificateValidator(trustServerOnly)
                    .setIdentityProvider(identityProvider)
                    .setRequestTimeout(uint(30_000)));
    client.connect();
    return client;
  }

  public static void disconnect(OpcUaClient... clients) {
    for (OpcUaClient c : clients) {
      if (c != null) {
        try {
          c.disconnect();
        } catch (Exception ignored) {
          // best effort
        }
      }
    }
  }
}
