package io.gdsvault.gds.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.app.Main;
import io.gdsvault.gds.config.SettingsLoader;
import io.gdsvault.gds.testing.GdsTestServer;
import io.gdsvault.gds.testing.TestClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Backup and restore: an online backup of a serving GDS, restored into a fresh data directory,
 * starts as a GDS that still knows the pending request, its CA and its users; the request is
 * approved and finished there, and the certificate chains to the restored CA.
 */
class BackupRestoreIT extends PullSupport {

  private static Path home;
  private static Path adminPw;

  record Result(int code, String out, String err) {}

  @BeforeAll
  static void cliHome() throws Exception {
    home = Files.createTempDirectory("gds-backup-home-");
    adminPw = home.resolve("admin-pw");
    Files.writeString(adminPw, gds.adminPassword() + "\n");
    AuditTrailIT.setEnv(Map.of("GDS_CLI_HOME", home.toString())::get);
  }

  @AfterAll
  static void resetEnv() throws Exception {
    AuditTrailIT.setEnv(System::getenv);
  }

  static Result cli(boolean asAdmin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> a = new ArrayList<>(List.of(args));
    if (asAdmin) {
      a.addAll(
          List.of(
              "--url",
              gds.endpointUrl(),
              "--user",
              "admin",
              "--password-file",
              adminPw.toString()));
    }
    int code = Main.run(a.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void aRestoredBackupServesAndFinishesARequestThatWasPendingAtBackupTime() throws Exception {
    Device d = device("backed-up");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    NodeId pending;
    try {
      pending = requestId(startSigning(device, d.applicationId(), csr(rsa(), d.uri())));
    } finally {
      TestClients.disconnect(device);
    }

    Path work = Files.createTempDirectory("gds-backup-");
    Path archive = work.resolve("gds.backup");
    Result backup = cli(true, "backup", archive.toString());
    assertThat(backup.code()).as(backup.err()).isZero();
    assertThat(archive).isRegularFile();
    // the same FILE twice is a usage error, nothing is overwritten
    assertThat(cli(true, "backup", archive.toString()).code()).isEqualTo(2);

    // a non-empty data directory is refused and left as it was
    Path busy = Files.createDirectories(work.resolve("busy"));
    Files.writeString(busy.resolve("keep.txt"), "x");
    Result refused = cli(false, "restore", archive.toString(), "--data", busy.toString());
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("not empty");
    try (var s = Files.list(busy)) {
      assertThat(s.toList()).containsExactly(busy.resolve("keep.txt"));
    }

    Path fresh = work.resolve("restored");
    Result restored = cli(false, "restore", archive.toString(), "--data", fresh.toString());
    assertThat(restored.code()).as(restored.err()).isZero();
    assertThat(fresh.resolve("db").resolve("gds.mv.db")).isRegularFile();
    assertThat(
            SettingsLoader.load(fresh.resolve("config").resolve("gds.yaml"), t -> {})
                .certificates()
                .rsaKeyBits())
        .isEqualTo(gds.app().certificates() == null ? 0 : 2048);

    try (GdsTestServer copy = GdsTestServer.start(fresh, t -> {})) {
      assertThat(copy.app().firstStart()).as("users came along: no new admin").isFalse();
      assertThat(copy.app().auditTrail().verify().intact()).isTrue();
      OpcUaClient approver =
          TestClients.connect(
              copy,
              SecurityPolicy.Basic256Sha256,
              MessageSecurityMode.SignAndEncrypt,
              new UsernameProvider(APPROVER, PASSWORD),
              selfSigned("urn:it:approver", rsa()));
      OpcUaClient again =
          TestClients.connect(
              copy,
              SecurityPolicy.Basic256Sha256,
              MessageSecurityMode.SignAndEncrypt,
              new UsernameProvider(REQUESTER, PASSWORD),
              d.identity());
      try {
        assertThat(
                approve(approver, pending, "approved on the restored GDS").getStatusCode().isGood())
            .isTrue();
        CallMethodResult done = finishWhenReady(again, d.applicationId(), pending);
        assertThat(done.getStatusCode().isGood()).as("finish %s", done.getStatusCode()).isTrue();
        validate(
            x509(bytes(done.getOutputArguments()[0])), readTrustList(again, d.applicationId()));
        // the restored CA is the original one
        assertThat(readTrustList(again, d.applicationId()).getTrustedCertificates())
            .isEqualTo(readTrustList(admin, d.applicationId()).getTrustedCertificates());
      } finally {
        TestClients.disconnect(approver, again);
      }
    } finally {
      GdsTestServer.deleteTree(work);
    }
  }
}
