package io.gdsvault.bench.reference;

import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS;
import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfigLimits;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.Stack;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.core.util.NonceUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * The plain Milo 1.1.2 server the GDS is measured against: the same endpoint shape as the GDS's
 * (opc.tcp on 127.0.0.1, a None endpoint for discovery, Basic256Sha256 SignAndEncrypt with
 * Anonymous and UserName tokens, an RSA-2048 self-signed application certificate, the GDS's
 * connection and session limits) but a trivial certificate validator (accepts every client
 * certificate), a trivial identity validator (accepts every user name and password) and one method,
 * {@link EchoNamespace#ECHO}, that returns its argument. Everything else is Milo's default,
 * including the per-session diagnostics nodes.
 */
public final class ReferenceServer implements AutoCloseable {

  public static final String PATH = "/reference";
  public static final String APPLICATION_URI = "urn:localhost:gdsvault:reference";

  private final OpcUaServer server;
  private final EchoNamespace namespace;
  private final String endpointUrl;

  private ReferenceServer(OpcUaServer server, EchoNamespace namespace, String endpointUrl) {
    this.server = server;
    this.namespace = namespace;
    this.endpointUrl = endpointUrl;
  }

  /** Starts the server on 127.0.0.1:{@code port}. */
  public static ReferenceServer start(int port) throws Exception {
    applyGdsProcessLimits();
    NonceUtil.blockUntilSecureRandomSeeded(10, TimeUnit.SECONDS);

    CertificateValidator acceptAll = (chain, applicationUri, hostnames) -> {};
    var group =
        DefaultApplicationGroup.createAndInitialize(
            new MemoryTrustListManager(), new MemoryCertificateStore(), factory(), acceptAll);
    X509Certificate certificate =
        group.getCertificateChain(NodeIds.RsaSha256ApplicationCertificateType).orElseThrow()[0];

    OpcUaServerConfig config =
        OpcUaServerConfig.builder()
            .setApplicationUri(APPLICATION_URI)
            .setApplicationName(LocalizedText.english("plain Milo reference"))
            .setProductUri("urn:gdsvault:reference")
            .setBuildInfo(
                new BuildInfo(
                    "urn:gdsvault:reference",
                    "GDS Vault",
                    "plain Milo reference",
                    OpcUaServer.SDK_VERSION,
                    "",
                    DateTime.now()))
            .setEndpoints(endpoints(port, certificate))
            .setCertificateManager(
                new DefaultCertificateManager(new MemoryCertificateQuarantine(), group))
            .setIdentityValidator(
                new CompositeValidator(
                    AnonymousIdentityValidator.INSTANCE,
                    new UsernameIdentityValidator(challenge -> true)))
            .setLimits(limits())
            .build();
    OpcUaServer server =
        new OpcUaServer(
            config,
            profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
    EchoNamespace namespace = new EchoNamespace(server);
    namespace.startup();
    server.startup().get(30, TimeUnit.SECONDS);
    return new ReferenceServer(server, namespace, "opc.tcp://localhost:" + port + PATH);
  }

  /** The GDS's process limits (see GdsServer.applyProcessLimits and config/gds.yaml defaults). */
  private static void applyGdsProcessLimits() {
    System.setProperty("milo.session.concurrentCallLimit", "64");
    Stack.ConnectionLimits.RATE_LIMIT_MAX_ATTEMPTS = 50;
    Stack.ConnectionLimits.RATE_LIMIT_WINDOW_MS = 1000;
    Stack.ConnectionLimits.RATE_LIMIT_MAX_CONNECTIONS = 5000;
    Stack.ConnectionLimits.RATE_LIMIT_MAX_CONNECTIONS_PER_ADDRESS = 1000;
  }

  /** None with anonymous tokens; Basic256Sha256 SignAndEncrypt with anonymous and user name. */
  private static Set<EndpointConfig> endpoints(int port, X509Certificate certificate) {
    Set<EndpointConfig> endpoints = new LinkedHashSet<>();
    EndpointConfig.Builder base =
        EndpointConfig.newBuilder()
            .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
            .setBindAddress("127.0.0.1")
            .setBindPort(port)
            .setHostname("localhost")
            .setPath(PATH)
            .setCertificate(() -> certificate);
    endpoints.add(
        base.copy()
            .setSecurityPolicy(SecurityPolicy.None)
            .setSecurityMode(MessageSecurityMode.None)
            .addTokenPolicies(USER_TOKEN_POLICY_ANONYMOUS)
            .build());
    endpoints.add(
        base.copy()
            .setSecurityPolicy(SecurityPolicy.Basic256Sha256)
            .setSecurityMode(MessageSecurityMode.SignAndEncrypt)
            .addTokenPolicies(USER_TOKEN_POLICY_ANONYMOUS, USER_TOKEN_POLICY_USERNAME)
            .build());
    return endpoints;
  }

  public String endpointUrl() {
    return endpointUrl;
  }

  @Override
  public void close() throws Exception {
    namespace.shutdown();
    server.shutdown().get(10, TimeUnit.SECONDS);
  }

  private static RsaSha256CertificateFactory factory() {
    return new RsaSha256CertificateFactory() {
      @Override
      protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair)
          throws Exception {
        return new X509Certificate[] {
          new SelfSignedCertificateBuilder(keyPair)
              .setCommonName("plain Milo reference")
              .setOrganization("GDS Vault")
              .setApplicationUri(APPLICATION_URI)
              .setValidityPeriod(Period.ofYears(1))
              .addDnsName("localhost")
              .addIpAddress("127.0.0.1")
              .build()
        };
      }
    };
  }

  /** The GDS's default limits (config/gds.yaml). */
  private static OpcUaServerConfigLimits limits() {
    return new OpcUaServerConfigLimits() {
      @Override
      public UInteger getMaxSessions() {
        return uint(1000);
      }

      @Override
      public Double getMaxSessionTimeout() {
        return 600_000.0;
      }
    };
  }
}
