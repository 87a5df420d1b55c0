package io.gdsvault.gds.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdsvault.gds.config.SettingsException;
import io.gdsvault.gds.config.SettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code push} section of gds.yaml, read by the normal settings loader into {@link
 * PushSettings}.
 */
class PushSettingsConfigTest {

  @TempDir Path dir;

  @Test
  void theEmbeddedDefaultsAreTheEnginesDefaults() {
    PushSettings fromYaml = PushSettings.of(SettingsLoader.defaults().push());
    PushSettings builtIn = PushSettings.defaults();
    assertThat(fromYaml.maxConcurrentPushes())
        .isEqualTo(builtIn.maxConcurrentPushes())
        .isEqualTo(8);
    assertThat(fromYaml.maxAttempts()).isEqualTo(builtIn.maxAttempts());
    assertThat(fromYaml.retryBase()).isEqualTo(builtIn.retryBase());
    assertThat(fromYaml.retryMax()).isEqualTo(builtIn.retryMax());
    assertThat(fromYaml.lease()).isEqualTo(builtIn.lease());
    assertThat(fromYaml.poll()).isEqualTo(builtIn.poll());
    assertThat(fromYaml.renewalScan()).isEqualTo(builtIn.renewalScan());
    assertThat(fromYaml.verifyTimeout()).isEqualTo(builtIn.verifyTimeout());
    assertThat(fromYaml.allowedEndpoints()).isEqualTo(builtIn.allowedEndpoints()).isEmpty();
    assertThat(fromYaml.renewAfterShare())
        .isCloseTo(builtIn.renewAfterShare(), org.assertj.core.data.Offset.offset(1e-3));
  }

  @Test
  void aFileSetsEveryPushKey() throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("gds.yaml"),
            """
            push:
              renewAfterShare: 0.5
              maxConcurrentPushes: 3
              maxAttempts: 9
              retryBaseMs: 250
              retryMaxMs: 4000
              leaseMs: 5000
              pollMs: 100
              renewalScanMs: 60000
              verifyTimeoutMs: 15000
              allowedEndpoints: ["10.0.0.5:4840", "opc.tcp://[fd00::5]:48010/ua"]
            """);
    PushSettings s = PushSettings.of(SettingsLoader.load(f, t -> {}).push());
    assertThat(s.allowedEndpoints())
        .containsExactly("10.0.0.5:4840", "opc.tcp://[fd00::5]:48010/ua");
    assertThat(s.renewAfterShare()).isEqualTo(0.5);
    assertThat(s.maxConcurrentPushes()).isEqualTo(3);
    assertThat(s.maxAttempts()).isEqualTo(9);
    assertThat(s.retryBase()).isEqualTo(Duration.ofMillis(250));
    assertThat(s.retryMax()).isEqualTo(Duration.ofSeconds(4));
    assertThat(s.lease()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.poll()).isEqualTo(Duration.ofMillis(100));
    assertThat(s.renewalScan()).isEqualTo(Duration.ofMinutes(1));
    assertThat(s.verifyTimeout()).isEqualTo(Duration.ofSeconds(15));
    // the backoff follows the configured base and cap
    assertThat(s.backoff(1)).isEqualTo(Duration.ofMillis(250));
    assertThat(s.backoff(3)).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.backoff(20)).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void badPushValuesAndUnknownPushKeysAreReportedByName() throws Exception {
    Path bad =
        Files.writeString(
            dir.resolve("bad.yaml"),
            """
            push:
              renewAfterShare: 1.5
              maxConcurrentPushes: 0
              retryBaseMs: 1000
              retryMaxMs: 10
              leaseMs: 10
              allowedEndpoints: ["http://x:1", "no-port"]
            """);
    assertThatThrownBy(() -> SettingsLoader.load(bad, t -> {}))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("push.renewAfterShare")
        .hasMessageContaining("push.maxConcurrentPushes")
        .hasMessageContaining("push.retryMaxMs")
        .hasMessageContaining("push.leaseMs")
        .hasMessageContaining("push.allowedEndpoints: 'http://x:1'")
        .hasMessageContaining("push.allowedEndpoints: 'no-port'");
    Path typo = Files.writeString(dir.resolve("typo.yaml"), "push:\n  renewAfterShar: 0.5\n");
    assertThatThrownBy(() -> SettingsLoader.load(typo, t -> {}))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("push.renewAfterShar");
  }

  @Test
  void theShippedConfigFilesCarryAValidPushSection() {
    Path root = Path.of("").toAbsolutePath().getParent().resolve("config");
    PushSettings dev =
        PushSettings.of(SettingsLoader.load(root.resolve("gds.yaml"), t -> {}).push());
    assertThat(dev.maxConcurrentPushes()).isEqualTo(8);
    assertThat(dev.renewAfterShare())
        .isCloseTo(2.0 / 3.0, org.assertj.core.data.Offset.offset(1e-3));
    PushSettings prod =
        PushSettings.of(
            SettingsLoader.load(root.resolve("gds.production.example.yaml"), t -> {}).push());
    assertThat(prod.maxConcurrentPushes()).isEqualTo(16);
    assertThat(prod.verifyTimeout()).isEqualTo(Duration.ofMinutes(1));
  }
}
