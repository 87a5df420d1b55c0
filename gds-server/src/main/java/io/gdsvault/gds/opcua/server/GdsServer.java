package io.gdsvault.gds.opcua.server;

import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS;
import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.auth.ClientCertificateStore;
import io.gdsvault.gds.auth.ClientTrustService;
import io.gdsvault.gds.auth.SessionAdmission;
import io.gdsvault.gds.auth.UserChange;
import io.gdsvault.gds.auth.UserService;
import io.gdsvault.gds.config.GdsSettings;
import io.gdsvault.gds.config.GdsSettings.ClientCertificateMode;
import io.gdsvault.gds.opcua.security.AdmissionSessionServiceSet;
import io.gdsvault.gds.opcua.security.AdmissionSweeper;
import io.gdsvault.gds.opcua.security.CallerFactory;
import io.gdsvault.gds.opcua.security.GdsUsernameValidator;
import io.gdsvault.gds.opcua.security.MiloClientCertificateStore;
import io.gdsvault.gds.opcua.security.MiloSessions;
import io.gdsvault.gds.opcua.security.NoneChannelGuard;
import io.gdsvault.gds.opcua.security.OnboardingCertificateValidator;
import io.gdsvault.gds.opcua.security.SessionQuotaValidator;
import java.nio.file.Path;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfigLimits;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.SessionListener;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.model.objects.ServerTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.Stack;
import org.eclipse.milo.opcua.stack.core.channel.EncodingLimits;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.KeyStoreCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.eclipse.milo.opcua.stack.core.util.NonceUtil;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;
import org.jspecify.annotations.Nullable;

/**
 * The Milo server of the GDS: PKI, endpoints, identities, limits, and the GDS and vendor
 * namespaces. Build it, create services that need {@link #server()}, then {@link #install} the
 * method bindings and {@link #start()}.
 */
public final class GdsServer implements AutoCloseable {

  /** The security policies offered with SignAndEncrypt. */
  public static final List<SecurityPolicy> SECURE_POLICIES =
      List.of(
          SecurityPolicy.Basic256Sha256,
          SecurityPolicy.Aes128_Sha256_RsaOaep,
          SecurityPolicy.Aes256_Sha256_RsaPss);

  private final GdsSettings settings;
  private final OpcUaServer server;
  private final FileBasedTrustListManager trustList;
  private final KeyStoreCertificateStore certificateStore;
  private final X509Certificate certificate;
  private final CallerFactory callers;
  private final MiloClientCertificateStore clientCertificates;
  private final String endpointUrl;
  private final SessionAdmission admission;
  private final AdmissionSweeper sweeper;
  private final @Nullable OnboardingCertificateValidator onboarding;
  // created by install()
  private @Nullable GdsNamespace gdsNamespace;
  private @Nullable VendorNamespace vendorNamespace;

  /** Process-wide settings Milo reads from statics; must run before the first server or session. */
  public static synchronized void applyProcessLimits(GdsSettings.LimitSettings limits) {
    if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
      // Aes256_Sha256_RsaPss needs RSASSA-PSS from BouncyCastle
      Security.addProvider(new BouncyCastleProvider());
    }
    System.setProperty(
        "milo.session.concurrentCallLimit", Integer.toString(limits.concurrentCallsPerSession()));
    Stack.ConnectionLimits.RATE_LIMIT_MAX_ATTEMPTS = limits.connectionAttemptsPerSecondPerAddress();
    Stack.ConnectionLimits.RATE_LIMIT_WINDOW_MS = 1000;
    Stack.ConnectionLimits.RATE_LIMIT_MAX_CONNECTIONS = limits.maxConnections();
    Stack.ConnectionLimits.RATE_LIMIT_MAX_CONNECTIONS_PER_ADDRESS =
        limits.maxConnectionsPerAddress();
  }

  public GdsServer(GdsSettings settings, Path dataDir, UserService users) throws Exception {
    this.settings = settings;
    applyProcessLimits(settings.limits());
    NonceUtil.blockUntilSecureRandomSeeded(10, TimeUnit.SECONDS);

    ServerPki pki = new ServerPki(dataDir.resolve("pki"));
    pki.createDirectories();
    trustList = FileBasedTrustListManager.createAndInitialize(pki.root());
    var quarantine = FileBasedCertificateQuarantine.create(pki.rejectedCerts());
    CertificateValidator validator = clientValidator(settings, trustList, quarantine);
    onboarding = validator instanceof OnboardingCertificateValidator o ? o : null;

    char[] keyStorePassword = pki.keyStorePassword();
    certificateStore =
        KeyStoreCertificateStore.createAndInitialize(
            new KeyStoreCertificateStore.Settings(
                pki.keyStore(), () -> keyStorePassword.clone(), alias -> keyStorePassword.clone()));
    String hostname = settings.server().hostname();
    String applicationUri =
        settings.server().applicationUri().isBlank()
            ? "urn:" + hostname + ":gdsvault:gds"
            : settings.server().applicationUri();
    Set<String> hostnames = new LinkedHashSet<>(List.of(hostname));
    var group =
        DefaultApplicationGroup.createAndInitialize(
            trustList,
            certificateStore,
            ServerPki.certificateFactory(
                applicationUri, settings.server().applicationName(), hostnames),
            validator);
    certificate =
        group.getCertificateChain(NodeIds.RsaSha256ApplicationCertificateType)
            .orElseThrow(() -> new IllegalStateException("no server certificate"))[0];
    pki.publish(certificate);
    String certUri =
        CertificateUtil.getSanUri(certificate)
            .orElseThrow(() -> new IllegalStateException("server certificate has no SAN URI"));

    endpointUrl =
        "opc.tcp://" + hostname + ":" + settings.server().port() + settings.server().path();
    GdsSettings.AdmissionSettings a = settings.admission();
    admission = admission(settings);
    callers = new CallerFactory(users, admission);
    clientCertificates = new MiloClientCertificateStore(trustList, pki.rejectedCerts());

    OpcUaServerConfig config = config(certUri, quarantine, group, users);

    server = new OpcUaServer(config, profile -> transport(a));
    SessionDiagnosticsTrim.apply(server);
    server.getSessionManager().addSessionListener(new AdmissionListener(admission));
    sweeper = new AdmissionSweeper(server, admission, a.noneSessionIdleMs());
    users.onChange(this::userChanged);
  }

  /** Creates the GDS and vendor namespaces with the given Directory method bindings. */
  public void install(
      List<MethodBinding> directoryMethods, ClientTrustService trust, UserService users) {
    GdsNamespace gds = new GdsNamespace(server, callers, directoryMethods);
    gds.contribute(ns -> new RoleNodes(ns, users, callers).install());
    gdsNamespace = gds;
    vendorNamespace = new VendorNamespace(server, callers, users, trust);
  }

  /** Binds the endpoints and starts the namespaces; fails when nothing could be bound. */
  public void start() throws Exception {
    ServerObjectParts.apply(server);
    Set<Integer> ours =
        Set.of(
            gdsNamespace().getNamespaceIndex().intValue(),
            vendorNamespace().getNamespaceIndex().intValue());
    server.getConfig().getEndpoints().stream()
        .map(e -> EndpointUtil.getPath(e.getEndpointUrl()))
        .distinct()
        .filter(path -> !path.endsWith("/discovery"))
        .forEach(
            path -> {
              server.addServiceSet(path, new GdsMethodServiceSet(server, ours));
              server.addServiceSet(path, new AdmissionSessionServiceSet(server, admission));
            });
    gdsNamespace().startup();
    vendorNamespace().startup();
    server.startup().get();
    sweeper.start();
    UaNode serverNode = server.getAddressSpaceManager().getManagedNode(NodeIds.Server).orElse(null);
    if (serverNode instanceof ServerTypeNode s) {
      // SubscribeToEvents: audit events are raised on the Server object
      s.setEventNotifier(ubyte(1));
    }
  }

  public OpcUaServer server() {
    return server;
  }

  public GdsNamespace gdsNamespace() {
    return Objects.requireNonNull(gdsNamespace, "install() first");
  }

  public VendorNamespace vendorNamespace() {
    return Objects.requireNonNull(vendorNamespace, "install() first");
  }

  /** Which sessions are admitted, their kinds and their users' roles. */
  public SessionAdmission admission() {
    return admission;
  }

  public CallerFactory callers() {
    return callers;
  }

  /** The server's own trust list (DATA/pki): features add CAs the GDS must trust. */
  public FileBasedTrustListManager serverTrustList() {
    return trustList;
  }

  /**
   * Which client certificates are revoked (this GDS's CAs and CRLs): in onboarding mode they are
   * refused for the secure channel like in strict mode, where the trust list's CRLs do it.
   */
  public void refuseRevokedClientCertificates(
      java.util.function.Predicate<java.security.cert.X509Certificate> revoked) {
    if (onboarding != null) {
      onboarding.refuseRevoked(revoked);
    }
  }

  public ClientCertificateStore clientCertificates() {
    return clientCertificates;
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /**
   * The server's application key pair (RSA-SHA256 type): the client identity the GDS uses when it
   * pushes to servers.
   */
  public java.security.KeyPair applicationKeyPair() {
    try {
      var entry = certificateStore.get(NodeIds.RsaSha256ApplicationCertificateType);
      return new java.security.KeyPair(entry.certificateChain[0].getPublicKey(), entry.privateKey);
    } catch (Exception e) {
      throw new IllegalStateException("the server key pair cannot be read", e);
    }
  }

  /** The ApplicationUri of the server certificate. */
  public String applicationUri() {
    return CertificateUtil.getSanUri(certificate).orElse("");
  }

  /** The primary (advertised) endpoint URL, e.g. {@code opc.tcp://localhost:58810/GDS}. */
  public String endpointUrl() {
    return endpointUrl;
  }

  @Override
  public void close() {
    try {
      sweeper.stop();
      if (vendorNamespace != null) {
        vendorNamespace.shutdown();
      }
      if (gdsNamespace != null) {
        gdsNamespace.shutdown();
      }
      server.shutdown().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // shutting down anyway
    } finally {
      try {
        trustList.close();
        certificateStore.close();
      } catch (Exception ignored) {
        // best effort
      }
    }
  }

  private OpcUaServerConfig config(
      String certUri,
      FileBasedCertificateQuarantine quarantine,
      DefaultApplicationGroup group,
      UserService users) {
    return OpcUaServerConfig.builder()
        .setApplicationUri(certUri)
        .setApplicationName(LocalizedText.english(settings.server().applicationName()))
        .setProductUri(settings.server().productUri())
        .setBuildInfo(
            new BuildInfo(
                settings.server().productUri(),
                "GDS Vault",
                "GDS Vault Global Discovery Server",
                OpcUaServer.SDK_VERSION,
                "0.1.0",
                DateTime.now()))
        .setEndpoints(endpoints())
        .setCertificateManager(new DefaultCertificateManager(quarantine, group))
        .setIdentityValidator(
            new SessionQuotaValidator(
                new CompositeValidator(
                    AnonymousIdentityValidator.INSTANCE, new GdsUsernameValidator(users)),
                settings.quotas().maxSessionsPerClient(),
                admission,
                users,
                trustedValidator(trustList)))
        .setLimits(limits(settings.limits()))
        .setEncodingLimits(
            new EncodingLimits(
                EncodingLimits.DEFAULT_MAX_CHUNK_SIZE,
                settings.limits().maxMessageSize() / EncodingLimits.DEFAULT_MAX_CHUNK_SIZE * 2 + 4,
                settings.limits().maxMessageSize(),
                EncodingLimits.DEFAULT_MAX_RECURSION_DEPTH))
        .build();
  }

  private static CertificateValidator clientValidator(
      GdsSettings settings,
      FileBasedTrustListManager trustList,
      FileBasedCertificateQuarantine quarantine) {
    return settings.security().clientCertificates() == ClientCertificateMode.STRICT
        // REVOCATION: a CRL present in the trust list (e.g. of the GDS's own CAs) is enforced
        ? new DefaultServerCertificateValidator(
            trustList,
            Set.of(
                org.eclipse.milo.opcua.stack.core.util.validation.ValidationCheck.APPLICATION_URI,
                org.eclipse.milo.opcua.stack.core.util.validation.ValidationCheck.REVOCATION),
            quarantine)
        : new OnboardingCertificateValidator(
            new DefaultServerCertificateValidator(trustList, new MemoryCertificateQuarantine()));
  }

  /** Which client certificates are trusted: GDS-issued and not revoked, or accepted by an admin. */
  private static CertificateValidator trustedValidator(FileBasedTrustListManager trustList) {
    return new DefaultServerCertificateValidator(
        trustList,
        Set.of(org.eclipse.milo.opcua.stack.core.util.validation.ValidationCheck.REVOCATION),
        new MemoryCertificateQuarantine(16));
  }

  /**
   * A user changed: its sessions get the new roles; when the password changed or the user was
   * removed, its sessions other than the one that made the change end.
   */
  private void userChanged(UserChange change) {
    admission.refreshRoles(change.user(), change.roles());
    if (change.endsSessions()) {
      for (String key : admission.sessionsOf(change.user())) {
        if (!key.equals(change.bySession())) {
          MiloSessions.close(server, key);
        }
      }
    }
  }

  /** Ends a session's entry in the admission ledger when Milo closes it. */
  private record AdmissionListener(SessionAdmission admission) implements SessionListener {
    @Override
    public void onSessionClosed(Session session) {
      admission.closed(MiloSessions.key(session));
    }
  }

  private static SessionAdmission admission(GdsSettings settings) {
    GdsSettings.AdmissionSettings a = settings.admission();
    return new SessionAdmission(
        new SessionAdmission.Limits(
            a.noneMaxSessions(),
            a.noneMaxSessionsPerAddress(),
            a.unauthenticatedSessions(settings.limits().maxSessions()),
            a.maxPendingSessions(),
            TimeUnit.MILLISECONDS.toNanos(a.pendingSessionTimeoutMs())),
        System::nanoTime);
  }

  private static OpcTcpServerTransport transport(GdsSettings.AdmissionSettings a) {
    return new OpcTcpServerTransport(
        OpcTcpServerTransportConfig.newBuilder()
            .setChannelPipelineCustomizer(
                NoneChannelGuard.customizer(
                    new NoneChannelGuard.Limits(
                        a.noneMaxChannels(), a.noneMaxChannelsPerAddress(), a.noneChannelIdleMs())))
            .build());
  }

  private Set<EndpointConfig> endpoints() {
    Set<EndpointConfig> out = new LinkedHashSet<>();
    EndpointConfig.Builder base =
        EndpointConfig.newBuilder()
            .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
            .setBindAddress(settings.server().bind())
            .setBindPort(settings.server().port())
            .setHostname(settings.server().hostname())
            .setPath(settings.server().path())
            .setCertificate(() -> certificate);
    // None only for discovery (GetEndpoints/FindServers); GDS methods refuse such sessions
    out.add(
        base.copy()
            .setSecurityPolicy(SecurityPolicy.None)
            .setSecurityMode(MessageSecurityMode.None)
            .addTokenPolicies(USER_TOKEN_POLICY_ANONYMOUS)
            .build());
    for (SecurityPolicy policy : SECURE_POLICIES) {
      out.add(
          base.copy()
              .setSecurityPolicy(policy)
              .setSecurityMode(MessageSecurityMode.SignAndEncrypt)
              .addTokenPolicies(USER_TOKEN_POLICY_ANONYMOUS, USER_TOKEN_POLICY_USERNAME)
              .build());
    }
    return out;
  }

  private static OpcUaServerConfigLimits limits(GdsSettings.LimitSettings l) {
    return new OpcUaServerConfigLimits() {
      @Override
      public UInteger getMaxSessions() {
        return uint(l.maxSessions());
      }

      @Override
      public Double getMaxSessionTimeout() {
        return (double) l.maxSessionTimeoutMs();
      }

      @Override
      public UInteger getMaxArrayLength() {
        return uint(l.maxArrayLength());
      }

      @Override
      public UInteger getMaxStringLength() {
        return uint(l.maxStringLength());
      }

      @Override
      public UInteger getMaxByteStringLength() {
        return uint(Math.max(l.maxStringLength(), 1 << 20));
      }
    };
  }
}
