package io.gdsvault.sim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gdsvault.gds.cli.ClientOptions;
import io.gdsvault.gds.push.PushEngine;
import io.gdsvault.sim.push.PushTargetDevice;
import io.gdsvault.testing.Await;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The GDS process killed with SIGKILL in the middle of a push and restarted on the same data
 * directory (failure cases). The GDS runs as its own JVM ({@code gds serve} on the test classpath)
 * with a test-only pause ({@code -Dgdsvault.push.testPause}) that holds the push at a known step:
 * after the trust list was written and applied, or after UpdateCertificate and before ApplyChanges.
 * The target is the device simulator in this JVM. After the restart the job must end succeeded, the
 * target must present a certificate from our CA whose key it holds (a SignAndEncrypt handshake
 * works), its trust list must hold our CA and no job may be left running.
 */
class PushKillIT {

  static final ObjectMapper JSON = new ObjectMapper();

  Path dir;
  Process gds;
  PushTargetDevice target;
  Function<String, String> previousEnv;
  Field envField;
  String url;

  record Cli(int code, String out, String err) {}

  @BeforeEach
  @SuppressWarnings("unchecked")
  void setUp() throws Exception {
    dir = Files.createTempDirectory("push-kill-");
    envField = ClientOptions.class.getDeclaredField("env");
    envField.setAccessible(true);
    previousEnv = (Function<String, String>) envField.get(null);
    Map<String, String> env = Map.of("GDS_CLI_HOME", dir.resolve("cli").toString());
    envField.set(null, (Function<String, String>) env::get);
  }

  @AfterEach
  void tearDown() throws Exception {
    envField.set(null, previousEnv);
    if (gds != null) {
      gds.destroyForcibly();
      gds.waitFor(30, TimeUnit.SECONDS);
    }
    if (target != null) {
      target.close();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @ParameterizedTest(name = "killed at {0} ({1})")
  @CsvSource({"after-trust-list, csr", "before-apply-changes, new-key-pair"})
  void aGdsKilledInTheMiddleOfAPushFinishesItAfterRestartAndTheTargetWorks(
      String point, String keyMode) throws Exception {
    Path data = dir.resolve("gds");
    Path config =
        Files.writeString(
            dir.resolve("gds.yaml"),
            """
            security:
              passwordHashIterations: 100000
            certificates:
              autoApprove: true
            push:
              maxAttempts: 200
              retryBaseMs: 300
              retryMaxMs: 2000
              leaseMs: 3000
              pollMs: 200
              verifyTimeoutMs: 20000
            """);
    @SuppressWarnings("JdkObsolete") // the reader thread appends while the test reads
    StringBuffer output = new StringBuffer();
    CompletableFuture<Void> paused = new CompletableFuture<>();
    gds = serve(data, config, point, output, paused);

    Path pki = dir.resolve("target");
    Files.createDirectories(pki.resolve("trusted/certs"));
    Files.copy(data.resolve("pki/own/certs/gds-server.der"), pki.resolve("trusted/certs/gds.der"));
    target =
        PushTargetDevice.start(
            new PushTargetDevice.Settings(
                "127.0.0.1",
                PushFixture.freePort(),
                pki,
                List.of(
                    new PushTargetDevice.User(
                        PushFixture.TARGET_ADMIN,
                        PushFixture.TARGET_PASSWORD.getBytes(StandardCharsets.UTF_8),
                        true)),
                false,
                1024 * 1024));
    String endpoint = target.endpointUrl();
    String pinned = PushEngine.thumbprint(PushFixture.advertised(endpoint));

    Cli reg =
        gds(
            "apps",
            "register",
            "--uri",
            target.support().applicationUri(),
            "--name",
            "kill target",
            "--type",
            "server",
            "--discovery-url",
            endpoint,
            "--json");
    assertThat(reg.code()).as(reg.err()).isZero();
    String appId = JSON.readTree(reg.out()).get("applicationId").asText();
    Path pw = Files.writeString(dir.resolve("target-password"), PushFixture.TARGET_PASSWORD + "\n");
    List<String> enable =
        new ArrayList<>(
            List.of(
                "push",
                "enable",
                appId,
                "--endpoint",
                endpoint,
                "--target-user",
                PushFixture.TARGET_ADMIN,
                "--target-password-file",
                pw.toString(),
                "--expect-thumbprint",
                pinned));
    if (keyMode.equals("new-key-pair")) {
      enable.add("--new-key-pair");
    }
    Cli enabled = gds(enable.toArray(String[]::new));
    assertThat(enabled.code()).as(enabled.err()).isZero();

    // the push reaches the pause point: the target's state at the moment of the kill
    paused.get(120, TimeUnit.SECONDS);
    assertThat(PushEngine.thumbprint(PushFixture.advertised(endpoint)))
        .as("the target still presents its own certificate when the GDS dies")
        .isEqualTo(pinned);
    // No waiting before the kill: this test found that H2 lost commits made a second or two before
    // a SIGKILL while it reused freed file space; the embedded database now only appends
    // (Database.h2Url). -Dpush.kill.settleMs=N delays the kill, to compare: a deliberate pause
    // before the kill (0 by default), not a poll.
    Thread.sleep(Long.getLong("push.kill.settleMs", 0));
    gds.destroyForcibly(); // SIGKILL: no shutdown hook, sessions and database cut
    assertThat(gds.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(PushEngine.thumbprint(PushFixture.advertised(endpoint)))
        .as("staged changes were never applied")
        .isEqualTo(pinned);

    // restart on the same data directory, without the pause
    gds = serve(data, config, null, output, new CompletableFuture<>());
    JsonNode row =
        Await.until("the job to succeed after the restart")
            .atMost(Duration.ofSeconds(150))
            .every(Duration.ofMillis(500))
            .value(
                () -> {
                  Cli st = gds("push", "status", appId, "--json");
                  if (st.code() != 0) {
                    // tells a lost commit apart from a lost job
                    System.err.println(
                        "after restart: apps="
                            + gds("apps", "list", "--json").out()
                            + " push="
                            + gds("push", "status", "--json").out()
                            + " audit="
                            + gds("audit", "list", "--json").out());
                  }
                  // an error answer ends the wait at once (an AssertionError is no "not yet")
                  assertThat(st.code()).as("%s\nGDS output:\n%s", st.err(), output).isZero();
                  return JSON.readTree(st.out()).get(0);
                },
                r ->
                    r.get("state").asText().equals("succeeded")
                        && !r.get("certificateThumbprint").isNull());
    assertThat(row.get("state").asText()).as("job after restart: %s", row).isEqualTo("succeeded");
    assertThat(row.get("lastError").isNull()).isTrue();
    String installed = row.get("certificateThumbprint").asText();
    assertThat(installed).isNotEqualTo(pinned);
    JsonNode all = JSON.readTree(gds("push", "status", "--json").out());
    assertThat(all).allSatisfy(r -> assertThat(r.get("state").asText()).isNotEqualTo("running"));

    // the target's side: endpoint, handshake with its new key, trust list with our CA
    X509Certificate advertised = PushFixture.advertised(endpoint);
    assertThat(PushEngine.thumbprint(advertised)).isEqualTo(installed);
    Path caFile = dir.resolve("ca.der");
    Cli ca = gds("ca", "export", "--out", caFile.toString(), "--format", "der");
    assertThat(ca.code()).as(ca.err()).isZero();
    X509Certificate caCert = CertificateUtil.decodeCertificate(Files.readAllBytes(caFile));
    PushFixture.assertChainsTo(advertised, caCert);
    assertThat(CertificateUtil.getSanUri(advertised)).contains(target.support().applicationUri());
    KeyPair gdsKey = gdsIdentity(data);
    X509Certificate gdsCert =
        CertificateUtil.decodeCertificate(
            Files.readAllBytes(data.resolve("pki/own/certs/gds-server.der")));
    String gdsUri = CertificateUtil.getSanUri(gdsCert).orElseThrow();
    X509Certificate shaken =
        PushFixture.handshake(
            endpoint,
            gdsKey,
            gdsCert,
            gdsUri,
            new UsernameProvider(PushFixture.TARGET_ADMIN, PushFixture.TARGET_PASSWORD));
    assertThat(PushEngine.thumbprint(shaken))
        .as("the target holds the key of the certificate it presents")
        .isEqualTo(installed);
    var trust = TrustLists.read(gdsKey, gdsCert, gdsUri, endpoint);
    assertThat(trust.trustedCertificates()).contains(caCert, gdsCert);
    assertThat(trust.trustedCrls()).isNotEmpty();

    if (keyMode.equals("new-key-pair")) {
      // the key the GDS made before the kill was kept sealed in the job: the same request is used
      Cli reqs = gds("requests", "list", "--json");
      long forApp = 0;
      for (JsonNode r : JSON.readTree(reqs.out())) {
        if (r.get("applicationId").asText().equals(appId)) {
          forApp++;
        }
      }
      assertThat(forApp).as("no second request after the restart").isEqualTo(1);
    }
    Cli verify = gds("audit", "verify");
    assertThat(verify.code())
        .as("audit chain after the kill: %s%s", verify.out(), verify.err())
        .isZero();
    Cli audit = gds("audit", "list", "--json");
    assertThat(audit.out())
        .contains("push.enable")
        .contains("push.succeeded")
        .doesNotContain(PushFixture.TARGET_PASSWORD);
  }

  private Cli gds(String... args) {
    List<String> a = new ArrayList<>(List.of(args));
    a.addAll(
        List.of(
            "--url",
            url,
            "--user",
            "admin",
            "--password-file",
            dir.resolve("gds").resolve("initial-admin-password").toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        io.gdsvault.gds.app.Main.run(
            a.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new Cli(code, out.toString(), err.toString());
  }

  /** {@code gds serve} as a child JVM; completes {@code paused} when the push reaches the pause. */
  private Process serve(
      Path data, Path config, String pause, StringBuffer output, CompletableFuture<Void> paused)
      throws Exception {
    int port = PushFixture.freePort();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx384m"));
    if (pause != null) {
      cmd.add("-Dgdsvault.push.testPause=" + pause);
    }
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            io.gdsvault.gds.app.Main.class.getName(),
            "serve",
            "--data",
            data.toString(),
            "--config",
            config.toString(),
            "--port",
            Integer.toString(port)));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Process p = pb.start();
    CompletableFuture<String> listening = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  output.append(line).append('\n');
                  if (line.startsWith("GDS listening on")) {
                    listening.complete(line.substring("GDS listening on".length()).trim());
                  }
                  if (line.startsWith("push test pause at")) {
                    paused.complete(null);
                  }
                }
                listening.completeExceptionally(
                    new IllegalStateException("the GDS exited:\n" + output));
              } catch (Exception e) {
                listening.completeExceptionally(e);
              }
            },
            "gds-child-output");
    reader.setDaemon(true);
    reader.start();
    url = listening.get(120, TimeUnit.SECONDS);
    return p;
  }

  /** The GDS's application key pair from its PKCS#12 keystore (the identity it pushes with). */
  private static KeyPair gdsIdentity(Path data) throws Exception {
    Path priv = data.resolve("pki/own/private");
    char[] password = Files.readString(priv.resolve("keystore-password")).trim().toCharArray();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(priv.resolve("gds-server.pfx"))) {
      ks.load(in, password);
    }
    for (String alias : java.util.Collections.list(ks.aliases())) {
      if (ks.isKeyEntry(alias)) {
        X509Certificate c = (X509Certificate) ks.getCertificate(alias);
        return new KeyPair(c.getPublicKey(), (PrivateKey) ks.getKey(alias, password));
      }
    }
    throw new AssertionError("no key in the GDS keystore");
  }
}
