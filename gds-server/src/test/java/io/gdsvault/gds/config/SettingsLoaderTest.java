package io.gdsvault.gds.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdsvault.gds.config.GdsSettings.ClientCertificateMode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

  @TempDir Path dir;

  @Test
  void theEmbeddedDefaultsAreTheDocumentedOnes() {
    GdsSettings s = SettingsLoader.defaults();
    assertThat(s.server().bind()).isEqualTo("127.0.0.1");
    assertThat(s.server().port()).isEqualTo(58810);
    assertThat(s.server().path()).isEqualTo("/GDS");
    assertThat(s.security().clientCertificates()).isEqualTo(ClientCertificateMode.ONBOARDING);
    assertThat(s.security().passwordHashIterations()).isGreaterThanOrEqualTo(210_000);
    assertThat(s.limits().maxSessions()).isGreaterThan(100);
  }

  @Test
  void aFileOverridesOnlyTheKeysItNames() throws Exception {
    Path f = dir.resolve("gds.yaml");
    Files.writeString(f, "server:\n  port: 4840\nsecurity:\n  clientCertificates: STRICT\n");
    GdsSettings s = SettingsLoader.load(f, t -> {});
    assertThat(s.server().port()).isEqualTo(4840);
    assertThat(s.server().bind()).isEqualTo("127.0.0.1");
    assertThat(s.security().clientCertificates()).isEqualTo(ClientCertificateMode.STRICT);
  }

  // a group's issuance policy is overridden key by key; bad names and patterns are named
  @Test
  void theIssuancePolicyIsPerGroupAndCheckedWhenLoaded() throws Exception {
    GdsSettings defaults = SettingsLoader.defaults();
    var policy = defaults.certificates().issuancePolicy();
    assertThat(policy)
        .containsOnlyKeys("DefaultApplicationGroup", "DefaultHttpsGroup", "DefaultUserTokenGroup");
    assertThat(policy.get("DefaultHttpsGroup").allowedNames()).isEmpty();
    assertThat(policy.get("DefaultUserTokenGroup").refusedCommonNames()).contains("admin");

    Path f = dir.resolve("policy.yaml");
    Files.writeString(
        f,
        """
        certificates:
          issuancePolicy:
            DefaultHttpsGroup:
              allowWildcards: true
              allowedNames: ['*.hmi.example', 10.0.0.0/8]
        """);
    var https = SettingsLoader.load(f, t -> {}).certificates().issuancePolicy();
    assertThat(https.get("DefaultHttpsGroup").allowWildcards()).isTrue();
    assertThat(https.get("DefaultHttpsGroup").allowedNames())
        .containsExactly("*.hmi.example", "10.0.0.0/8");
    assertThat(https.get("DefaultUserTokenGroup").refusedCommonNames()).contains("admin");

    Path bad = dir.resolve("bad-policy.yaml");
    Files.writeString(
        bad,
        """
        certificates:
          issuancePolicy:
            DefaultApplicationGroup:
              allowedNames: ['bad name']
              subjectPattern: '(['
        """);
    assertThatThrownBy(() -> SettingsLoader.load(bad, t -> {}))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("issuancePolicy.DefaultApplicationGroup.allowedNames: 'bad name'")
        .hasMessageContaining("subjectPattern is not a regular expression");
  }

  @Test
  void unknownKeysAndInvalidValuesAreReportedByName() throws Exception {
    Path typo = dir.resolve("typo.yaml");
    Files.writeString(typo, "server:\n  prot: 4840\n");
    assertThatThrownBy(() -> SettingsLoader.load(typo, t -> {}))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("server.prot");

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "server:\n  port: 70000\nsecurity:\n  passwordHashIterations: 10\n");
    assertThatThrownBy(() -> SettingsLoader.load(bad, t -> {}))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("server.port")
        .hasMessageContaining("passwordHashIterations");

    Path notYaml = dir.resolve("broken.yaml");
    Files.writeString(notYaml, "server: [unclosed\n");
    assertThatThrownBy(() -> SettingsLoader.load(notYaml, t -> {}))
        .isInstanceOf(SettingsException.class);
    assertThatThrownBy(() -> SettingsLoader.load(dir.resolve("missing.yaml"), t -> {}))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("not found");
  }

  @Test
  void theServerHostnameMustBeADnsNameOrAnIpAddress() throws Exception {
    // it goes into the endpoint URL and the server certificate's subjectAltName
    for (String ok : new String[] {"gds.plant.example", "10.0.0.5", "fe80::1"}) {
      Path f = dir.resolve("ok.yaml");
      Files.writeString(f, "server:\n  hostname: \"" + ok + "\"\n");
      assertThat(SettingsLoader.load(f, t -> {}).server().hostname()).isEqualTo(ok);
    }
    for (String bad : new String[] {"gds_1.plant", "*.plant.example", "gds plant", "999.0.0.1"}) {
      Path f = dir.resolve("bad-host.yaml");
      Files.writeString(f, "server:\n  hostname: \"" + bad + "\"\n");
      assertThatThrownBy(() -> SettingsLoader.load(f, t -> {}))
          .isInstanceOf(SettingsException.class)
          .hasMessageContaining("server.hostname must be a DNS name or an IP address");
    }
  }

  @Test
  void theFinishRequestGracePeriodDefaultsToTenMinutesAndIsBounded() throws Exception {
    // a lost FinishRequest reply may be repeated within this time; 0 turns repeats off
    assertThat(SettingsLoader.defaults().certificates().finishRequestGraceMinutes()).isEqualTo(10);
    Path off = dir.resolve("off.yaml");
    Files.writeString(off, "certificates:\n  finishRequestGraceMinutes: 0\n");
    assertThat(SettingsLoader.load(off, t -> {}).certificates().finishRequestGraceMinutes())
        .isZero();
    Path bad = dir.resolve("grace.yaml");
    Files.writeString(bad, "certificates:\n  finishRequestGraceMinutes: -1\n");
    assertThatThrownBy(() -> SettingsLoader.load(bad, t -> {}))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("finishRequestGraceMinutes");
  }

  @Test
  void theShippedConfigFilesLoad() {
    // config/gds.yaml and the production example must stay valid
    Path root = Path.of("").toAbsolutePath().getParent().resolve("config");
    assertThat(SettingsLoader.load(root.resolve("gds.yaml"), t -> {}).server().port())
        .isEqualTo(58810);
    assertThat(
            SettingsLoader.load(root.resolve("gds.yaml"), t -> {})
                .certificates()
                .finishRequestGraceMinutes())
        .isEqualTo(10);
    GdsSettings prod = SettingsLoader.load(root.resolve("gds.production.example.yaml"), t -> {});
    assertThat(prod.security().clientCertificates()).isEqualTo(ClientCertificateMode.STRICT);
  }
}
