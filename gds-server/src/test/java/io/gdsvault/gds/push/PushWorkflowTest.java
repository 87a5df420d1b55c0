package io.gdsvault.gds.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.certificates.RequestKind;
import io.gdsvault.gds.certificates.RequestState;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One push from claim to end against a fake target (Part 12 §7.10 from the GDS side): trust list
 * first, then a certificate through the request lifecycle, UpdateCertificate, ApplyChanges and
 * verification. Jobs run on the test's thread; only sleeps move the clock.
 */
class PushWorkflowTest {

  final PushWorld w = new PushWorld();
  final PushEngine engine = w.engine();

  @AfterEach
  void close() {
    w.close();
  }

  @Test
  void aFullPushWritesTheTrustListThenInstallsAndVerifiesACertificateFromOurCa() {
    UUID app = w.enabled(engine);
    PushTarget done = w.runWhenDue(engine, app);

    assertThat(done.state()).isEqualTo(PushState.SUCCEEDED);
    assertThat(done.phase()).isEqualTo("certificate installed");
    assertThat(done.lastError()).isNull();
    assertThat(done.lastPush()).isEqualTo(w.clock.instant());
    assertThat(w.target.trustList.trustedCertificates())
        .anySatisfy(c -> assertThat(c).isEqualTo(w.ca.der()));
    assertThat(w.target.trustList.trustedCrls()).hasSize(1);
    assertThat(w.ca.issued(w.target.presented)).isTrue();
    assertThat(done.certificateThumbprint()).isEqualTo(Thumbprints.of(w.target.presented));
    assertThat(done.notAfter()).isEqualTo(w.target.presented.getNotAfter().toInstant());
    assertThat(done.requestId()).as("the request is done with").isNull();
    assertThat(w.target.signingRequests).as("CSR mode asks the target for a CSR").isEqualTo(1);
    assertThat(w.certificates.count(app)).isEqualTo(1);
    assertThat(w.target.applyChanges).as("trust list, then certificate").isEqualTo(2);
    assertThat(w.audit).anySatisfy(a -> assertThat(a).startsWith("push.succeeded ok"));
  }

  @Test
  void aPushWaitingForApprovalStaysPendingWithItsRequestAndInstallsOnceApproved() {
    w.certificates.autoApprove = false;
    UUID app = w.enabled(engine);
    PushTarget waiting = w.runWhenDue(engine, app);
    UUID request = waiting.requestId();
    assertThat(request).isNotNull();
    assertThat(waiting.state()).isEqualTo(PushState.PENDING);
    assertThat(waiting.phase()).isEqualTo("waiting for approval of request " + request);
    assertThat(waiting.nextAttemptAt()).isEqualTo(w.clock.instant().plus(w.settings.poll()));
    assertThat(waiting.claimedBy()).isNull();

    // polls while nobody decides: the same request, never a second one
    for (int i = 0; i < 3; i++) {
      assertThat(w.runWhenDue(engine, app).requestId()).isEqualTo(request);
    }
    assertThat(w.certificates.count(app)).isEqualTo(1);

    w.certificates.approve(request);
    PushTarget done = w.runWhenDue(engine, app);
    assertThat(done.state()).isEqualTo(PushState.SUCCEEDED);
    assertThat(done.certificateThumbprint()).isEqualTo(Thumbprints.of(w.target.presented));
    assertThat(w.certificates.requests.get(request).state).isEqualTo(RequestState.ACCEPTED);
  }

  @Test
  void aRejectedRequestFailsThePushWithTheReasonAndTheRetryFilesANewOne() {
    w.certificates.autoApprove = false;
    UUID app = w.enabled(engine);
    UUID request = w.runWhenDue(engine, app).requestId();
    w.certificates.reject(request, "unknown device");

    PushTarget failed = w.runWhenDue(engine, app);
    assertThat(failed.state()).isEqualTo(PushState.FAILED);
    assertThat(failed.lastError())
        .isEqualTo("request " + request + " was rejected: unknown device");
    assertThat(failed.requestId()).isNull();
    PushTarget retried = w.runWhenDue(engine, app);
    assertThat(retried.requestId()).isNotNull().isNotEqualTo(request);
  }

  @Test
  void aTrustListPushWritesOnlyTheTrustList() {
    UUID app = w.enabled(engine);
    w.runWhenDue(engine, app);
    String installed = w.job(app).certificateThumbprint();
    int updates = w.target.certificateUpdates;

    w.trust.crlChanged("crl 2");
    engine.fanOutTrust();
    engine.dispatchDue();
    PushTarget done = w.job(app);
    assertThat(done.state()).isEqualTo(PushState.SUCCEEDED);
    assertThat(done.phase()).isEqualTo("trust list written");
    assertThat(w.target.trustList.trustedCrls().get(0)).asString().isEqualTo("crl 2");
    assertThat(w.target.certificateUpdates).isEqualTo(updates);
    assertThat(done.certificateThumbprint()).isEqualTo(installed);
  }

  @Test
  void aTargetWithoutCreateSigningRequestGetsANewKeyPairInAFormatItTakes() {
    w.target.csrSupported = false;
    w.target.formats = java.util.List.of("PFX");
    UUID app = w.enabled(engine);
    PushTarget done = w.runWhenDue(engine, app);
    assertThat(done.state()).isEqualTo(PushState.SUCCEEDED);
    FakeCertificates.Filed filed = w.certificates.requests.values().iterator().next();
    assertThat(filed.kind).isEqualTo(RequestKind.NEW_KEY_PAIR);
    assertThat(filed.format).isEqualTo("PFX");
    assertThat(done.keyBlob()).as("the kept key goes once the target uses it").isNull();
  }

  @Test
  void aTargetThatTakesNoKeyFormatWeDeliverFailsClearly() {
    w.target.csrSupported = false;
    w.target.formats = java.util.List.of("DER");
    UUID app = w.enabled(engine);
    PushTarget failed = w.runWhenDue(engine, app);
    assertThat(failed.state()).isEqualTo(PushState.FAILED);
    assertThat(failed.lastError()).contains("no private key format the GDS can deliver");
  }

  @Test
  void aPushInterruptedAfterFinishRequestInstallsTheSameCertificateWithTheKeptKey() {
    // a GDS-made key is kept sealed in the job: a retry after FinishRequest needs no new request
    UUID app = w.register();
    engine.enable(io.gdsvault.gds.auth.Caller.system(), w.enableRequest(app, KeyMode.NEW_KEY_PAIR));
    w.pause =
        (point, id) -> {
          if (point == PauseHook.Point.BEFORE_APPLY_CHANGES) {
            throw new IllegalStateException("the node died here");
          }
        };
    PushTarget failed = w.runWhenDue(engine, app);
    assertThat(failed.state()).isEqualTo(PushState.FAILED);
    assertThat(failed.lastError()).isEqualTo("internal error: IllegalStateException");
    assertThat(failed.keyBlob()).isNotNull();
    assertThat(new String(failed.keyBlob(), java.nio.charset.StandardCharsets.ISO_8859_1))
        .as("sealed, not the key itself")
        .doesNotContain("private key of");
    assertThat(w.target.presented).as("nothing was applied").isEqualTo(w.selfSigned);
    UUID request = failed.requestId();

    w.pause = PauseHook.NONE;
    PushTarget done = w.runWhenDue(engine, app);
    assertThat(done.state()).isEqualTo(PushState.SUCCEEDED);
    assertThat(w.certificates.count(app)).isEqualTo(1);
    assertThat(w.certificates.requests.get(request).finishes).isEqualTo(1);
    assertThat(Thumbprints.der(w.target.presented))
        .isEqualTo(w.certificates.requests.get(request).certificate);
    assertThat(done.keyBlob()).isNull();
  }

  @Test
  void aCertificateTheTargetRefusesIsForgottenSoTheRetryFilesANewRequest() {
    w.target.refusesCertificates = true;
    UUID app = w.enabled(engine);
    PushTarget failed = w.runWhenDue(engine, app);
    assertThat(failed.state()).isEqualTo(PushState.FAILED);
    assertThat(failed.lastError())
        .startsWith("the target refused the certificate: ")
        .contains("Bad_CertificateUriInvalid");
    assertThat(failed.requestId()).isNull();
    assertThat(failed.certificateThumbprint()).isNull();
    assertThat(w.target.presented).isEqualTo(w.selfSigned);
    w.target.refusesCertificates = false;
    assertThat(w.runWhenDue(engine, app).state()).isEqualTo(PushState.SUCCEEDED);
    assertThat(w.certificates.count(app)).isEqualTo(2);
  }

  @Test
  void aTargetBusyWithAnotherSessionsChangesGetsTheSameCertificateOnTheRetry() {
    // a GDS killed before ApplyChanges leaves its transaction on the target until that session
    // times out: the retry is refused with Bad_TransactionPending, which is no verdict on the
    // certificate, so the request (and a kept key) stays
    UUID app = w.register();
    engine.enable(io.gdsvault.gds.auth.Caller.system(), w.enableRequest(app, KeyMode.NEW_KEY_PAIR));
    w.target.busy = true;
    PushTarget failed = w.runWhenDue(engine, app);
    assertThat(failed.state()).isEqualTo(PushState.FAILED);
    assertThat(failed.lastError())
        .startsWith("updating the certificate: ")
        .contains("Bad_TransactionPending");
    UUID request = failed.requestId();
    assertThat(request).isNotNull();
    assertThat(failed.keyBlob()).isNotNull();

    w.target.busy = false;
    PushTarget done = w.runWhenDue(engine, app);
    assertThat(done.state()).isEqualTo(PushState.SUCCEEDED);
    assertThat(w.certificates.count(app)).isEqualTo(1);
    assertThat(Thumbprints.der(w.target.presented))
        .isEqualTo(w.certificates.requests.get(request).certificate);
  }

  @Test
  void aTargetThatIgnoresTheWholeListGetsOurCertificatesAddedAndTheJobSaysTheCrlsAreMissing() {
    // node-opcua 2.157 answers CloseAndUpdate with Good and keeps nothing
    w.target.ignoresTrustListWrite = true;
    UUID app = w.enabled(engine);
    PushTarget done = w.runWhenDue(engine, app);
    assertThat(done.state()).isEqualTo(PushState.SUCCEEDED);
    assertThat(w.target.addCertificates).isEqualTo(2);
    assertThat(w.target.trustList.trustedCertificates())
        .anySatisfy(c -> assertThat(Arrays.equals(c, w.ca.der())).isTrue());
    assertThat(done.phase()).isEqualTo("certificate installed" + TrustListStep.CRLS_NOT_KEPT);
  }

  @Test
  void thePauseHookIsCalledAtBothPointsWithTheApplication() {
    java.util.List<String> reached = new java.util.ArrayList<>();
    w.pause = (point, id) -> reached.add(point.label() + " " + id);
    UUID app = w.enabled(engine);
    w.runWhenDue(engine, app);
    assertThat(reached).containsExactly("after-trust-list " + app, "before-apply-changes " + app);
  }

  @Test
  void aStopRequestedDuringThePauseEndsThePushAsFailed() {
    w.pause = (point, id) -> Thread.currentThread().interrupt();
    UUID app = w.enabled(engine);
    PushTarget failed = w.runWhenDue(engine, app);
    assertThat(Thread.interrupted()).isTrue(); // clears the flag for the next test
    assertThat(failed.state()).isEqualTo(PushState.FAILED);
    assertThat(failed.lastError()).isEqualTo("interrupted at after-trust-list");
  }

  @Test
  void anApplicationUnregisteredMeanwhileFailsThePushWithoutTouchingTheTarget() {
    UUID app = w.enabled(engine);
    w.applications.remove(app);
    int connects = w.target.connects;
    PushTarget failed = w.runWhenDue(engine, app);
    assertThat(failed.lastError()).isEqualTo("the application is no longer registered");
    assertThat(w.target.connects).isEqualTo(connects);
  }

  @Test
  void disablingDuringAPushStopsItWithoutRecreatingTheTarget() {
    UUID app = w.enabled(engine);
    w.pause = (point, id) -> engine.disable(io.gdsvault.gds.auth.Caller.system(), app);
    w.clock.set(w.job(app).nextAttemptAt());
    engine.dispatchDue();
    assertThat(w.repository.find(app)).isEmpty();
    assertThat(w.target.certificateUpdates).isZero();
  }
}
