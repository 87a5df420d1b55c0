package io.gdsvault.sim.app;

import static io.gdsvault.sim.pull.GdsFixture.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.sim.pull.GdsFixture;
import io.gdsvault.sim.pull.PullClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fleet pull against a real GDS with auto-approve: N pull clients in one JVM, renewal by a device
 * acting for itself with its GDS certificate, and mode both (each device pulls its certificate,
 * then serves push with it).
 */
class FleetPullIT {

  private static GdsFixture fx;

  @TempDir Path tmp;

  @BeforeAll
  static void startGds() throws Exception {
    fx = new GdsFixture(tree -> ((ObjectNode) tree.get("certificates")).put("autoApprove", true));
  }

  @AfterAll
  static void stopGds() throws Exception {
    if (fx != null) {
      fx.close();
    }
  }

  @Test
  void aFleetOfFivePullClientsGetsCertificatesAndADeviceRenewsOnItsOwnCertificate()
      throws Exception {
    Path dir = tmp.resolve("fleet");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "fleet",
            "--mode",
            "pull",
            "--count",
            "5",
            "--dir",
            dir.toString(),
            "--threads",
            "3",
            "--gds",
            fx.url(),
            "--user",
            REQUESTER,
            "--password-file",
            fx.passwordFile.toString(),
            "--poll-initial",
            "100ms",
            "--poll-max",
            "500ms",
            "--once");
    assertThat(code).as("%s%s", out, err).isZero();
    assertThat(out.toString()).contains("5 of 5 devices hold a certificate").contains("(5 pulled");
    for (int i = 1; i <= 5; i++) {
      Path pki = dir.resolve(String.format("pull-%04d", i));
      X509Certificate cert = GdsFixture.ownCertificate(pki);
      GdsFixture.assertInstalled(pki, CertificateUtil.getSanUri(cert).orElseThrow());
    }

    // renewal without any user: the device acts for itself with the certificate the GDS issued
    Path first = dir.resolve("pull-0001");
    X509Certificate before = GdsFixture.ownCertificate(first);
    StringWriter rout = new StringWriter();
    StringWriter rerr = new StringWriter();
    int renewed =
        Main.run(
            new PrintWriter(rout),
            new PrintWriter(rerr),
            "pull",
            "--gds",
            fx.url(),
            "--pki",
            first.toString(),
            "--renew-at",
            "0",
            "--once",
            "--poll-initial",
            "100ms",
            "--poll-max",
            "500ms");
    assertThat(renewed).as("%s%s", rout, rerr).isZero();
    assertThat(rout.toString()).contains("reached its renewal point").contains("found application");
    X509Certificate after = GdsFixture.ownCertificate(first);
    assertThat(after).isNotEqualTo(before);
    assertThat(after.getPublicKey())
        .as("a CSR renewal makes a new key")
        .isNotEqualTo(before.getPublicKey());
    GdsFixture.assertInstalled(first, CertificateUtil.getSanUri(after).orElseThrow());
  }

  @Test
  void inModeBothEachDevicePullsItsCertificateThenServesPushWithIt() throws Exception {
    int base = freeRange(2);
    Path dir = tmp.resolve("both");
    StringWriter out = new StringWriter();
    var cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    var parsed =
        cl.parseArgs(
            "fleet",
            "--mode",
            "both",
            "--count",
            "2",
            "--base-port",
            String.valueOf(base),
            "--dir",
            dir.toString(),
            "--gds",
            fx.url(),
            "--user",
            REQUESTER,
            "--password-file",
            fx.passwordFile.toString(),
            "--poll-initial",
            "100ms",
            "--poll-max",
            "500ms");
    Main.FleetCommand fleet = (Main.FleetCommand) parsed.subcommand().commandSpec().userObject();
    try (Main.FleetCommand.Running running = fleet.start()) {
      assertThat(running.exitCode()).as(out.toString()).isZero();
      assertThat(running.pushTargets().devices()).hasSize(2);
      for (int i = 0; i < 2; i++) {
        int port = base + i;
        Path pki = dir.resolve("device-" + port);
        String uri = "urn:gdsvault:device-sim:127.0.0.1:" + port;
        GdsFixture.assertInstalled(pki, uri);
        // the endpoint presents the certificate the GDS issued
        List<EndpointDescription> endpoints =
            DiscoveryClient.getEndpoints("opc.tcp://127.0.0.1:" + port + "/device-sim")
                .get(30, TimeUnit.SECONDS);
        X509Certificate served =
            org.eclipse.milo.opcua.stack.core.util.CertificateUtil.decodeCertificate(
                endpoints.get(0).getServerCertificate().bytesOrEmpty());
        assertThat(served).isEqualTo(GdsFixture.ownCertificate(pki));
        assertThat(PullClient.isSelfSigned(served)).isFalse();
      }
      // registered as ClientAndServer applications with their endpoint as DiscoveryUrl
      GdsFixture.Cli apps = fx.gdsCli(REQUESTER, "apps", "list", "--json");
      assertThat(apps.code()).as(apps.err()).isZero();
      JsonNode rows = new ObjectMapper().readTree(apps.out());
      String listed = rows.toString();
      assertThat(listed).contains("urn:gdsvault:device-sim:127.0.0.1:" + base);
      assertThat(listed)
          .contains("opc.tcp://127.0.0.1:" + base + "/device-sim")
          .contains("CLIENT_AND_SERVER");
    }
  }

  private static int freeRange(int n) throws Exception {
    for (int attempt = 0; attempt < 20; attempt++) {
      int base;
      try (var s = new ServerSocket(0)) {
        base = s.getLocalPort();
      }
      if (base + n > 65535) {
        continue;
      }
      boolean free = true;
      for (int i = 1; i < n && free; i++) {
        try (var s = new ServerSocket(base + i)) {
          free = true;
        } catch (Exception e) {
          free = false;
        }
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("no free port range");
  }
}
