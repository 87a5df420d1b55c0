package io.gdsvault.gds.pull;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gdsvault.gds.app.Main;
import io.gdsvault.gds.cli.ClientOptions;
import io.gdsvault.gds.testing.TestClients;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's command line over OPC UA, run in-process: the approval queue ({@code requests}),
 * issued certificates ({@code certs}) and the CAs ({@code ca}), with exit codes and --json.
 */
class PullCliIT extends PullSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path home;
  private static Path passwordFile;
  private static Function<String, String> previousEnv;

  record Result(int code, String out, String err) {}

  @BeforeAll
  static void cliHome() throws Exception {
    home = Files.createTempDirectory("gds-pull-cli-");
    passwordFile = home.resolve("pw");
    Files.writeString(passwordFile, PASSWORD + "\n");
    Field f = ClientOptions.class.getDeclaredField("env");
    f.setAccessible(true);
    @SuppressWarnings("unchecked")
    Function<String, String> prev = (Function<String, String>) f.get(null);
    previousEnv = prev;
    Map<String, String> env = Map.of("GDS_CLI_HOME", home.toString());
    f.set(null, (Function<String, String>) env::get);
  }

  @AfterAll
  static void resetEnv() throws Exception {
    Field f = ClientOptions.class.getDeclaredField("env");
    f.setAccessible(true);
    f.set(null, previousEnv);
  }

  static Result gdsAs(String user, String... args) {
    List<String> a = new ArrayList<>(List.of(args));
    a.addAll(
        List.of(
            "--url",
            gds.endpointUrl(),
            "--user",
            user,
            "--password-file",
            passwordFile.toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(a.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void anOperatorListsShowsAndApprovesARequestWithTheCli() throws Exception {
    Device d = device("cli-approved");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    try {
      NodeId req = requestId(startSigning(device, d.applicationId(), csr(rsa(), d.uri())));
      String id = req.toParseableString();

      Result list = gdsAs(APPROVER, "requests", "list", "--state", "new", "--json");
      assertThat(list.code()).as(list.err()).isZero();
      JsonNode rows = JSON.readTree(list.out());
      assertThat(rows.isArray()).isTrue();
      JsonNode row = null;
      for (JsonNode r : rows) {
        if (r.get("requestId").asText().equals(id)) {
          row = r;
        }
      }
      assertThat(row).as("request %s in %s", id, list.out()).isNotNull();
      assertThat(row.get("applicationId").asText())
          .isEqualTo(d.applicationId().toParseableString());
      assertThat(row.get("applicationUri").asText()).isEqualTo(d.uri());
      assertThat(row.get("state").asText()).isEqualTo("new");
      assertThat(row.get("requestedBy").asText()).isEqualTo(REQUESTER);

      Result approve =
          gdsAs(APPROVER, "requests", "approve", id, "--comment", "checked the serial plate");
      assertThat(approve.code()).as(approve.err()).isZero();

      Result show = gdsAs(APPROVER, "requests", "show", id, "--json");
      assertThat(show.code()).as(show.err()).isZero();
      JsonNode details = JSON.readTree(show.out());
      assertThat(details.get("state").asText()).isEqualTo("approved");
      assertThat(details.get("decidedBy").asText()).isEqualTo(APPROVER);
      assertThat(details.get("decisionText").asText()).isEqualTo("checked the serial plate");
      assertThat(details.get("history").toString())
          .contains("approved")
          .contains("issued")
          .contains("issuance policy of DefaultApplicationGroup passed");

      CallMethodResult done = finish(device, d.applicationId(), req);
      assertThat(done.getStatusCode().isGood()).isTrue();
      validate(x509(bytes(done.getOutputArguments()[0])), readTrustList(device, d.applicationId()));

      // the requester cannot approve its own request from the CLI either
      OpcUaClient both = connect(d.identity(), BOTH);
      try {
        NodeId second = requestId(startSigning(both, d.applicationId(), csr(rsa(), d.uri())));
        Result own = gdsAs(BOTH, "requests", "approve", second.toParseableString());
        assertThat(own.code()).isEqualTo(1);
        assertThat(own.err())
            .contains("Bad_UserAccessDenied")
            .contains(
                "the requester cannot approve their own request: ask another"
                    + " RegistrationAuthorityAdmin")
            .doesNotContain("lacks the role");
      } finally {
        TestClients.disconnect(both);
      }
    } finally {
      TestClients.disconnect(device);
    }
  }

  @Test
  void anOperatorRejectsWithAReasonAndTheDeviceIsRefused() throws Exception {
    Device d = device("cli-rejected");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    try {
      NodeId req = requestId(startNewKeyPair(device, d.applicationId(), "PEM", null));
      assertThat(gdsAs(APPROVER, "requests", "reject", req.toParseableString()).code())
          .isEqualTo(2);
      Result reject =
          gdsAs(APPROVER, "requests", "reject", req.toParseableString(), "--reason", "not ours");
      assertThat(reject.code()).as(reject.err()).isZero();
      assertThat(status(finishWhenReady(device, d.applicationId(), req)))
          .isEqualTo(StatusCodes.Bad_RequestNotAllowed);
      Result again = gdsAs(APPROVER, "requests", "approve", req.toParseableString());
      assertThat(again.code()).isEqualTo(1);
      assertThat(again.err()).contains("Bad_InvalidState");
      Result nobody = gdsAs(NOBODY, "requests", "list");
      assertThat(nobody.code()).isEqualTo(1);
      assertThat(nobody.err()).contains("Bad_UserAccessDenied");
    } finally {
      TestClients.disconnect(device);
    }
  }

  @Test
  void certificatesAreListedDownloadedAsOwnAndTrustedFoldersAndRevoked() throws Exception {
    Device d = device("cli-download");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    try {
      NodeId req = requestId(startSigning(device, d.applicationId(), csr(rsa(), d.uri())));
      assertThat(gdsAs(APPROVER, "requests", "approve", req.toParseableString()).code()).isZero();
      X509Certificate issued =
          x509(bytes(finish(device, d.applicationId(), req).getOutputArguments()[0]));

      Result list =
          gdsAs(REQUESTER, "certs", "list", d.applicationId().toParseableString(), "--json");
      assertThat(list.code()).as(list.err()).isZero();
      JsonNode certs = JSON.readTree(list.out());
      assertThat(certs).hasSize(1);
      assertThat(certs.get(0).get("serial").asText())
          .isEqualTo(issued.getSerialNumber().toString(16));

      for (String format : List.of("der", "pem", "base64")) {
        Path dir = Files.createTempDirectory("gds-download-" + format);
        Result dl =
            gdsAs(
                REQUESTER,
                "certs",
                "download",
                req.toParseableString(),
                "--out",
                dir.toString(),
                "--format",
                format);
        assertThat(dl.code()).as(dl.err()).isZero();
        try (Stream<Path> own = Files.list(dir.resolve("own").resolve("certs"))) {
          byte[] content = Files.readAllBytes(own.findFirst().orElseThrow());
          byte[] der =
              switch (format) {
                case "pem" ->
                    java.util.Base64.getMimeDecoder()
                        .decode(
                            new String(content, StandardCharsets.US_ASCII)
                                .replaceAll("-----[A-Z ]+-----", ""));
                case "base64" ->
                    java.util.Base64.getMimeDecoder()
                        .decode(new String(content, StandardCharsets.US_ASCII).trim());
                default -> content;
              };
          assertThat(der).isEqualTo(issued.getEncoded());
        }
        try (Stream<Path> trusted = Files.list(dir.resolve("trusted").resolve("certs"))) {
          assertThat(trusted.count()).isEqualTo(1);
        }
        try (Stream<Path> crls = Files.list(dir.resolve("trusted").resolve("crl"))) {
          assertThat(crls.count()).isGreaterThanOrEqualTo(1);
        }
      }
      // by APP_ID: the newest valid certificate
      Path byApp = Files.createTempDirectory("gds-download-app");
      assertThat(
              gdsAs(
                      REQUESTER,
                      "certs",
                      "download",
                      d.applicationId().toParseableString(),
                      "--out",
                      byApp.toString())
                  .code())
          .isZero();

      Result revoke =
          gdsAs(REQUESTER, "certs", "revoke", issued.getSerialNumber().toString(16), "--json");
      assertThat(revoke.code()).as(revoke.err()).isZero();
      assertThat(JSON.readTree(revoke.out()).get("revoked").asInt()).isEqualTo(1);
      Path crlFile = home.resolve("crl.der");
      Result crl = gdsAs(REQUESTER, "ca", "crl", "--out", crlFile.toString(), "--format", "der");
      assertThat(crl.code()).as(crl.err()).isZero();
      X509CRL parsed =
          (X509CRL)
              CertificateFactory.getInstance("X.509")
                  .generateCRL(new ByteArrayInputStream(Files.readAllBytes(crlFile)));
      assertThat(parsed.getRevokedCertificate(issued)).isNotNull();
      assertThat(gdsAs(REQUESTER, "certs", "revoke", "zz-not-hex").code()).isEqualTo(1);
    } finally {
      TestClients.disconnect(device);
    }
  }

  @Test
  void theCaIsShownAndExported() throws Exception {
    Result show = gdsAs(APPROVER, "ca", "show", "--json");
    assertThat(show.code()).as(show.err()).isZero();
    JsonNode ca = JSON.readTree(show.out());
    assertThat(ca.get("caCertificates")).hasSize(3);
    assertThat(ca.get("crls")).hasSize(3);
    Path pem = home.resolve("ca.pem");
    assertThat(gdsAs(APPROVER, "ca", "export", "DefaultHttpsGroup", "--out", pem.toString()).code())
        .isZero();
    assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(gdsAs(APPROVER, "ca", "export", "--out", pem.toString(), "--format", "xml").code())
        .isEqualTo(2);
    Result unknown = gdsAs(APPROVER, "ca", "show", "NoSuchGroup");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("Bad_InvalidArgument");
  }
}
