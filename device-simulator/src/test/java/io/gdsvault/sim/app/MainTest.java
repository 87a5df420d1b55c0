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
    assertThat(Main.run("push-target", "--port", "70000", "--pki", tmp.resolve("pki").toString(),
        "--admin-user", "admin", "--admin-password-file", pw.toString())).isEqualTo(2);
  }

  @Test
  void anEmptyOrMissingPasswordFileIsAFailure() throws Exception {
    Path empty = Files.writeString(tmp.resolve("empty"), "\n");
    assertThat(Main.run("push-target", "--port", "4840", "--pki", tmp.resolve("pki").toString(),
        "--admin-user", "admin", "--admin-password-file", empty.toString())).isEqualTo(1);
    assertThat(Main.run("push-target", "--port", "4840", "--pki", tmp.resolve("pki").toString(),
        "--admin-user", "admin", "--admin-password-file", tmp.resolve("missing").toString())).isEqualTo(1);
  }

  // Pull mode is not built yet: the fleet says so clearly instead of pretending.
  @Test
  void fleetPullAndBothModesAreReportedAsNotYetAvailable() {
    assertThat(Main.run("fleet", "--count", "2", "--base-port", "41000", "--dir", tmp.toString(), "--mode", "pull")).isEqualTo(1);
    assertThat(Main.run("fleet", "--count", "2", "--base-port", "41000", "--dir", tmp.toString(), "--mode", "both")).isEqualTo(1);
    assertThat(Main.run("fleet", "--count", "2", "--base-port", "41000", "--dir", tmp.toString(), "--mode", "bogus")).isEqualTo(2);
  }
}
