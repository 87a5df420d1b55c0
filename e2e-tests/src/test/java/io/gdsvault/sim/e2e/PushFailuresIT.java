package io.gdsvault.sim.e2e;

import static io.gdsvault.sim.e2e.PushFixture.TARGET_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.certificates.CertificateRequestRecord;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.push.KeyMode;
import io.gdsvault.gds.push.PushEngine;
import io.gdsvault.gds.push.PushState;
import io.gdsvault.gds.push.PushTarget;
import io.gdsvault.sim.push.PushTargetDevice;
import io.gdsvault.testing.Await;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pushes that go wrong: the target is down, the credentials are wrong, the target refuses the
 * certificate, the GDS stops in the middle of a push. Each ends in a clear, correct state and the
 * target keeps working.
 */
class PushFailuresIT {

  PushFixture f;

  @AfterEach
  void close() throws Exception {
    if (f != null) {
      f.close();
    }
  }

  @Test
  void aTargetThatIsDownFailsWithAClearErrorAndSucceedsOnRetryOnceItIsBack() throws Exception {
    f = new PushFixture(PushFixture.autoApprove(), PushFixture.fastSettings(0.66));
    Path pki = f.dir.resolve("target");
    int port = PushFixture.freePort();
    PushTargetDevice d = f.startTarget(pki, port);
    String endpoint = d.endpointUrl();
    UUID app = f.register(d.support().applicationUri(), endpoint);
    // enabling needs the target: refused while it is down
    d.close();
    assertThatThrownBy(
            () ->
                f.engine().enable(Caller.system(), f.enableRequest(app, endpoint, TARGET_PASSWORD)))
        .isInstanceOf(GdsException.class)
        .hasMessageContaining("connection refused");

    d = startAgain(pki, port);
    String pinned =
        f.engine().enable(Caller.system(), f.enableRequest(app, endpoint, TARGET_PASSWORD));
    d.close();
    f.engine().run(Caller.system(), app);
    PushTarget failed = f.await(app, t -> t.state() == PushState.FAILED, "failed");
    assertThat(failed.lastError()).contains("connection refused");
    assertThat(failed.attempts()).isGreaterThanOrEqualTo(1);
    assertThat(failed.nextAttemptAt()).as("a retry is scheduled").isNotNull();

    startAgain(pki, port); // the fixture stops it
    PushTarget ok = f.awaitSucceeded(app, pinned);
    assertThat(ok.lastError()).isNull();
    assertThat(PushEngine.thumbprint(PushFixture.advertised(endpoint)))
        .isEqualTo(ok.certificateThumbprint());
  }

  /** Starts the target again on its old port, which the closed one may hold for a moment. */
  private PushTargetDevice startAgain(Path pki, int port) {
    return Await.until("the target to start again on port " + port)
        .atMost(Duration.ofSeconds(10))
        .every(Duration.ofMillis(200))
        .value(() -> f.startTarget(pki, port), started -> true);
  }

  @Test
  void wrongTargetCredentialsAreRefusedWhenPushIsEnabled() throws Exception {
    f = new PushFixture(PushFixture.autoApprove(), PushFixture.fastSettings(0.66));
    PushTargetDevice d = f.startTarget("target");
    UUID app = f.register(d.support().applicationUri(), d.endpointUrl());

    assertThatThrownBy(
            () ->
                f.engine()
                    .enable(
                        Caller.system(), f.enableRequest(app, d.endpointUrl(), "wrong password")))
        .isInstanceOf(GdsException.class)
        .hasMessageContaining("refused the credentials of user 'secadmin'")
        .hasMessageNotContaining("wrong password");
    assertThat(f.engine().target(app)).as("nothing is stored").isEmpty();
  }

  @Test
  void onlySecurityAdminsManagePush() throws Exception {
    f = new PushFixture(PushFixture.autoApprove(), PushFixture.fastSettings(0.66));
    PushTargetDevice d = f.startTarget("target");
    UUID app = f.register(d.support().applicationUri(), d.endpointUrl());
    Caller caAdmin =
        new Caller(
            "ca",
            EnumSet.of(Role.CERTIFICATE_AUTHORITY_ADMIN),
            null,
            null,
            io.gdsvault.gds.auth.ChannelSecurity.SIGN_AND_ENCRYPT);
    assertThatThrownBy(
            () ->
                f.engine().enable(caAdmin, f.enableRequest(app, d.endpointUrl(), TARGET_PASSWORD)))
        .isInstanceOf(GdsException.class)
        .hasMessageContaining("SecurityAdmin");
    assertThatThrownBy(() -> f.engine().status(caAdmin, null)).isInstanceOf(GdsException.class);
  }

  @Test
  void aCertificateTheTargetRefusesLeavesTheTargetWithItsOldCertificate() throws Exception {
    // registered under another ApplicationUri: the GDS-made certificate does not fit the target
    f = new PushFixture(PushFixture.autoApprove(), PushFixture.fastSettings(0.66));
    PushTargetDevice d = f.startTarget("target");
    UUID app = f.register("urn:gdsvault:test:not-the-targets-uri", d.endpointUrl());
    X509Certificate before = PushFixture.advertised(d.endpointUrl());
    var req =
        new PushEngine.EnableRequest(
            app,
            d.endpointUrl(),
            PushFixture.POLICY,
            PushFixture.TARGET_ADMIN,
            TARGET_PASSWORD.toCharArray(),
            PushEngine.thumbprint(before),
            KeyMode.NEW_KEY_PAIR);
    f.engine().enable(Caller.system(), req);

    PushTarget failed = f.await(app, t -> t.state() == PushState.FAILED, "failed");
    assertThat(failed.lastError())
        .contains("the target refused the certificate")
        .contains("Bad_CertificateUriInvalid");
    assertThat(failed.certificateThumbprint()).isNull();
    assertThat(failed.keyBlob()).as("no key of a refused certificate is kept").isNull();
    f.engine().disable(Caller.system(), app);
    X509Certificate after = PushFixture.advertised(d.endpointUrl());
    assertThat(after).isEqualTo(before);
    assertThat(f.handshakeAsGds(d.endpointUrl())).isEqualTo(before);
  }

  @Test
  void theExpectedThumbprintIsCheckedBeforePinning() throws Exception {
    f = new PushFixture(PushFixture.autoApprove(), PushFixture.fastSettings(0.66));
    PushTargetDevice d = f.startTarget("target");
    UUID app = f.register(d.support().applicationUri(), d.endpointUrl());
    var req =
        new PushEngine.EnableRequest(
            app,
            d.endpointUrl(),
            PushFixture.POLICY,
            PushFixture.TARGET_ADMIN,
            TARGET_PASSWORD.toCharArray(),
            "00".repeat(20),
            KeyMode.CSR);
    assertThatThrownBy(() -> f.engine().enable(Caller.system(), req))
        .isInstanceOf(GdsException.class)
        .hasMessageContaining("expected thumbprint");
    assertThat(f.engine().target(app)).isEmpty();
  }

  @Test
  void aGdsStoppedWhileAPushWaitsForApprovalResumesTheSameRequestAfterRestart() throws Exception {
    // manual approval: the job is pending with its request filed when the GDS goes down
    f = new PushFixture(tree -> {}, PushFixture.fastSettings(0.66));
    PushTargetDevice d = f.startTarget("target");
    UUID app = f.register(d.support().applicationUri(), d.endpointUrl());
    String pinned =
        f.engine().enable(Caller.system(), f.enableRequest(app, d.endpointUrl(), TARGET_PASSWORD));
    PushTarget waiting =
        f.await(
            app,
            t ->
                t.requestId() != null
                    && t.phase() != null
                    && t.phase().startsWith("waiting for approval"),
            "waiting for approval");
    assertThat(waiting.state()).isEqualTo(PushState.PENDING);
    // the target already has our trust list but still its own certificate
    assertThat(PushEngine.thumbprint(PushFixture.advertised(d.endpointUrl()))).isEqualTo(pinned);

    f.stopGds();
    f.startGds();
    UUID request = waiting.requestId();
    Caller approver =
        new Caller(
            "approver",
            EnumSet.of(Role.REGISTRATION_AUTHORITY_ADMIN),
            null,
            null,
            io.gdsvault.gds.auth.ChannelSecurity.SIGN_AND_ENCRYPT);
    f.gds.certificates().service().approve(approver, request, "checked the device");

    PushTarget ok = f.awaitSucceeded(app, pinned);
    assertThat(PushEngine.thumbprint(PushFixture.advertised(d.endpointUrl())))
        .isEqualTo(ok.certificateThumbprint());
    assertThat(PushEngine.thumbprint(f.handshakeAsGds(d.endpointUrl())))
        .isEqualTo(ok.certificateThumbprint());
    List<CertificateRequestRecord> requests =
        f.gds.certificates().service().list(Caller.system(), List.of()).stream()
            .filter(r -> r.applicationId().equals(app))
            .toList();
    assertThat(requests).as("the restart did not file a second request").hasSize(1);
    assertThat(requests.get(0).requestId()).isEqualTo(request);
    assertThat(CertificateUtil.getSanUri(PushFixture.advertised(d.endpointUrl())))
        .contains(d.support().applicationUri());
  }

  @Test
  void aGdsStoppedInTheMiddleOfAPushRedoesItAfterRestartAndTheTargetKeepsWorking()
      throws Exception {
    // stop while the job runs (trust list, request or install): after restart the job is taken
    // over (failed with a retry, or running with an expired lease) and ends with the new
    // certificate
    f = new PushFixture(PushFixture.autoApprove(), PushFixture.fastSettings(0.66));
    PushTargetDevice d = f.startTarget("target");
    UUID app = f.register(d.support().applicationUri(), d.endpointUrl());
    String pinned =
        f.engine().enable(Caller.system(), f.enableRequest(app, d.endpointUrl(), TARGET_PASSWORD));
    f.await(app, t -> t.state() == PushState.RUNNING, "running");
    f.stopGds();
    f.startGds();
    PushTarget interrupted = f.engine().target(app).orElseThrow();
    assertThat(interrupted.state())
        .isIn(PushState.RUNNING, PushState.FAILED, PushState.PENDING, PushState.SUCCEEDED);

    PushTarget ok =
        f.await(
            app,
            t -> t.state() == PushState.SUCCEEDED && t.certificateThumbprint() != null,
            "succeeded");
    assertThat(ok.certificateThumbprint()).isNotEqualTo(pinned);
    assertThat(ok.keyBlob()).isNull();
    assertThat(PushEngine.thumbprint(PushFixture.advertised(d.endpointUrl())))
        .isEqualTo(ok.certificateThumbprint());
    assertThat(PushEngine.thumbprint(f.handshakeAsGds(d.endpointUrl())))
        .isEqualTo(ok.certificateThumbprint());
    var trust = TrustLists.read(f, d.endpointUrl());
    assertThat(trust.trustedCertificates()).contains(f.gds.server().certificate());
    assertThat(trust.trustedCrls()).isNotEmpty();
  }
}
