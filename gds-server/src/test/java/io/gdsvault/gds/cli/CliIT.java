package io.gdsvault.gds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gdsvault.gds.app.Main;
import io.gdsvault.gds.testing.GdsIntegrationTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code gds} client commands run in-process against a real GDS (exit codes, --json). */
class CliIT extends GdsIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path home;
  private static Path adminPw;

  record Result(int code, String out, String err) {}

  @BeforeAll
  static void cliHome() throws Exception {
    home = Files.createTempDirectory("gds-cli-home-");
    adminPw = home.resolve("admin-pw");
    Files.writeString(adminPw, gds.adminPassword() + "\n");
    Map<String, String> env = Map.of("GDS_CLI_HOME", home.toString());
    ClientOptions.env = env::get;
  }

  @AfterAll
  static void resetEnv() {
    ClientOptions.env = System::getenv;
  }

  static Result gds(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  static String[] asAdmin(String... args) {
    List<String> a = new ArrayList<>(List.of(args));
    a.addAll(
        List.of(
            "--url", gds.endpointUrl(), "--user", "admin", "--password-file", adminPw.toString()));
    return a.toArray(String[]::new);
  }

  @Test
  void appsRegisterPrintsTheApplicationIdAsJsonAndShowReadsItBack() throws Exception {
    String uri = "urn:cli:" + UUID.randomUUID();
    Result reg =
        gds(
            asAdmin(
                "apps",
                "register",
                "--uri",
                uri,
                "--name",
                "Cli press",
                "--type",
                "server",
                "--discovery-url",
                "opc.tcp://press:4840",
                "--capability",
                "DA",
                "--json"));
    assertThat(reg.code()).as(reg.err()).isZero();
    String id = JSON.readTree(reg.out()).get("applicationId").asText();
    assertThat(id).matches("ns=\\d+;g=[0-9A-Fa-f-]{36}");

    Result show = gds(asAdmin("apps", "show", id, "--json"));
    assertThat(show.code()).as(show.err()).isZero();
    JsonNode app = JSON.readTree(show.out());
    assertThat(app.get("applicationUri").asText()).isEqualTo(uri);
    assertThat(app.get("discoveryUrls").get(0).asText()).isEqualTo("opc.tcp://press:4840");

    Result list = gds(asAdmin("apps", "list", "--json"));
    assertThat(list.code()).isZero();
    assertThat(JSON.readTree(list.out()).findValuesAsText("applicationId")).contains(id);

    assertThat(gds(asAdmin("apps", "unregister", id)).code()).isZero();
    Result gone = gds(asAdmin("apps", "show", id));
    assertThat(gone.code()).isEqualTo(1);
    assertThat(gone.err()).contains("Bad_NotFound");
  }

  @Test
  void appsListShowsEveryRegisteredApplicationThoseWithCapabilityNaIncluded() throws Exception {
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Result reg =
          gds(
              asAdmin(
                  "apps",
                  "register",
                  "--uri",
                  "urn:cli:na:" + i + ":" + UUID.randomUUID(),
                  "--name",
                  "NA device " + i,
                  "--type",
                  "server",
                  "--discovery-url",
                  "opc.tcp://na" + i + ":4840",
                  "--capability",
                  "NA",
                  "--json"));
      assertThat(reg.code()).as(reg.err()).isZero();
      ids.add(JSON.readTree(reg.out()).get("applicationId").asText());
    }

    Result list = gds(asAdmin("apps", "list", "--json"));
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(JSON.readTree(list.out()).findValuesAsText("applicationId")).containsAll(ids);
    Result text = gds(asAdmin("apps", "list"));
    assertThat(text.code()).as(text.err()).isZero();
    for (String id : ids) {
      assertThat(text.out()).contains(id + "\t");
    }
    for (String id : ids) {
      assertThat(gds(asAdmin("apps", "unregister", id)).code()).isZero();
    }
  }

  @Test
  void usersCanBeManagedFromTheCommandLine() throws Exception {
    Path pw = home.resolve("frank-pw");
    Files.writeString(pw, "frank-password-1\n");
    Result add =
        gds(
            asAdmin(
                "users",
                "add",
                "frank",
                "--role",
                "DiscoveryAdmin",
                "--role",
                "RegistrationAuthorityAdmin",
                "--new-password-file",
                pw.toString()));
    assertThat(add.code()).as(add.err()).isZero();

    Result list = gds(asAdmin("users", "list", "--json"));
    assertThat(list.code()).isZero();
    JsonNode frank = null;
    for (JsonNode u : JSON.readTree(list.out())) {
      if (u.get("user").asText().equals("frank")) {
        frank = u;
      }
    }
    assertThat(frank).isNotNull();
    assertThat(frank.get("roles").toString())
        .contains("DiscoveryAdmin", "RegistrationAuthorityAdmin");

    // frank may register but not manage users
    Result denied =
        gds(
            "users",
            "list",
            "--url",
            gds.endpointUrl(),
            "--user",
            "frank",
            "--password-file",
            pw.toString());
    assertThat(denied.code()).isEqualTo(1);
    assertThat(denied.err()).contains("Bad_UserAccessDenied");

    Path pw2 = home.resolve("frank-pw2");
    Files.writeString(pw2, "frank-password-2\n");
    assertThat(
            gds(asAdmin("users", "passwd", "frank", "--new-password-file", pw2.toString())).code())
        .isZero();
    assertThat(
            gds(
                    "apps",
                    "list",
                    "--url",
                    gds.endpointUrl(),
                    "--user",
                    "frank",
                    "--password-file",
                    pw.toString())
                .code())
        .isEqualTo(1);
    assertThat(gds(asAdmin("users", "remove", "frank")).code()).isZero();
  }

  @Test
  void usersUnlockLiftsALockout() throws Exception {
    gds.app()
        .users()
        .addUser(
            io.gdsvault.gds.auth.Caller.system(),
            "grace",
            "grace-password-1".toCharArray(),
            java.util.Set.of(io.gdsvault.gds.auth.Role.DISCOVERY_ADMIN));
    for (int i = 0; i < 25; i++) {
      gds.app().users().login("grace", ("wrong-" + i).toCharArray(), "192.0.2.7");
    }
    assertThat(gds.app().users().isLocked("grace")).isTrue();
    Result unlock = gds(asAdmin("users", "unlock", "grace", "--json"));
    assertThat(unlock.code()).as(unlock.err()).isZero();
    assertThat(JSON.readTree(unlock.out()).get("wasLocked").asBoolean()).isTrue();
    assertThat(gds.app().users().isLocked("grace")).isFalse();
    Result again = gds(asAdmin("users", "unlock", "grace"));
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains("not locked");
    Result unknown = gds(asAdmin("users", "unlock", "no-such-user"));
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("Bad_NotFound");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(gds("users", "add", "x").code()).isEqualTo(2);
    assertThat(gds("apps", "register", "--uri", "urn:x", "--name", "x", "--type", "toaster").code())
        .isEqualTo(2);
    assertThat(gds("no-such-command").code()).isEqualTo(2);
    assertThat(
            gds(asAdmin(
                    "users",
                    "add",
                    "x",
                    "--role",
                    "Emperor",
                    "--new-password-file",
                    adminPw.toString()))
                .code())
        .isEqualTo(2);
  }

  @Test
  void aWrongPasswordExitsWithOneAndAStatusName() throws Exception {
    Path wrong = home.resolve("wrong");
    Files.writeString(wrong, "definitely-wrong\n");
    Result r =
        gds(
            "users",
            "list",
            "--url",
            gds.endpointUrl(),
            "--user",
            "admin",
            "--password-file",
            wrong.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).containsPattern("Bad_\\w+");
    assertThat(r.err()).doesNotContain("definitely-wrong");
  }
}
