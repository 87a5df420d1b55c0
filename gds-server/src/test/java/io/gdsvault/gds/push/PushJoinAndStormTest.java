package io.gdsvault.gds.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.auth.Caller;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two things seen against real targets: a {@code push run} right after {@code push enable} filed a
 * second certificate request, and a push waiting for approval rewrote the trust list and called
 * ApplyChanges on every poll (130 writes in 9 minutes against open62541). Now a run joins the push
 * in flight, and a waiting push writes the trust list once and then only waits.
 */
class PushJoinAndStormTest {

  final PushWorld w = new PushWorld();
  final PushEngine engine = w.engine();

  @AfterEach
  void close() {
    w.close();
  }

  @Test
  void aRunWhileThePushWaitsForApprovalJoinsItAndFilesNoSecondRequest() {
    w.certificates.autoApprove = false;
    UUID app = w.enabled(engine);
    UUID request = w.runWhenDue(engine, app).requestId();
    engine.run(Caller.system(), app);
    PushTarget joined = w.job(app);
    assertThat(joined.requestId()).isEqualTo(request);
    assertThat(joined.phase()).isEqualTo("waiting for approval of request " + request);
    assertThat(joined.nextAttemptAt()).as("checked again at once").isEqualTo(w.clock.instant());
    assertThat(w.audit).contains("push.run ok scope=FULL joined the push in flight");

    w.runWhenDue(engine, app);
    w.certificates.approve(request);
    PushTarget done = w.runWhenDue(engine, app);
    assertThat(done.state()).isEqualTo(PushState.SUCCEEDED);
    assertThat(done.rerunScope()).isNull();
    assertThat(w.certificates.count(app)).isEqualTo(1);
  }

  @Test
  void aRunWhileThePushRunsJoinsItSoNoSecondPushFollows() {
    UUID app = w.register();
    w.pause =
        (point, id) -> {
          if (point == PauseHook.Point.AFTER_TRUST_LIST) {
            engine.run(Caller.system(), app);
          }
        };
    engine.enable(Caller.system(), w.enableRequest(app, KeyMode.CSR));
    PushTarget done = w.runWhenDue(engine, app);
    assertThat(done.state()).as("no second push queued behind").isEqualTo(PushState.SUCCEEDED);
    assertThat(done.nextAttemptAt()).isNull();
    assertThat(w.certificates.count(app)).isEqualTo(1);
  }

  @Test
  void aPushWaitingForApprovalWritesTheTrustListOnceAndThenOnlyWaits() {
    w.certificates.autoApprove = false;
    UUID app = w.enabled(engine);
    int connectsAfterEnable = w.target.connects;
    for (int poll = 0; poll < 100; poll++) {
      assertThat(w.runWhenDue(engine, app).state()).isEqualTo(PushState.PENDING);
    }
    assertThat(w.target.trustListWrites).isEqualTo(1);
    assertThat(w.target.applyChanges).isEqualTo(1);
    assertThat(w.target.connects - connectsAfterEnable)
        .as("one session to write, one after ApplyChanges; none while waiting")
        .isEqualTo(2);
    assertThat(w.certificates.count(app)).isEqualTo(1);

    // our trust list changes while the push waits: written once more, then waiting again
    w.trust.crlChanged("crl 2");
    engine.fanOutTrust();
    for (int poll = 0; poll < 100; poll++) {
      w.runWhenDue(engine, app);
    }
    assertThat(w.target.trustListWrites).isEqualTo(2);
    assertThat(w.target.applyChanges).isEqualTo(2);
    assertThat(w.target.trustList.trustedCrls().get(0)).asString().isEqualTo("crl 2");
    assertThat(w.job(app).phase()).startsWith("waiting for approval");

    w.certificates.approve(w.job(app).requestId());
    PushTarget done = w.runWhenDue(engine, app);
    assertThat(done.state()).isEqualTo(PushState.SUCCEEDED);
    assertThat(done.phase()).isEqualTo("certificate installed");
    assertThat(w.target.trustListWrites).as("not written again to install").isEqualTo(2);
  }

  @Test
  void aTargetThatDropsOurCrlsIsStillWrittenOnceAndTheJobKeepsSaying() {
    w.certificates.autoApprove = false;
    w.target.dropsCrls = true;
    UUID app = w.enabled(engine);
    for (int poll = 0; poll < 20; poll++) {
      w.runWhenDue(engine, app);
    }
    assertThat(w.target.trustListWrites).isEqualTo(1);
    w.certificates.approve(w.job(app).requestId());
    assertThat(w.runWhenDue(engine, app).phase())
        .isEqualTo("certificate installed" + TrustListStep.CRLS_NOT_KEPT);
  }

  @Test
  void aNewPushWritesTheTrustListAgain() {
    UUID app = w.enabled(engine);
    w.runWhenDue(engine, app);
    engine.run(Caller.system(), app);
    w.runWhenDue(engine, app);
    assertThat(w.target.trustListWrites).isEqualTo(2);
  }

  @Test
  void theDigestCoversEveryListAndEveryByte() {
    var a =
        new io.gdsvault.gds.trust.TrustListContent(
            java.util.List.of(new byte[] {1, 2}),
            java.util.List.of(),
            java.util.List.of(),
            java.util.List.of());
    var b =
        new io.gdsvault.gds.trust.TrustListContent(
            java.util.List.of(new byte[] {1}, new byte[] {2}),
            java.util.List.of(),
            java.util.List.of(),
            java.util.List.of());
    var c =
        new io.gdsvault.gds.trust.TrustListContent(
            java.util.List.of(),
            java.util.List.of(new byte[] {1, 2}),
            java.util.List.of(),
            java.util.List.of());
    assertThat(TrustListStep.digest(a))
        .isNotEqualTo(TrustListStep.digest(b))
        .isNotEqualTo(TrustListStep.digest(c))
        .isEqualTo(TrustListStep.digest(a))
        .hasSize(64);
  }
}
