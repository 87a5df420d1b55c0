package io.gdsvault.gds.model.ua.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdsvault.gds.model.x509.Certificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinnedServerValidatorTest {

  private static final String URL = "opc.tcp://gds.plant.example:58810/GDS";
  private static final String[] NO_HOSTS = new String[0];

  private static X509Certificate server;
  private static X509Certificate impostor;

  @TempDir Path dir;

  @BeforeAll
  static void certificates() throws Exception {
    server = selfSigned("urn:gds");
    impostor = selfSigned("urn:impostor");
  }

  @Test
  void theFirstCertificateIsPinnedAndReported() throws Exception {
    // trust on first use, like SSH's known_hosts
    Path file = dir.resolve("pins.properties");
    List<String> told = new ArrayList<>();
    var v = PinnedServerValidator.pinnedIn(file, URL, "pins", told::add);
    v.validateCertificateChain(List.of(server), "urn:gds", NO_HOSTS);
    assertThat(told).containsExactly(Certificates.thumbprint(server));
    Properties p = new Properties();
    try (var in = Files.newInputStream(file)) {
      p.load(in);
    }
    assertThat(p.getProperty(URL)).isEqualTo(Certificates.thumbprint(server));
    assertThat(Files.readString(file)).startsWith("#pins");
  }

  @Test
  void thePinnedCertificateIsAcceptedAgainWithoutANewNote() throws Exception {
    Path file = dir.resolve("pins.properties");
    PinnedServerValidator.pinnedIn(file, URL, "pins", t -> {})
        .validateCertificateChain(List.of(server), "urn:gds", NO_HOSTS);
    List<String> told = new ArrayList<>();
    PinnedServerValidator.pinnedIn(file, URL, "pins", told::add)
        .validateCertificateChain(List.of(server), "urn:gds", NO_HOSTS);
    assertThat(told).isEmpty();
  }

  @Test
  void aChangedCertificateIsUntrustedAndThePinStays() throws Exception {
    Path file = dir.resolve("pins.properties");
    PinnedServerValidator.pinnedIn(file, URL, "pins", t -> {})
        .validateCertificateChain(List.of(server), "urn:gds", NO_HOSTS);
    var again = PinnedServerValidator.pinnedIn(file, URL, "pins", t -> {});
    assertThatThrownBy(() -> again.validateCertificateChain(List.of(impostor), "urn:gds", NO_HOSTS))
        .isInstanceOfSatisfying(
            UaException.class,
            e -> {
              assertThat(e.getStatusCode().getValue())
                  .isEqualTo(StatusCodes.Bad_CertificateUntrusted);
              assertThat(e.getMessage())
                  .contains(Certificates.thumbprint(server))
                  .contains(Certificates.thumbprint(impostor))
                  .contains(file.toString());
            });
    assertThat(Files.readString(file)).contains(Certificates.thumbprint(server));
  }

  @Test
  void pinsAreKeptPerEndpointUrl() throws Exception {
    Path file = dir.resolve("pins.properties");
    PinnedServerValidator.pinnedIn(file, URL, "pins", t -> {})
        .validateCertificateChain(List.of(server), "urn:gds", NO_HOSTS);
    assertThatCode(
            () ->
                PinnedServerValidator.pinnedIn(file, "opc.tcp://other:4840", "pins", t -> {})
                    .validateCertificateChain(List.of(impostor), "urn:impostor", NO_HOSTS))
        .doesNotThrowAnyException();
  }

  @Test
  void aPinWrittenInUpperCaseWithColonsStillMatches() throws Exception {
    // operators copy thumbprints from other tools
    Path file = dir.resolve("pins.properties");
    String written =
        Certificates.thumbprint(server).toUpperCase(Locale.ROOT).replaceAll("(..)(?!$)", "$1:");
    Files.writeString(file, URL.replace(":", "\\:") + "=" + written + "\n");
    assertThatCode(
            () ->
                PinnedServerValidator.pinnedIn(file, URL, "pins", t -> {})
                    .validateCertificateChain(List.of(server), "urn:gds", NO_HOSTS))
        .doesNotThrowAnyException();
  }

  @Test
  void aPinFileThatCannotBeWrittenRefusesTheServer() {
    Path file = dir.resolve("missing-dir").resolve("pins.properties");
    var v = PinnedServerValidator.pinnedIn(file, URL, "pins", t -> {});
    assertThatThrownBy(() -> v.validateCertificateChain(List.of(server), "urn:gds", NO_HOSTS))
        .isInstanceOfSatisfying(
            UaException.class,
            e ->
                assertThat(e.getStatusCode().getValue())
                    .isEqualTo(StatusCodes.Bad_CertificateUntrusted));
  }

  @Test
  void anExpectedThumbprintAcceptsOnlyThatCertificateAndWritesNothing() throws Exception {
    String expected =
        Certificates.thumbprint(server).toUpperCase(Locale.ROOT).replaceAll("(..)(?!$)", "$1:");
    var v = PinnedServerValidator.expecting(expected);
    v.validateCertificateChain(List.of(server), "urn:gds", NO_HOSTS);
    assertThatThrownBy(() -> v.validateCertificateChain(List.of(impostor), "urn:gds", NO_HOSTS))
        .isInstanceOfSatisfying(
            UaException.class,
            e ->
                assertThat(e.getStatusCode().getValue())
                    .isEqualTo(StatusCodes.Bad_CertificateUntrusted));
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void noCertificateIsInvalid() {
    var v = PinnedServerValidator.pinnedIn(dir.resolve("p"), URL, "pins", t -> {});
    assertThatThrownBy(() -> v.validateCertificateChain(List.of(), "urn:gds", NO_HOSTS))
        .isInstanceOfSatisfying(
            UaException.class,
            e ->
                assertThat(e.getStatusCode().getValue())
                    .isEqualTo(StatusCodes.Bad_CertificateInvalid));
  }

  static X509Certificate selfSigned(String uri) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(256);
    return new SelfSignedCertificateBuilder(g.generateKeyPair())
        .setCommonName("test")
        .setApplicationUri(uri)
        .setSignatureAlgorithm("SHA256withECDSA")
        .build();
  }
}
