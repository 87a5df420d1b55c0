package io.gdsvault.gds.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gdsvault.gds.app.Main;
import io.gdsvault.gds.model.x509.Certificates;
import io.gdsvault.gds.testing.GdsTestServer;
import io.gdsvault.gds.testing.TestClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Strict mode: unknown client certificates are refused and kept in DATA/pki/rejected until a
 * SecurityAdmin accepts one with {@code gds trust accept}.
 */
class StrictModeIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static GdsTestServer gds;
  private static Path home;
  private static Path adminPw;

  @BeforeAll
  static void startStrict() throws Exception {
    Path dir = Files.createTempDirectory("gds-strict-");
    home = Files.createTempDirectory("gds-strict-cli-");
    Path trusted = dir.resolve("pki/trusted/certs");
    Files.createDirectories(trusted);
    // the test client and the CLI are known before start
    Files.write(
        trusted.resolve("it-client.der"), TestClients.defaultIdentity().certificate().getEncoded());
    Files.write(
        trusted.resolve("cli.der"),
        ClientIdentity.loadOrCreate(home, "GDS Vault CLI").certificate().getEncoded());
    gds =
        GdsTestServer.start(
            dir,
            t ->
                ((com.fasterxml.jackson.databind.node.ObjectNode) t.get("security"))
                    .put("clientCertificates", "strict"));
    adminPw = home.resolve("pw");
    Files.writeString(adminPw, gds.adminPassword());
    ClientOptions.env = Map.of("GDS_CLI_HOME", home.toString())::get;
  }

  @AfterAll
  static void stop() throws Exception {
    ClientOptions.env = System::getenv;
    gds.close();
  }

  private static String[] cli(String... args) {
    String[] all = new String[args.length + 6];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(
        new String[] {
          "--url", gds.endpointUrl(), "--user", "admin", "--password-file", adminPw.toString()
        },
        0,
        all,
        args.length,
        6);
    return all;
  }

  private static int run(StringWriter out, StringWriter err, String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void anUnknownCertificateIsRejectedUntilASecurityAdminAcceptsIt() throws Exception {
    var stranger = TestClients.newIdentity();
    String thumbprint = Certificates.thumbprint(stranger.certificate());
    assertThatThrownBy(() -> connect(stranger)).isInstanceOf(UaException.class);
    try (var files = Files.list(gds.dataDir().resolve("pki/rejected/certs"))) {
      assertThat(files.count()).isGreaterThanOrEqualTo(1);
    }

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(run(out, err, cli("trust", "list", "--json"))).as(err.toString()).isZero();
    JsonNode rejected = null;
    for (JsonNode c : JSON.readTree(out.toString())) {
      if (c.get("thumbprint").asText().equals(thumbprint)) {
        rejected = c;
      }
    }
    assertThat(rejected).isNotNull();
    assertThat(rejected.get("state").asText()).isEqualTo("rejected");
    assertThat(rejected.get("applicationUri").asText()).isEqualTo(stranger.applicationUri());

    out = new StringWriter();
    err = new StringWriter();
    assertThat(run(out, err, cli("trust", "accept", thumbprint))).as(err.toString()).isZero();
    TestClients.disconnect(connect(stranger));

    // accepting twice: nothing rejected matches any more
    err = new StringWriter();
    assertThat(run(new StringWriter(), err, cli("trust", "accept", thumbprint))).isEqualTo(1);
    assertThat(err.toString()).contains("Bad_NotFound");
  }

  @Test
  void aMalformedThumbprintIsAnInvalidArgument() {
    StringWriter err = new StringWriter();
    assertThat(run(new StringWriter(), err, cli("trust", "accept", "xyz"))).isEqualTo(1);
    assertThat(err.toString()).contains("Bad_InvalidArgument");
  }

  private static OpcUaClient connect(io.gdsvault.gds.cli.ClientIdentity identity) throws Exception {
    return TestClients.connect(
        gds,
        SecurityPolicy.Basic256Sha256,
        MessageSecurityMode.SignAndEncrypt,
        new UsernameProvider("admin", gds.adminPassword()),
        identity);
  }
}
