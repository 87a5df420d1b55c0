package io.gdsvault.sim.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes of the command line contract: 0 ok, 1 failure, 2 usage. */
class MainTest {

  @TempDir Path tmp;

  @Test
  void missingRequiredOptionsAreAUsageError() {
    assertThat(Main.run("push-target", "--port", "4840")).isEqualTo(2);
    assertThat(Main.run("fleet", "--count", "3")).isEqualTo(2);
    assertThat(Main.run("no-such-command")).isEqualTo(2);
    assertThat(Main.run()).isEqualTo(2);
  }

  @Test
  void anOutOfRangePortIsAUsageError() throws Exception {
    Path pw = Files.writeString(tmp.resolve("pw"), "secret\n");
    assertThat(
            Main.run(
                "push-target",
                "--port",
                "70000",
                "--pki",
                tmp.resolve("pki").toString(),
                "--admin-user",
                "admin",
                "--admin-password-file",
                pw.toString()))
        .isEqualTo(2);
  }

  @Test
  void anEmptyOrMissingPasswordFileIsAFailure() throws Exception {
    Path empty = Files.writeString(tmp.resolve("empty"), "\n");
    assertThat(
            Main.run(
                "push-target",
                "--port",
                "4840",
                "--pki",
                tmp.resolve("pki").toString(),
                "--admin-user",
                "admin",
                "--admin-password-file",
                empty.toString()))
        .isEqualTo(1);
    assertThat(
            Main.run(
                "push-target",
                "--port",
                "4840",
                "--pki",
                tmp.resolve("pki").toString(),
                "--admin-user",
                "admin",
                "--admin-password-file",
                tmp.resolve("missing").toString()))
        .isEqualTo(1);
  }

  // pull settings that cannot work are refused before anything is created or contacted
  @Test
  void pullAndFleetPullUsageMistakesAreUsageErrors() throws Exception {
    Path pw = Files.writeString(tmp.resolve("pw"), "secret\n");
    String pki = tmp.resolve("pki").toString();
    String gds = "opc.tcp://127.0.0.1:1/GDS";
    assertThat(Main.run("pull", "--pki", pki)).isEqualTo(2);
    assertThat(Main.run("pull", "--gds", gds)).isEqualTo(2);
    assertThat(Main.run("pull", "--gds", gds, "--pki", pki, "--new-key-pair", "der")).isEqualTo(2);
    assertThat(Main.run("pull", "--gds", gds, "--pki", pki, "--user", "u")).isEqualTo(2);
    assertThat(Main.run("pull", "--gds", gds, "--pki", pki, "--password-file", pw.toString()))
        .isEqualTo(2);
    assertThat(Main.run("pull", "--gds", gds, "--pki", pki, "--renew-at", "1.5")).isEqualTo(2);
    assertThat(Main.run("pull", "--gds", gds, "--pki", pki, "--hostname", "plc_7")).isEqualTo(2);
    assertThat(Main.run("pull", "--gds", gds, "--pki", pki, "--hostname", "*.plant.example"))
        .isEqualTo(2);
    assertThat(
            Main.run(
                "pull", "--gds", gds, "--pki", pki, "--poll-initial", "5s", "--poll-max", "1s"))
        .isEqualTo(2);
    assertThat(Main.run("pull", "--gds", gds, "--pki", pki, "--poll-max", "soon")).isEqualTo(2);
    assertThat(Main.run("fleet", "--count", "2", "--dir", tmp.toString(), "--mode", "pull"))
        .isEqualTo(2);
    assertThat(
            Main.run(
                "fleet", "--count", "2", "--dir", tmp.toString(), "--mode", "both", "--gds", gds))
        .isEqualTo(2);
    assertThat(
            Main.run(
                "fleet",
                "--count",
                "2",
                "--base-port",
                "41000",
                "--dir",
                tmp.toString(),
                "--mode",
                "bogus"))
        .isEqualTo(2);
    assertThat(Files.exists(tmp.resolve("pki"))).isFalse();
  }

  @Test
  void durationsAcceptUnitsAndIso() {
    assertThat(Main.parseDuration("500ms")).isEqualTo(java.time.Duration.ofMillis(500));
    assertThat(Main.parseDuration("2s")).isEqualTo(java.time.Duration.ofSeconds(2));
    assertThat(Main.parseDuration("5m")).isEqualTo(java.time.Duration.ofMinutes(5));
    assertThat(Main.parseDuration("PT1H")).isEqualTo(java.time.Duration.ofHours(1));
  }

  // nothing listens on port 1: a clear failure (exit 1), not a hang or a crash
  @Test
  void pullWithAnUnreachableGdsFailsWithExitCodeOne() {
    var out = new java.io.StringWriter();
    var err = new java.io.StringWriter();
    int code =
        Main.run(
            new java.io.PrintWriter(out),
            new java.io.PrintWriter(err),
            "pull",
            "--gds",
            "opc.tcp://127.0.0.1:1/GDS",
            "--pki",
            tmp.resolve("dev").toString(),
            "--once");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("cannot connect to the GDS");
  }
}
