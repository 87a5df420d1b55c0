package io.gdsvault.ca;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.signer.SecretResolver;
import io.gdsvault.signer.local.LocalKeyStoreBackend;
import io.gdsvault.signer.local.LocalSignerSettings;
import io.gdsvault.testing.MutableClock;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issued certificates keep the Part 6 §6.2.2 profile: rendered as sorted text and compared with
 * src/test/resources/golden/. Regenerate deliberately with {@code -Dgolden.update=true}.
 */
class GoldenProfileTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "RSA_SHA256, CLIENT_AND_SERVER, rsa-client-and-server.txt",
    "RSA_SHA256, CLIENT, rsa-client.txt",
    "ECC_NIST_P256, SERVER, p256-server.txt",
    "ECC_NIST_P384, CLIENT_AND_SERVER, p384-client-and-server.txt"
  })
  void issuedCertificateMatchesTheGoldenProfile(
      CertificateType type, ApplicationType appType, String golden) throws Exception {
    var backend =
        LocalKeyStoreBackend.open(
            new LocalSignerSettings(dir.resolve("keys"), null, null),
            new SecretResolver(n -> null));
    CertificateAuthority ca =
        CertificateAuthority.open(
            CaConfig.defaults("GoldenGroup", type, null),
            backend,
            new InMemoryCaStateStore(),
            new MutableClock(Instant.parse("2026-06-01T12:00:00Z")));
    KeyPair key =
        switch (type) {
          case RSA_SHA256 -> TestCsrs.rsa(2048);
          case ECC_NIST_P256 -> TestCsrs.ec("secp256r1");
          case ECC_NIST_P384 -> TestCsrs.ec("secp384r1");
        };
    String uri = "urn:golden-host:acme:pump";
    IssuedCertificate issued =
        ca.issue(
            TestCsrs.csr(key, "CN=ignored", uri, List.of("csr-only.example"), List.of()),
            new IssuanceRequest(
                uri,
                "CN=Pump, O=Acme, DC=golden-host",
                List.of("golden-host", "golden-host.acme.example"),
                List.of("10.0.0.7", "fd00::7"),
                appType));
    String actual =
        CertificateProfileRenderer.render(issued.certificate(), ca.currentCaCertificate());

    Path source = Path.of("src/test/resources/golden", golden);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(source, actual);
    }
    try (InputStream in = getClass().getResourceAsStream("/golden/" + golden)) {
      assertThat(in).as("golden file %s exists", golden).isNotNull();
      assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
