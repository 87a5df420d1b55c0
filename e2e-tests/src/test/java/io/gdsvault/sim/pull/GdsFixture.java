package io.gdsvault.sim.pull;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.cli.ClientOptions;
import io.gdsvault.gds.testing.GdsTestServer;
import io.gdsvault.sim.push.CertificateCodec;
import io.gdsvault.testing.Await;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A real GDS (gds-server's test base: 127.0.0.1, ephemeral port, temporary data directory) with a
 * requesting user and an approving user, the GDS command line run in-process, and the checks a
 * device's PKI folder must pass after a pull.
 */
public final class GdsFixture implements AutoCloseable {

  public static final String PASSWORD = "pull test password";

  /** DiscoveryAdmin + CertificateAuthorityAdmin: what the simulator logs in with. */
  public static final String REQUESTER = "device-enroller";

  /** RegistrationAuthorityAdmin: approves through the GDS CLI. */
  public static final String APPROVER = "approver";

  private static final ObjectMapper JSON = new ObjectMapper();

  public final GdsTestServer gds;
  final Path home;
  public final Path passwordFile;
  private final Function<String, String> previousEnv;
  private final ExecutorService pool = Executors.newCachedThreadPool();

  public record Cli(int code, String out, String err) {}

  public GdsFixture(Consumer<ObjectNode> overrides) throws Exception {
    gds = GdsTestServer.start(overrides);
    var users = gds.app().users();
    users.addUser(
        Caller.system(),
        REQUESTER,
        PASSWORD.toCharArray(),
        Set.of(Role.DISCOVERY_ADMIN, Role.CERTIFICATE_AUTHORITY_ADMIN));
    users.addUser(
        Caller.system(),
        APPROVER,
        PASSWORD.toCharArray(),
        Set.of(Role.REGISTRATION_AUTHORITY_ADMIN));
    home = Files.createTempDirectory("device-sim-pull-");
    passwordFile = Files.writeString(home.resolve("password"), PASSWORD + "\n");
    // the GDS CLI keeps its client certificate in GDS_CLI_HOME: a temporary one, not the user's
    // home
    Field f = ClientOptions.class.getDeclaredField("env");
    f.setAccessible(true);
    @SuppressWarnings("unchecked")
    Function<String, String> prev = (Function<String, String>) f.get(null);
    previousEnv = prev;
    Map<String, String> env = Map.of("GDS_CLI_HOME", home.resolve("gds-cli").toString());
    f.set(null, (Function<String, String>) env::get);
  }

  public String url() {
    return gds.endpointUrl();
  }

  /** {@code ./gds ARGS --url .. --user USER --password-file ..} in-process. */
  public Cli gdsCli(String user, String... args) {
    List<String> a = new ArrayList<>(List.of(args));
    a.addAll(List.of("--url", url(), "--user", user, "--password-file", passwordFile.toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        io.gdsvault.gds.app.Main.run(
            a.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new Cli(code, out.toString(), err.toString());
  }

  /** A running {@code ./device-sim ARGS} with its output. */
  public record Sim(Future<Integer> exit, StringWriter out, StringWriter err) {
    public int await() throws Exception {
      return exit.get(120, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  public Sim deviceSim(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Future<Integer> f =
        pool.submit(
            () -> io.gdsvault.sim.app.Main.run(new PrintWriter(out), new PrintWriter(err), args));
    return new Sim(f, out, err);
  }

  /**
   * Waits (bounded) until a request of {@code applicationUri} in state new shows up in {@code
   * requests list --json}, and returns its id.
   */
  public String awaitNewRequest(String applicationUri, Sim sim) {
    // AssertionErrors end the wait at once: a failing CLI, a simulator that gave up
    JsonNode row =
        Await.until("a new request from " + applicationUri)
            .atMost(Duration.ofSeconds(60))
            .every(Duration.ofMillis(100))
            .value(
                () -> {
                  Cli list = gdsCli(APPROVER, "requests", "list", "--state", "new", "--json");
                  assertThat(list.code()).as(list.err()).isZero();
                  for (JsonNode r : JSON.readTree(list.out())) {
                    if (r.get("applicationUri").asText().equals(applicationUri)) {
                      return new NewRequest(Optional.of(r), sim);
                    }
                  }
                  if (sim.exit().isDone()) {
                    throw new AssertionError(
                        "device-sim ended early: " + sim.exit().get() + " " + sim.err());
                  }
                  return new NewRequest(Optional.empty(), sim);
                },
                seen -> seen.row().isPresent())
            .row()
            .orElseThrow();
    assertThat(row.get("requestedBy").asText()).isEqualTo(REQUESTER);
    return row.get("requestId").asText();
  }

  /** One look at the request list; a failed wait shows what the simulator had said by then. */
  private record NewRequest(Optional<JsonNode> row, Sim sim) {
    @Override
    public String toString() {
      return row.map(JsonNode::toString).orElse("none yet")
          + "; device-sim said: "
          + sim.out()
          + sim.err();
    }
  }

  /** Waits (bounded) until the simulator has printed {@code text}. */
  public static void awaitOutput(Sim sim, String text) {
    // a simulator that ended stops the wait: what it printed is all there will be
    Await.until("device-sim to print \"" + text + "\" or end")
        .atMost(Duration.ofSeconds(60))
        .every(Duration.ofMillis(100))
        .isTrue(() -> sim.out().toString().contains(text) || sim.exit().isDone());
    assertThat(sim.out().toString()).as("device-sim output; stderr: %s", sim.err()).contains(text);
  }

  public String requestState(String requestId) throws Exception {
    Cli show = gdsCli(APPROVER, "requests", "show", requestId, "--json");
    assertThat(show.code()).as(show.err()).isZero();
    return JSON.readTree(show.out()).get("state").asText();
  }

  // ------------------------------------------------------------------ PKI checks

  public static X509Certificate ownCertificate(Path pki) throws Exception {
    return CertificateCodec.decodeCertificateChain(
            Files.readAllBytes(pki.resolve("own/certs/application.pem")))
        .get(0);
  }

  public static PrivateKey ownKey(Path pki) throws Exception {
    return CertificateCodec.decodePrivateKey(
        "PEM", Files.readAllBytes(pki.resolve("own/private/application.pem")));
  }

  static List<X509Certificate> certs(Path dir) throws Exception {
    List<X509Certificate> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        out.addAll(CertificateCodec.decodeCertificateChain(Files.readAllBytes(p)));
      }
    }
    return out;
  }

  static List<X509CRL> crls(Path dir) throws Exception {
    List<X509CRL> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        out.add(CertificateCodec.decodeCrl(Files.readAllBytes(p)));
      }
    }
    return out;
  }

  /**
   * The installed certificate validates (PKIX, CRLs checked) against the CA certificates in
   * trusted/certs, with issuer/certs as intermediates; its key is in own/private.
   */
  public static void assertInstalled(Path pki, String applicationUri) throws Exception {
    X509Certificate cert = ownCertificate(pki);
    assertThat(org.eclipse.milo.opcua.stack.core.util.CertificateUtil.getSanUri(cert))
        .contains(applicationUri);
    assertThat(PullClient.isSelfSigned(cert)).as("a CA-issued certificate").isFalse();
    PrivateKey key = ownKey(pki);
    assertThat(CertificateCodec.matches(cert.getPublicKey(), key))
        .as("key matches certificate")
        .isTrue();
    assertThat(Files.getPosixFilePermissions(pki.resolve("own/private/application.pem")))
        .containsExactlyInAnyOrder(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

    List<X509Certificate> trusted = certs(pki.resolve("trusted/certs"));
    List<X509CRL> crls = new ArrayList<>(crls(pki.resolve("trusted/crl")));
    crls.addAll(crls(pki.resolve("issuer/crl")));
    assertThat(trusted).isNotEmpty();
    assertThat(crls).as("the CA's CRL was installed").isNotEmpty();
    Set<TrustAnchor> anchors = new HashSet<>();
    for (X509Certificate c : trusted) {
      anchors.add(new TrustAnchor(c, null));
    }
    PKIXParameters p = new PKIXParameters(anchors);
    p.setRevocationEnabled(true);
    List<Object> store = new ArrayList<>(crls);
    store.addAll(certs(pki.resolve("issuer/certs")));
    p.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
    CertPathValidator.getInstance("PKIX")
        .validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(cert)), p);
  }

  public static KeyPair ownKeyPair(Path pki) throws Exception {
    return new KeyPair(ownCertificate(pki).getPublicKey(), ownKey(pki));
  }

  @Override
  public void close() throws Exception {
    pool.shutdownNow();
    Field f = ClientOptions.class.getDeclaredField("env");
    f.setAccessible(true);
    f.set(null, previousEnv);
    gds.close();
    GdsTestServer.deleteTree(home);
  }
}
