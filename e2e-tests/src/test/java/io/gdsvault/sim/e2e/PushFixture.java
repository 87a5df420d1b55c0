package io.gdsvault.sim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.gds.app.GdsApplication;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.config.GdsSettings;
import io.gdsvault.gds.config.SettingsLoader;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.push.PushEngine;
import io.gdsvault.gds.push.PushSettings;
import io.gdsvault.gds.push.PushState;
import io.gdsvault.gds.push.PushTarget;
import io.gdsvault.sim.push.PushTargetDevice;
import io.gdsvault.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;

/**
 * A real GDS (in-process, 127.0.0.1, ephemeral port, temporary data directory, push engine tuned
 * for tests: fast polls and retries) and simulated push targets that trust the GDS's certificate.
 */
final class PushFixture implements AutoCloseable {

  static final String TARGET_ADMIN = "secadmin";
  static final String TARGET_PASSWORD = "target admin secret";
  static final String POLICY = SecurityPolicy.Basic256Sha256.getUri();

  final Path dir;
  final List<PushTargetDevice> devices = new ArrayList<>();
  private final Consumer<ObjectNode> overrides;
  private final PushSettings pushSettings;
  private int port;
  GdsApplication gds;

  PushFixture(Consumer<ObjectNode> overrides, PushSettings pushSettings) throws Exception {
    this.dir = Files.createTempDirectory("push-e2e-");
    this.overrides = overrides;
    this.pushSettings = pushSettings;
    this.port = freePort();
    startGds();
  }

  static PushSettings fastSettings(double renewAfterShare) {
    return new PushSettings(
        4,
        20,
        Duration.ofMillis(300),
        Duration.ofSeconds(2),
        Duration.ofSeconds(3),
        Duration.ofMillis(200),
        renewAfterShare,
        Duration.ofHours(1),
        Duration.ofSeconds(20));
  }

  static Consumer<ObjectNode> autoApprove() {
    return tree -> ((ObjectNode) tree.get("certificates")).put("autoApprove", true);
  }

  void startGds() throws Exception {
    GdsSettings settings =
        SettingsLoader.load(
            null,
            tree -> {
              ObjectNode server = (ObjectNode) tree.get("server");
              server.put("bind", "127.0.0.1");
              server.put("port", port);
              server.put("hostname", "localhost");
              ((ObjectNode) tree.get("security")).put("passwordHashIterations", 100_000);
              ((ObjectNode) tree.get("certificates")).put("keyPoolSize", 0);
              overrides.accept(tree);
            });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      gds = GdsApplication.start(settings, dir.resolve("gds"), Clock.systemUTC(), ps, pushSettings);
    }
  }

  void stopGds() {
    gds.close();
  }

  PushEngine engine() {
    return gds.push().engine();
  }

  /** A push target on a free port whose trusted/certs holds the GDS certificate. */
  PushTargetDevice startTarget(String name) throws Exception {
    return startTarget(dir.resolve(name), freePort());
  }

  PushTargetDevice startTarget(Path pki, int targetPort) throws Exception {
    Files.createDirectories(pki.resolve("trusted/certs"));
    Files.write(pki.resolve("trusted/certs/gds.der"), gds.server().certificate().getEncoded());
    PushTargetDevice d =
        PushTargetDevice.start(
            new PushTargetDevice.Settings(
                "127.0.0.1",
                targetPort,
                pki,
                List.of(
                    new PushTargetDevice.User(
                        TARGET_ADMIN, TARGET_PASSWORD.getBytes(StandardCharsets.UTF_8), true)),
                false,
                1024 * 1024));
    devices.add(d);
    return d;
  }

  /** Registers the target as a server application with the given ApplicationUri. */
  UUID register(String applicationUri, String endpoint) {
    return gds.directory()
        .register(
            Caller.system(),
            new ApplicationRecord(
                null,
                applicationUri,
                ApplicationType.SERVER,
                List.of(new LocalizedName("en", "push target")),
                "urn:gdsvault:device-sim",
                List.of(endpoint),
                List.of()));
  }

  PushEngine.EnableRequest enableRequest(UUID app, String endpoint, String password) {
    return new PushEngine.EnableRequest(
        app,
        endpoint,
        POLICY,
        TARGET_ADMIN,
        password.toCharArray(),
        null,
        io.gdsvault.gds.push.KeyMode.CSR);
  }

  /** Waits (bounded) until the target's job matches. */
  PushTarget await(UUID app, Predicate<PushTarget> condition, String what) {
    return Await.until("the push job to become " + what)
        .atMost(Duration.ofSeconds(60))
        .every(Duration.ofMillis(100))
        .value(() -> new Job(engine().target(app).orElseThrow()), j -> condition.test(j.target()))
        .target();
  }

  /** A job as a failed wait shows it: state, phase and error, not its sealed blobs. */
  private record Job(PushTarget target) {
    @Override
    public String toString() {
      return "state="
          + target.state()
          + " phase="
          + target.phase()
          + " error="
          + target.lastError();
    }
  }

  PushTarget awaitSucceeded(UUID app, String previousThumbprint) {
    return await(
        app,
        t ->
            t.state() == PushState.SUCCEEDED
                && t.certificateThumbprint() != null
                && !t.certificateThumbprint().equals(previousThumbprint),
        "succeeded with a new certificate");
  }

  // ------------------------------------------------------------------ the target's side

  /** The certificate the target advertises in GetEndpoints for Basic256Sha256. */
  static X509Certificate advertised(String endpoint) throws Exception {
    List<EndpointDescription> eps = DiscoveryClient.getEndpoints(endpoint).get();
    EndpointDescription e =
        eps.stream().filter(x -> POLICY.equals(x.getSecurityPolicyUri())).findFirst().orElseThrow();
    return CertificateUtil.decodeCertificate(e.getServerCertificate().bytesOrEmpty());
  }

  /**
   * Connects with SignAndEncrypt as a client with the given identity and returns the certificate
   * the server presented in the handshake (CreateSession, checked against its signature).
   */
  static X509Certificate handshake(
      String endpoint, java.security.KeyPair keyPair, X509Certificate cert, String uri)
      throws Exception {
    return handshake(endpoint, keyPair, cert, uri, AnonymousProvider.INSTANCE);
  }

  static X509Certificate handshake(
      String endpoint,
      java.security.KeyPair keyPair,
      X509Certificate cert,
      String uri,
      org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider identity)
      throws Exception {
    AtomicReference<X509Certificate> seen = new AtomicReference<>();
    OpcUaClient c =
        OpcUaClient.create(
            endpoint,
            eps ->
                eps.stream()
                    .filter(
                        x ->
                            POLICY.equals(x.getSecurityPolicyUri())
                                && x.getSecurityMode() == MessageSecurityMode.SignAndEncrypt)
                    .findFirst()
                    // the URL we were given: a target may advertise a host name of its machine
                    .map(
                        x ->
                            new EndpointDescription(
                                endpoint,
                                x.getServer(),
                                x.getServerCertificate(),
                                x.getSecurityMode(),
                                x.getSecurityPolicyUri(),
                                x.getUserIdentityTokens(),
                                x.getTransportProfileUri(),
                                x.getSecurityLevel())),
            t -> {},
            b ->
                b.setApplicationUri(uri)
                    .setApplicationName(LocalizedText.english("push e2e client"))
                    .setKeyPair(keyPair)
                    .setCertificate(cert)
                    .setCertificateChain(new X509Certificate[] {cert})
                    .setCertificateValidator((chain, u, h) -> seen.set(chain.get(0)))
                    .setIdentityProvider(identity)
                    .setRequestTimeout(
                        org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint(
                            5000)));
    try {
      c.connect();
      c.readValue(
          0,
          org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn.Neither,
          org.eclipse.milo.opcua.stack.core.NodeIds.Server_ServerStatus_State);
    } finally {
      try {
        c.disconnect();
      } catch (Exception ignored) {
        // best effort
      }
    }
    return seen.get();
  }

  /** The handshake certificate seen by the GDS's own identity (trusted by every target here). */
  X509Certificate handshakeAsGds(String endpoint) throws Exception {
    return handshake(
        endpoint,
        gds.server().applicationKeyPair(),
        gds.server().certificate(),
        gds.server().applicationUri(),
        new org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider(
            TARGET_ADMIN, TARGET_PASSWORD));
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static void assertChainsTo(X509Certificate cert, X509Certificate ca) throws Exception {
    assertThat(cert.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    cert.verify(ca.getPublicKey());
  }

  @Override
  public void close() throws Exception {
    for (PushTargetDevice d : devices) {
      try {
        d.close();
      } catch (Exception ignored) {
        // already stopped
      }
    }
    try {
      gds.close();
    } catch (RuntimeException ignored) {
      // already stopped
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
