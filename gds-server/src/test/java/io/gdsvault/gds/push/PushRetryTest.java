package io.gdsvault.gds.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Retries and waits: failed attempts back off and end after maxAttempts; reconnecting after
 * ApplyChanges and verification retry while the target restarts, and end both when the clock passes
 * the timeout and, under a clock that never moves, after a bounded number of tries.
 */
class PushRetryTest {

  final PushWorld w = new PushWorld();

  @AfterEach
  void close() {
    w.close();
  }

  @Test
  void aTargetThatIsDownFailsWithItsErrorAndIsRetriedAfterTheBackoffUntilItIsBack() {
    PushEngine engine = w.engine();
    UUID app = w.enabled(engine);
    w.target.down = true;
    PushTarget failed = w.runWhenDue(engine, app);
    assertThat(failed.state()).isEqualTo(PushState.FAILED);
    assertThat(failed.lastError()).contains("connection refused");
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.nextAttemptAt()).isEqualTo(w.clock.instant().plusSeconds(10));
    assertThat(w.audit).anySatisfy(a -> assertThat(a).startsWith("push.failed failed"));

    // not due before the backoff ends
    w.clock.advance(Duration.ofSeconds(9));
    int connects = w.target.connects;
    engine.dispatchDue();
    assertThat(w.target.connects).isEqualTo(connects);

    w.target.down = false;
    PushTarget ok = w.runWhenDue(engine, app);
    assertThat(ok.state()).isEqualTo(PushState.SUCCEEDED);
    assertThat(ok.attempts()).isZero();
    assertThat(ok.lastError()).isNull();
  }

  @Test
  void afterTheLastAttemptTheJobStaysFailedUntilATrigger() {
    PushEngine engine = w.engine();
    UUID app = w.enabled(engine);
    w.target.down = true;
    for (int i = 1; i <= w.settings.maxAttempts(); i++) {
      assertThat(w.runWhenDue(engine, app).attempts()).isEqualTo(i);
    }
    PushTarget exhausted = w.job(app);
    assertThat(exhausted.nextAttemptAt()).isNull();
    int connects = w.target.connects;
    w.clock.advance(Duration.ofDays(1));
    engine.dispatchDue();
    assertThat(w.target.connects).as("no attempt is left").isEqualTo(connects);

    w.target.down = false;
    engine.run(io.gdsvault.gds.auth.Caller.system(), app);
    assertThat(w.runWhenDue(engine, app).state()).isEqualTo(PushState.SUCCEEDED);
  }

  @Test
  void reconnectingAfterApplyChangesWaitsWhileTheTargetRestartsItsEndpoints() {
    PushEngine engine = w.engine();
    UUID app = w.enabled(engine);
    w.target.refusalsAfterApply = 3;
    PushTarget done = w.runWhenDue(engine, app);
    assertThat(done.state()).isEqualTo(PushState.SUCCEEDED);
    assertThat(w.sleeps).contains(TargetLink.FIRST_TRY, TargetLink.RETRY);
  }

  @Test
  void aTargetThatNeverComesBackEndsTheReconnectAtTheTimeout() {
    PushEngine engine = w.engine();
    UUID app = w.enabled(engine);
    w.target.refusalsAfterApply = Integer.MAX_VALUE;
    PushTarget failed = w.runWhenDue(engine, app);
    assertThat(failed.state()).isEqualTo(PushState.FAILED);
    assertThat(failed.lastError())
        .startsWith("writing the trust list: reconnecting after ApplyChanges: cannot connect");
    Duration slept = w.sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    assertThat(slept)
        .isGreaterThanOrEqualTo(w.settings.verifyTimeout())
        .isLessThan(w.settings.verifyTimeout().plusSeconds(1));
  }

  @Test
  void underAClockThatNeverMovesTheReconnectEndsAfterABoundedNumberOfTries() {
    // a fixed clock: only the number of tries ends the wait
    PushEngine engine = w.engine(Runnable::run, d -> {});
    UUID app = w.enabled(engine);
    w.target.refusalsAfterApply = Integer.MAX_VALUE;
    int before = w.target.connects;
    PushTarget failed = w.runWhenDue(engine, app);
    assertThat(failed.state()).isEqualTo(PushState.FAILED);
    long tries = 2 + w.settings.verifyTimeout().toMillis() / TargetLink.RETRY.toMillis();
    // the first connect, then the bounded reconnect tries
    assertThat(w.target.connects - before).isEqualTo(1 + tries);
  }

  @Test
  void aTargetThatKeepsItsOldCertificateFailsVerificationWithWhatItPresents() {
    PushEngine engine = w.engine();
    UUID app = w.enabled(engine);
    w.target.keepsOldCertificate = true;
    PushTarget failed = w.runWhenDue(engine, app);
    assertThat(failed.state()).isEqualTo(PushState.FAILED);
    assertThat(failed.lastError())
        .startsWith("the target does not present the new certificate ")
        .contains("the endpoint still advertises [" + Thumbprints.of(w.selfSigned) + "]");
    assertThat(failed.certificateThumbprint()).isNull();
  }

  @Test
  void underAClockThatNeverMovesVerificationEndsAfterABoundedNumberOfTries() {
    PushEngine engine = w.engine(Runnable::run, d -> {});
    UUID app = w.enabled(engine);
    w.target.keepsOldCertificate = true;
    PushTarget failed = w.runWhenDue(engine, app);
    assertThat(failed.state()).isEqualTo(PushState.FAILED);
    long tries = 2 + w.settings.verifyTimeout().toMillis() / TargetLink.RETRY.toMillis();
    assertThat(w.target.endpointQueries).isEqualTo(tries);
  }
}
