package io.gdsvault.sim.push;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.Identity;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated device: a Milo server whose ServerConfiguration accepts pushes. Users are given by
 * name and password; users marked as security admins get the SecurityAdmin role.
 */
public final class PushTargetDevice implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PushTargetDevice.class);
  public static final String PATH = "/device-sim";

  /** A user of the device; the password bytes are compared in constant time. */
  public record User(
      String name,
      @SuppressWarnings("ArrayRecordComponent") // compared with MessageDigest.isEqual, not equals
          byte[] password,
      boolean securityAdmin) {}

  /** Everything needed to start one device. */
  public record Settings(
      String bindAddress,
      int port,
      Path pkiDir,
      List<User> users,
      boolean autoAccept,
      long maxTrustListSize,
      boolean lean,
      int maxTrustListEntries) {
    public Settings {
      users = List.copyOf(users);
    }

    /** A device with the default trust-list entry limit. */
    public Settings(
        String bindAddress,
        int port,
        Path pkiDir,
        List<User> users,
        boolean autoAccept,
        long maxTrustListSize,
        boolean lean) {
      this(
          bindAddress,
          port,
          pkiDir,
          users,
          autoAccept,
          maxTrustListSize,
          lean,
          ServerConfigurationSupport.DEFAULT_MAX_TRUST_LIST_ENTRIES);
    }

    /** A full (not pruned) device. */
    public Settings(
        String bindAddress,
        int port,
        Path pkiDir,
        List<User> users,
        boolean autoAccept,
        long maxTrustListSize) {
      this(bindAddress, port, pkiDir, users, autoAccept, maxTrustListSize, false);
    }
  }

  private final OpcUaServer server;
  private final ServerConfigurationSupport support;
  private final String endpointUrl;

  private PushTargetDevice(OpcUaServer server, ServerConfigurationSupport support, String url) {
    this.server = server;
    this.support = support;
    this.endpointUrl = url;
  }

  public static PushTargetDevice start(Settings s) throws Exception {
    requirePortFree(s.bindAddress(), s.port());
    String host = s.bindAddress().equals("0.0.0.0") ? "localhost" : s.bindAddress();
    String url =
        "opc.tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + s.port() + PATH;

    ServerConfigurationSupport support =
        ServerConfigurationSupport.builder(s.pkiDir())
            .applicationUri("urn:gdsvault:device-sim:" + host + ":" + s.port())
            .commonName("device-sim " + s.port())
            .hostnames(List.of("localhost", host))
            .autoAccept(s.autoAccept())
            .maxTrustListSize(s.maxTrustListSize())
            .maxTrustListEntries(s.maxTrustListEntries())
            .build();

    Map<String, User> users = new java.util.HashMap<>();
    for (User u : s.users()) {
      users.put(u.name(), u);
    }
    OpcUaServerConfig config = serverConfig(support, endpoints(s, host, support), users);
    var server =
        new OpcUaServer(
            config,
            profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
    try {
      server.startup().get(30, TimeUnit.SECONDS);
      support.install(server);
      if (s.lean()) {
        int removed = AddressSpacePruner.prune(server);
        log.debug("Pruned {} type-model nodes", removed);
      }
    } catch (Exception e) {
      server.shutdown().get(10, TimeUnit.SECONDS);
      throw e;
    }
    log.info("Push target listening on {} (pki={})", url, s.pkiDir());
    return new PushTargetDevice(server, support, url);
  }

  /**
   * None for discovery, SignAndEncrypt with the three RSA policies, and Sign with Basic256Sha256;
   * each offers anonymous and user name tokens.
   */
  private static Set<EndpointConfig> endpoints(
      Settings s, String host, ServerConfigurationSupport support) {
    Set<EndpointConfig> endpoints = new LinkedHashSet<>();
    var base =
        EndpointConfig.newBuilder()
            .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
            .setBindAddress(s.bindAddress())
            .setBindPort(s.port())
            .setHostname(host)
            .setPath(PATH)
            .setCertificate(support.certificateSupplier())
            .addTokenPolicies(
                OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS,
                OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME);
    endpoints.add(
        base.copy()
            .setSecurityPolicy(SecurityPolicy.None)
            .setSecurityMode(MessageSecurityMode.None)
            .build());
    for (SecurityPolicy p :
        List.of(
            SecurityPolicy.Basic256Sha256,
            SecurityPolicy.Aes128_Sha256_RsaOaep,
            SecurityPolicy.Aes256_Sha256_RsaPss)) {
      endpoints.add(
          base.copy()
              .setSecurityPolicy(p)
              .setSecurityMode(MessageSecurityMode.SignAndEncrypt)
              .build());
    }
    endpoints.add(
        base.copy()
            .setSecurityPolicy(SecurityPolicy.Basic256Sha256)
            .setSecurityMode(MessageSecurityMode.Sign)
            .build());
    return endpoints;
  }

  private static OpcUaServerConfig serverConfig(
      ServerConfigurationSupport support, Set<EndpointConfig> endpoints, Map<String, User> users) {
    var usernameValidator =
        new UsernameIdentityValidator(
            challenge -> {
              User u = users.get(challenge.getUsername());
              byte[] given =
                  challenge.getPassword() == null
                      ? new byte[0]
                      : challenge.getPassword().getBytes(StandardCharsets.UTF_8);
              return u != null && MessageDigest.isEqual(u.password(), given);
            });
    return OpcUaServerConfig.builder()
        .setApplicationUri(support.applicationUri())
        .setApplicationName(LocalizedText.english("GDS Vault device simulator"))
        .setProductUri("urn:gdsvault:device-sim")
        .setBuildInfo(
            new BuildInfo(
                "urn:gdsvault:device-sim",
                "GDS Vault",
                "device-sim",
                OpcUaServer.SDK_VERSION,
                "",
                DateTime.now()))
        .setEndpoints(endpoints)
        .setCertificateManager(support.certificateManager())
        .setIdentityValidator(
            new CompositeValidator(AnonymousIdentityValidator.INSTANCE, usernameValidator))
        .setRoleMapper(identity -> roles(identity, users))
        .build();
  }

  /** SecurityAdmin for users marked so; every user is an AuthenticatedUser, the rest Anonymous. */
  private static List<NodeId> roles(Identity identity, Map<String, User> users) {
    if (identity instanceof Identity.UsernameIdentity u) {
      User user = users.get(u.getUsername());
      if (user != null && user.securityAdmin()) {
        return List.<NodeId>of(
            NodeIds.WellKnownRole_SecurityAdmin, NodeIds.WellKnownRole_AuthenticatedUser);
      }
      return List.<NodeId>of(NodeIds.WellKnownRole_AuthenticatedUser);
    }
    return List.<NodeId>of(NodeIds.WellKnownRole_Anonymous);
  }

  /** A clear message instead of Milo's bind stack traces when the port is taken. */
  private static void requirePortFree(String address, int port) throws java.io.IOException {
    try (var socket = new java.net.ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName(address), port));
    } catch (java.net.BindException e) {
      throw new java.io.IOException(
          "cannot listen on " + address + ":" + port + ": " + e.getMessage());
    }
  }

  public String endpointUrl() {
    return endpointUrl;
  }

  public ServerConfigurationSupport support() {
    return support;
  }

  public OpcUaServer server() {
    return server;
  }

  @Override
  public void close() throws Exception {
    server.shutdown().get(30, TimeUnit.SECONDS);
  }
}
