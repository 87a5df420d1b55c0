package io.gdsvault.sim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.ChannelSecurity;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.certificates.CertificateRequestRecord;
import io.gdsvault.gds.cli.ClientOptions;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.push.PushEngine;
import io.gdsvault.gds.push.PushState;
import io.gdsvault.gds.push.PushTarget;
import io.gdsvault.sim.push.PushTargetDevice;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The push as operators ran it against a target, with manual approval: {@code push enable} and an
 * immediate {@code push run --wait}. Before, the run queued a second push that filed a second
 * certificate request (the waiting operator approved the first and {@code --wait} then waited for
 * one nobody expected), and while the request waited the GDS rewrote the target's trust list and
 * called ApplyChanges on every poll. Now the run joins the push, and the waiting push leaves the
 * target alone: counted on the device simulator's side.
 */
class PushStormIT {

  static final ObjectMapper JSON = new ObjectMapper();

  PushFixture f;
  Function<String, String> previousEnv;
  Field envField;

  record Cli(int code, String out, String err) {}

  @BeforeEach
  @SuppressWarnings("unchecked")
  void start() throws Exception {
    // manual approval, polls every 200 ms
    f = new PushFixture(tree -> {}, PushFixture.fastSettings(0.66));
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
  void anImmediateRunJoinsTheFirstPushAndAWaitingPushWritesTheTrustListOnce() throws Exception {
    PushTargetDevice d = f.startTarget("target");
    UUID app = f.register(d.support().applicationUri(), d.endpointUrl());
    int ns =
        f.gds.server().server().getNamespaceTable().getIndex(GdsNodeIds.NAMESPACE_URI).intValue();
    String appId = ApplicationRecordMapper.toNodeId(app, ns).toParseableString();
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
    CompletableFuture<Cli> run =
        CompletableFuture.supplyAsync(
            () -> gds("push", "run", appId, "--wait", "--json", "--timeout", "120"));

    PushTarget waiting =
        f.await(
            app,
            t -> t.phase() != null && t.phase().startsWith("waiting for approval"),
            "waiting for approval");
    // about 25 polls of the waiting job (pollMs 200)
    Thread.sleep(5000);
    assertThat(d.support().trustListUploads())
        .as("trust list writes while the request waits")
        .isEqualTo(1);
    assertThat(d.support().appliedChanges()).as("ApplyChanges while it waits").isEqualTo(1);
    List<CertificateRequestRecord> requests = requestsOf(app);
    assertThat(requests).as("the run filed no second request").hasSize(1);
    assertThat(requests.get(0).requestId()).isEqualTo(waiting.requestId());
    assertThat(run).as("--wait still waits for the push it joined").isNotDone();

    Caller approver =
        new Caller(
            "approver",
            EnumSet.of(Role.REGISTRATION_AUTHORITY_ADMIN),
            null,
            null,
            ChannelSecurity.SIGN_AND_ENCRYPT);
    f.gds.certificates().service().approve(approver, waiting.requestId(), "the one expected");

    Cli waited = run.get(120, TimeUnit.SECONDS);
    assertThat(waited.code()).as(waited.err() + waited.out()).isZero();
    JsonNode row = JSON.readTree(waited.out());
    assertThat(row.get("state").asText()).isEqualTo("succeeded");
    assertThat(row.get("certificateThumbprint").asText())
        .isEqualTo(PushEngine.thumbprint(PushFixture.advertised(d.endpointUrl())));
    assertThat(requestsOf(app)).hasSize(1);
    assertThat(f.engine().target(app).orElseThrow().state()).isEqualTo(PushState.SUCCEEDED);
    assertThat(d.support().trustListUploads()).as("installing did not rewrite it").isEqualTo(1);
    assertThat(d.support().appliedChanges()).as("trust list, then certificate").isEqualTo(2);

    // push status lists the target's certificate types
    JsonNode status = JSON.readTree(gds("push", "status", appId, "--json").out()).get(0);
    JsonNode types = status.get("certificates");
    assertThat(types).hasSize(1);
    assertThat(types.get(0).get("type").asText()).isEqualTo("RsaSha256ApplicationCertificateType");
    assertThat(types.get(0).get("state").asText()).isEqualTo("installed");
    assertThat(types.get(0).get("thumbprint").asText())
        .isEqualTo(row.get("certificateThumbprint").asText());
  }

  private List<CertificateRequestRecord> requestsOf(UUID app) {
    return f.gds.certificates().service().list(Caller.system(), List.of()).stream()
        .filter(r -> r.applicationId().equals(app))
        .toList();
  }
}
