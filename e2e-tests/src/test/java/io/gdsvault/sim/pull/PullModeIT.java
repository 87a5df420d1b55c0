package io.gdsvault.sim.pull;

import static io.gdsvault.sim.pull.GdsFixture.APPROVER;
import static io.gdsvault.sim.pull.GdsFixture.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.model.x509.Certificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pull mode against the real GDS: the simulator requests, says it waits, an operator approves
 * through {@code ./gds requests approve} (a RegistrationAuthorityAdmin other than the requester),
 * and the simulator installs certificate, key, CA and CRL and reconnects with the new certificate
 * (Part 12 §7.9).
 */
class PullModeIT {

  private static GdsFixture fx;

  @TempDir Path tmp;

  @BeforeAll
  static void startGds() throws Exception {
    fx = new GdsFixture(tree -> {});
  }

  @AfterAll
  static void stopGds() throws Exception {
    if (fx != null) {
      fx.close();
    }
  }

  private GdsFixture.Sim pull(Path pki, String uri, String... extra) {
    var args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "pull",
                "--gds",
                fx.url(),
                "--pki",
                pki.toString(),
                "--user",
                REQUESTER,
                "--password-file",
                fx.passwordFile.toString(),
                "--application-uri",
                uri,
                "--name",
                "pull it device",
                "--poll-initial",
                "100ms",
                "--poll-max",
                "400ms",
                "--once"));
    java.util.Collections.addAll(args, extra);
    return fx.deviceSim(args.toArray(String[]::new));
  }

  private static String uri(String name) {
    return "urn:gdsvault:it:" + name + ":" + UUID.randomUUID();
  }

  @Test
  void aSigningRequestWaitsForApprovalGivenWithTheGdsCliThenInstallsAndReconnects()
      throws Exception {
    Path pki = tmp.resolve("csr-device");
    String uri = uri("csr");
    GdsFixture.Sim sim = pull(pki, uri);

    String requestId = fx.awaitNewRequest(uri, sim);
    GdsFixture.awaitOutput(sim, "is waiting for approval");
    // several polls while nobody approves, still one line (a deliberate pause that lets the
    // simulator poll a few times, not a wait for a condition)
    Thread.sleep(1200);
    assertThat(sim.exit().isDone()).as("still waiting").isFalse();

    GdsFixture.Cli approve =
        fx.gdsCli(APPROVER, "requests", "approve", requestId, "--comment", "device seen on site");
    assertThat(approve.code()).as(approve.err()).isZero();
    assertThat(sim.await()).as("exit code; stderr: %s", sim.err()).isZero();

    String out = sim.out().toString();
    assertThat(out).contains("registered application " + uri);
    assertThat(out).contains("request " + requestId + " submitted (signing request)");
    assertThat(out.split("is waiting for approval", -1)).as("one line per state change").hasSize(2);
    assertThat(out).contains("request " + requestId + " approved");
    assertThat(out).contains("installed certificate");
    assertThat(out).contains("reconnected to the GDS with the new certificate");
    assertThat(out + sim.err()).doesNotContain("PRIVATE KEY").doesNotContain(GdsFixture.PASSWORD);

    GdsFixture.assertInstalled(pki, uri);
    assertThat(fx.requestState(requestId)).isEqualTo("accepted");

    // the installed certificate is the one the GDS issued for this request
    GdsFixture.Cli certs = fx.gdsCli(REQUESTER, "certs", "list", "--json");
    assertThat(certs.code()).as(certs.err()).isZero();
    assertThat(certs.out())
        .containsIgnoringCase(Certificates.thumbprint(GdsFixture.ownCertificate(pki)));

    // --once again: not due yet, nothing to do, nothing changes
    X509Certificate before = GdsFixture.ownCertificate(pki);
    GdsFixture.Sim again = pull(pki, uri);
    assertThat(again.await()).as(again.err().toString()).isZero();
    assertThat(again.out().toString()).contains("nothing to do");
    assertThat(GdsFixture.ownCertificate(pki)).isEqualTo(before);
  }

  @ParameterizedTest(name = "new key pair as {0}")
  @ValueSource(strings = {"pem", "pfx"})
  void aNewKeyPairMadeByTheGdsIsOpenedWithItsOneTimePasswordAndInstalled(String format)
      throws Exception {
    Path pki = tmp.resolve("nkp-" + format);
    String uri = uri("nkp-" + format);
    GdsFixture.Sim sim = pull(pki, uri, "--new-key-pair", format);

    String requestId = fx.awaitNewRequest(uri, sim);
    GdsFixture.awaitOutput(sim, "is waiting for approval");
    GdsFixture.Cli approve = fx.gdsCli(APPROVER, "requests", "approve", requestId);
    assertThat(approve.code()).as(approve.err()).isZero();
    assertThat(sim.await()).as("exit code; stderr: %s", sim.err()).isZero();

    String out = sim.out().toString();
    assertThat(out).contains("new key pair, " + format.toUpperCase(java.util.Locale.ROOT));
    assertThat(out).contains("reconnected to the GDS with the new certificate");
    assertThat(out + sim.err()).doesNotContain("PRIVATE KEY");
    GdsFixture.assertInstalled(pki, uri);
    // the bootstrap key is gone: the key in own/private is the one the GDS made for the new
    // certificate
    assertThat(Files.readString(pki.resolve("own/private/application.pem")))
        .doesNotContain("ENCRYPTED");
    assertThat(fx.requestState(requestId)).isEqualTo("accepted");
  }

  @Test
  void aRejectedRequestEndsWithExitCodeOneAndAClearMessageAndInstallsNothing() throws Exception {
    Path pki = tmp.resolve("rejected-device");
    String uri = uri("rejected");
    GdsFixture.Sim sim = pull(pki, uri);

    String requestId = fx.awaitNewRequest(uri, sim);
    GdsFixture.Cli reject =
        fx.gdsCli(APPROVER, "requests", "reject", requestId, "--reason", "unknown device");
    assertThat(reject.code()).as(reject.err()).isZero();

    assertThat(sim.await()).isEqualTo(1);
    assertThat(sim.err().toString())
        .contains("request " + requestId + " was rejected")
        .contains("Bad_RequestNotAllowed");
    // only the self-signed bootstrap certificate, and no CA from the GDS
    assertThat(PullClient.isSelfSigned(GdsFixture.ownCertificate(pki))).isTrue();
    try (var s = Files.list(pki.resolve("trusted/certs"))) {
      assertThat(s.count()).isZero();
    }
  }

  @Test
  void withoutAUserADeviceWithoutAGdsCertificateIsRefusedWithAHint() throws Exception {
    Path pki = tmp.resolve("anonymous-device");
    GdsFixture.Sim sim = fx.deviceSim("pull", "--gds", fx.url(), "--pki", pki.toString(), "--once");
    assertThat(sim.await()).isEqualTo(1);
    assertThat(sim.err().toString()).contains("Bad_UserAccessDenied").contains("DiscoveryAdmin");
  }

  @Test
  void aWrongPasswordIsReportedAsARefusedLoginWithoutThePassword() throws Exception {
    Path wrong = Files.writeString(tmp.resolve("wrong"), "not the password\n");
    GdsFixture.Sim sim =
        fx.deviceSim(
            "pull",
            "--gds",
            fx.url(),
            "--pki",
            tmp.resolve("wrong-pw").toString(),
            "--user",
            REQUESTER,
            "--password-file",
            wrong.toString(),
            "--once");
    assertThat(sim.await()).isEqualTo(1);
    assertThat(sim.err().toString())
        .contains("refused the login of user '" + REQUESTER + "'")
        .doesNotContain("not the password");
  }

  // approval can take days: a device restarted meanwhile polls the same request, not a second one
  @Test
  void aDeviceRestartedWhileWaitingResumesTheSameSigningRequest() throws Exception {
    Path pki = tmp.resolve("restarted-device");
    String uri = uri("restarted");
    GdsFixture.Sim first = pull(pki, uri);
    String requestId = fx.awaitNewRequest(uri, first);
    GdsFixture.awaitOutput(first, "is waiting for approval");
    first.exit().cancel(true);
    assertThat(Files.exists(pki.resolve("pull-pending.properties"))).isTrue();

    GdsFixture.Sim second = pull(pki, uri);
    GdsFixture.awaitOutput(second, "resuming request " + requestId);
    GdsFixture.awaitOutput(second, "is waiting for approval");
    GdsFixture.Cli approve = fx.gdsCli(APPROVER, "requests", "approve", requestId);
    assertThat(approve.code()).as(approve.err()).isZero();
    assertThat(second.await()).as("exit code; stderr: %s", second.err()).isZero();

    GdsFixture.assertInstalled(pki, uri);
    assertThat(second.out().toString()).doesNotContain("submitted");
    assertThat(fx.requestState(requestId)).isEqualTo("accepted");
    GdsFixture.Cli all = fx.gdsCli(APPROVER, "requests", "list", "--json");
    assertThat(all.out().split(java.util.regex.Pattern.quote(uri), -1))
        .as("one request for the device")
        .hasSize(2);
    assertThat(Files.exists(pki.resolve("pull-pending.properties"))).isFalse();
    assertThat(Files.exists(pki.resolve("own/private/pending.pem"))).isFalse();
  }

  @Test
  void anApprovalTimeoutGivesUpWithExitCodeOneAndForgetsTheRequest() throws Exception {
    Path pki = tmp.resolve("impatient-device");
    GdsFixture.Sim sim = pull(pki, uri("impatient"), "--approval-timeout", "1s");
    assertThat(sim.await()).isEqualTo(1);
    assertThat(sim.err().toString()).contains("gave up waiting for approval");
    assertThat(Files.exists(pki.resolve("pull-pending.properties"))).isFalse();
    assertThat(PullClient.isSelfSigned(GdsFixture.ownCertificate(pki))).isTrue();
  }
}
