package io.gdsvault.gds.pull;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gdsvault.gds.app.Main;
import io.gdsvault.gds.audit.AuditTrail;
import io.gdsvault.gds.cli.ClientOptions;
import io.gdsvault.gds.testing.TestClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hash-chained audit trail: decisions are recorded with who, when and why, and {@code gds audit
 * verify} finds a row edited or deleted with plain SQL, including the last one.
 */
class AuditTrailIT extends PullSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Held while a test deletes rows of the shared trail. */
  private static final Object TAMPERING = new Object();

  private static Path home;
  private static Path adminPw;

  record Result(int code, String out, String err) {}

  @BeforeAll
  static void cliHome() throws Exception {
    home = Files.createTempDirectory("gds-audit-home-");
    adminPw = home.resolve("admin-pw");
    Files.writeString(adminPw, gds.adminPassword() + "\n");
    setEnv(Map.of("GDS_CLI_HOME", home.toString())::get);
  }

  @AfterAll
  static void resetEnv() throws Exception {
    setEnv(System::getenv);
  }

  static void setEnv(java.util.function.Function<String, String> env) throws Exception {
    java.lang.reflect.Field f = ClientOptions.class.getDeclaredField("env");
    f.setAccessible(true);
    f.set(null, env);
  }

  static Result gdsCli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> a = new ArrayList<>(List.of(args));
    a.addAll(
        List.of(
            "--url", gds.endpointUrl(), "--user", "admin", "--password-file", adminPw.toString()));
    int code = Main.run(a.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  static Jdbi jdbi() {
    return gds.app().database().jdbi();
  }

  static AuditTrail trail() {
    return gds.app().auditTrail();
  }

  /** Creates a few rows: a registration, a request and its rejection with a reason. */
  static NodeId someActivity(String name) throws Exception {
    Device d = device(name);
    OpcUaClient device = connect(d.identity(), REQUESTER);
    try {
      NodeId req = requestId(startSigning(device, d.applicationId(), csr(rsa(), d.uri())));
      assertThat(reject(admin, req, "not on the plant list").getStatusCode().isGood()).isTrue();
      return req;
    } finally {
      TestClients.disconnect(device);
    }
  }

  @Test
  void approvalsAndRejectionsAreListedWithWhoWhenAndWhy() throws Exception {
    Device d = device("audited");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    OpcUaClient approver = TestClients.secure(gds, APPROVER, PASSWORD);
    try {
      NodeId req = requestId(startSigning(device, d.applicationId(), csr(rsa(), d.uri())));
      assertThat(approve(approver, req, "ticket CHG-4711").getStatusCode().isGood()).isTrue();
      assertThat(finishWhenReady(device, d.applicationId(), req).getStatusCode().isGood()).isTrue();
      NodeId rejected = someActivity("audited-rejected");

      Result list = gdsCli("audit", "list", "--since", "1h", "--json");
      assertThat(list.code()).as(list.err()).isZero();
      JsonNode rows = JSON.readTree(list.out());
      String id = req.getIdentifier().toString();
      assertThat(rows)
          .anySatisfy(
              r -> {
                assertThat(r.get("action").asText()).isEqualTo("request.approved");
                assertThat(r.get("target").asText()).isEqualTo(id);
                assertThat(r.get("actor").asText()).isEqualTo(APPROVER);
                assertThat(r.get("detail").asText()).contains("ticket CHG-4711");
                assertThat(r.get("time").asText()).isNotBlank();
              });
      assertThat(rows)
          .anySatisfy(
              r -> {
                assertThat(r.get("action").asText()).isEqualTo("request.created");
                assertThat(r.get("actor").asText()).isEqualTo(REQUESTER);
                assertThat(r.get("detail").asText()).contains(d.uri());
              });
      assertThat(rows)
          .anySatisfy(r -> assertThat(r.get("action").asText()).isEqualTo("request.issued"));
      assertThat(rows)
          .anySatisfy(
              r -> {
                assertThat(r.get("action").asText()).isEqualTo("request.delivered");
                assertThat(r.get("target").asText()).isEqualTo(id);
              });
      assertThat(rows)
          .anySatisfy(
              r -> {
                assertThat(r.get("action").asText()).isEqualTo("request.rejected");
                assertThat(r.get("target").asText()).isEqualTo(rejected.getIdentifier().toString());
                assertThat(r.get("actor").asText()).isEqualTo("admin");
                assertThat(r.get("detail").asText()).contains("not on the plant list");
              });
      assertThat(rows)
          .anySatisfy(
              r -> {
                assertThat(r.get("action").asText()).isEqualTo("application.RegisterApplication");
                assertThat(r.get("detail").asText()).contains(d.uri());
              });
      // seq increases without gaps
      long prev = -1;
      for (JsonNode r : rows) {
        if (prev >= 0) {
          assertThat(r.get("seq").asLong()).isEqualTo(prev + 1);
        }
        prev = r.get("seq").asLong();
      }
    } finally {
      TestClients.disconnect(device, approver);
    }
  }

  @Test
  void verifyFindsARowChangedWithPlainSqlAndNamesIt() throws Exception {
    someActivity("tamper-edit");
    Result ok = gdsCli("audit", "verify");
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("intact");

    long seq =
        jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT MAX(seq) FROM audit_log WHERE action = 'request.rejected'")
                        .mapTo(Long.class)
                        .one());
    String original =
        jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT detail FROM audit_log WHERE seq = :s")
                        .bind("s", seq)
                        .mapTo(String.class)
                        .one());
    jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE audit_log SET detail = 'approved after all' WHERE seq = :s")
                    .bind("s", seq)
                    .execute());
    try {
      Result broken = gdsCli("audit", "verify");
      assertThat(broken.code()).isEqualTo(1);
      assertThat(broken.err()).contains("row " + seq).contains("changed");
      Result json = gdsCli("audit", "verify", "--json");
      assertThat(json.code()).isEqualTo(1);
      assertThat(JSON.readTree(json.out()).get("brokenSeq").asLong()).isEqualTo(seq);
      assertThat(JSON.readTree(json.out()).get("intact").asBoolean()).isFalse();
    } finally {
      jdbi()
          .useHandle(
              h ->
                  h.createUpdate("UPDATE audit_log SET detail = :d WHERE seq = :s")
                      .bind("d", original)
                      .bind("s", seq)
                      .execute());
    }
    assertThat(gdsCli("audit", "verify").code()).isZero();
  }

  @Test
  void verifyFindsADeletedMiddleRowAndADeletedLastRow() throws Exception {
    someActivity("tamper-delete");
    synchronized (TAMPERING) {
      long last = trail().verify().rows();
      assertThat(last).isGreaterThan(3);
      Map<String, Object> middle = row(last - 2);
      jdbi().useHandle(h -> h.execute("DELETE FROM audit_log WHERE seq = ?", last - 2));
      try {
        Result broken = gdsCli("audit", "verify");
        assertThat(broken.code()).isEqualTo(1);
        assertThat(broken.err()).contains("row " + (last - 2)).contains("missing");
      } finally {
        reinsert(middle);
      }
      assertThat(trail().verify().intact()).isTrue();

      // the tail: the head anchor still names the deleted row
      long end = trail().verify().rows();
      Map<String, Object> tail = row(end);
      jdbi().useHandle(h -> h.execute("DELETE FROM audit_log WHERE seq = ?", end));
      try {
        var v = trail().verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenSeq()).isEqualTo(end);
        assertThat(v.problem()).contains("deleted");
      } finally {
        reinsert(tail);
      }
      assertThat(trail().verify().intact()).isTrue();
    }
  }

  private static Map<String, Object> row(long seq) {
    return jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT * FROM audit_log WHERE seq = :s")
                    .bind("s", seq)
                    .mapToMap()
                    .one());
  }

  private static void reinsert(Map<String, Object> row) {
    jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO audit_log (seq, recorded_at, actor, action, target, detail,"
                            + " outcome, prev_hash, row_hash) VALUES (:seq, :recorded_at, :actor,"
                            + " :action, :target, :detail, :outcome, :prev_hash, :row_hash)")
                    .bindMap(row)
                    .execute());
  }
}
