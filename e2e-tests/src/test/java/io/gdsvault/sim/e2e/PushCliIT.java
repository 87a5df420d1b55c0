package io.gdsvault.sim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gdsvault.gds.cli.ClientOptions;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import io.gdsvault.gds.push.PushEngine;
import io.gdsvault.sim.push.PushTargetDevice;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./gds push enable|run|status|disable} against a running GDS and a simulated target
 * (CLI.md).
 */
class PushCliIT {

  static final ObjectMapper JSON = new ObjectMapper();

  PushFixture f;
  Function<String, String> previousEnv;
  Field envField;

  record Cli(int code, String out, String err) {}

  @BeforeEach
  @SuppressWarnings("unchecked")
  void start() throws Exception {
    f = new PushFixture(PushFixture.autoApprove(), PushFixture.fastSettings(0.66));
    // the CLI keeps its client certificate in GDS_CLI_HOME: a temporary one, not the user's home
    envField = ClientOptions.class.getDeclaredField("env");
    envField.setAccessible(true);
    previousEnv = (Function<String, String>) envField.get(null);
    Map<String, String> env = Map.of("GDS_CLI_HOME", f.dir.resolve("cli").toString());
    envField.set(null, (Function<String, String>) env::get);
  }

  @AfterEach
  void stop() throws Exception {
    envField.set(null, previousEnv);
    f.close();
  }

  Cli gds(String... args) {
    List<String> a = new ArrayList<>(List.of(args));
    a.addAll(
        List.of(
            "--url",
            f.gds.endpointUrl(),
            "--user",
            "admin",
            "--password-file",
            f.gds.dataDirectory().resolve("initial-admin-password").toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        io.gdsvault.gds.app.Main.run(
            a.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new Cli(code, out.toString(), err.toString());
  }

  @Test
  void enableRunAndStatusDriveAPushAndReportItAsJson() throws Exception {
    PushTargetDevice d = f.startTarget("target");
    UUID app = f.register(d.support().applicationUri(), d.endpointUrl());
    String appId =
        ApplicationRecordMapper.toNodeId(
                app,
                f.gds
                    .server()
                    .server()
                    .getNamespaceTable()
                    .getIndex(io.gdsvault.gds.model.ua.GdsNodeIds.NAMESPACE_URI)
                    .intValue())
            .toParseableString();
    Path pw =
        Files.writeString(f.dir.resolve("target-password"), PushFixture.TARGET_PASSWORD + "\n");
    String selfSigned = PushEngine.thumbprint(PushFixture.advertised(d.endpointUrl()));

    Cli wrong =
        gds(
            "push",
            "enable",
            appId,
            "--endpoint",
            d.endpointUrl(),
            "--target-user",
            PushFixture.TARGET_ADMIN,
            "--target-password-file",
            pw.toString(),
            "--expect-thumbprint",
            "11".repeat(20));
    assertThat(wrong.code()).as(wrong.out()).isEqualTo(1);
    assertThat(wrong.err()).contains("expected thumbprint");

    Cli enable =
        gds(
            "push",
            "enable",
            appId,
            "--endpoint",
            d.endpointUrl(),
            "--target-user",
            PushFixture.TARGET_ADMIN,
            "--target-password-file",
            pw.toString(),
            "--expect-thumbprint",
            selfSigned,
            "--json");
    assertThat(enable.code()).as(enable.err()).isZero();
    assertThat(JSON.readTree(enable.out()).get("thumbprint").asText()).isEqualTo(selfSigned);
    f.awaitSucceeded(app, null);

    Cli run = gds("push", "run", appId, "--wait", "--json");
    assertThat(run.code()).as(run.err() + run.out()).isZero();
    assertThat(JSON.readTree(run.out()).get("state").asText()).isEqualTo("succeeded");

    Cli status = gds("push", "status", "--json");
    assertThat(status.code()).as(status.err()).isZero();
    JsonNode rows = JSON.readTree(status.out());
    assertThat(rows).hasSize(1);
    JsonNode row = rows.get(0);
    assertThat(row.get("applicationId").asText()).isEqualTo(appId);
    assertThat(row.get("endpoint").asText()).isEqualTo(d.endpointUrl());
    assertThat(row.get("state").asText()).isEqualTo("succeeded");
    assertThat(row.get("lastPush").isNull()).isFalse();
    assertThat(row.get("lastError").isNull()).isTrue();
    assertThat(row.get("certificateThumbprint").asText())
        .isEqualTo(PushEngine.thumbprint(PushFixture.advertised(d.endpointUrl())));
    assertThat(java.time.Instant.parse(row.get("notAfter").asText()))
        .isAfter(java.time.Instant.now());
    assertThat(status.out()).doesNotContain(PushFixture.TARGET_PASSWORD);

    Cli one = gds("push", "status", appId);
    assertThat(one.code()).isZero();
    assertThat(one.out()).contains("succeeded").contains(d.endpointUrl());

    Cli disable = gds("push", "disable", appId);
    assertThat(disable.code()).as(disable.err()).isZero();
    assertThat(JSON.readTree(gds("push", "status", "--json").out())).isEmpty();
    assertThat(gds("push", "run", appId).code()).isEqualTo(1);
  }

  @Test
  void pushWritesAuditRowsWithoutCredentialsAndTheChainStillVerifies() throws Exception {
    // enable, a successful push, an operator run that fails (target down), disable: each a row
    PushTargetDevice d = f.startTarget("target");
    UUID app = f.register(d.support().applicationUri(), d.endpointUrl());
    String appId =
        ApplicationRecordMapper.toNodeId(
                app,
                f.gds
                    .server()
                    .server()
                    .getNamespaceTable()
                    .getIndex(io.gdsvault.gds.model.ua.GdsNodeIds.NAMESPACE_URI)
                    .intValue())
            .toParseableString();
    Path pw =
        Files.writeString(f.dir.resolve("target-password"), PushFixture.TARGET_PASSWORD + "\n");
    Cli enable =
        gds(
            "push",
            "enable",
            appId,
            "--endpoint",
            d.endpointUrl(),
            "--target-user",
            PushFixture.TARGET_ADMIN,
            "--target-password-file",
            pw.toString());
    assertThat(enable.code()).as(enable.err()).isZero();
    var ok = f.awaitSucceeded(app, null);
    d.close();
    Cli run = gds("push", "run", appId);
    assertThat(run.code()).as(run.err()).isZero();
    var failed = f.await(app, t -> t.state() == io.gdsvault.gds.push.PushState.FAILED, "failed");
    Cli disable = gds("push", "disable", appId);
    assertThat(disable.code()).as(disable.err()).isZero();

    List<io.gdsvault.gds.audit.AuditRecord> rows =
        f.gds.auditTrail().list(io.gdsvault.gds.auth.Caller.system(), null, 0).stream()
            .filter(r -> r.action().startsWith("push.") && r.target().equals(app.toString()))
            .toList();
    assertThat(rows)
        .extracting(io.gdsvault.gds.audit.AuditRecord::action)
        .containsSubsequence(
            "push.enable", "push.succeeded", "push.run", "push.failed", "push.disable");
    var enabled =
        rows.stream().filter(r -> r.action().equals("push.enable")).findFirst().orElseThrow();
    assertThat(enabled.actor()).contains("admin");
    assertThat(enabled.outcome()).isEqualTo("ok");
    assertThat(enabled.detail())
        .contains("endpoint=" + d.endpointUrl())
        .contains("targetUser=" + PushFixture.TARGET_ADMIN);
    var succeeded =
        rows.stream().filter(r -> r.action().equals("push.succeeded")).findFirst().orElseThrow();
    assertThat(succeeded.detail())
        .contains("thumbprint=" + ok.certificateThumbprint())
        .contains("scope=FULL");
    var failure =
        rows.stream().filter(r -> r.action().equals("push.failed")).findFirst().orElseThrow();
    assertThat(failure.outcome()).isEqualTo("failed");
    assertThat(failure.detail())
        .contains("error=")
        .contains("phase=")
        .contains(failed.lastError().substring(0, 20));
    assertThat(rows)
        .allSatisfy(
            r ->
                assertThat(r.actor() + r.detail() + r.target())
                    .doesNotContain(PushFixture.TARGET_PASSWORD));

    Cli verify = gds("audit", "verify");
    assertThat(verify.code()).as(verify.err() + verify.out()).isZero();
    assertThat(f.gds.auditTrail().verify().intact()).isTrue();
  }
}
