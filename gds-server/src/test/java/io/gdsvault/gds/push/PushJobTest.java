package io.gdsvault.gds.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The push job state machine: each named transition and the moves it refuses. */
class PushJobTest {

  static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
  static final PushSettings SETTINGS =
      new PushSettings(
          2,
          3,
          Duration.ofSeconds(10),
          Duration.ofSeconds(25),
          Duration.ofMinutes(2),
          Duration.ofSeconds(2),
          0.5,
          Duration.ofMinutes(10),
          Duration.ofSeconds(30));

  PushJob first = PushJob.first("queued by admin", NOW);

  @Test
  void theFirstJobIsAFullPushDueNow() {
    assertThat(first.state()).isEqualTo(PushState.PENDING);
    assertThat(first.scope()).isEqualTo(PushScope.FULL);
    assertThat(first.nextAttemptAt()).isEqualTo(NOW);
    assertThat(first.attempts()).isZero();
    assertThat(first.lease()).isNull();
  }

  @Test
  void aClaimMakesTheJobRunningUnderTheNodesLease() {
    PushJob running = first.claimed("node-a", NOW.plusSeconds(120));
    assertThat(running.state()).isEqualTo(PushState.RUNNING);
    assertThat(running.lease()).isEqualTo(new PushJob.Lease("node-a", NOW.plusSeconds(120)));
    assertThat(running.lease().expired(NOW.plusSeconds(121))).isTrue();
    assertThat(running.lease().expired(NOW.plusSeconds(120))).isFalse();
    // a heartbeat renews the lease and names the step
    PushJob later = running.progressed("node-a", "writing trust list", NOW.plusSeconds(180));
    assertThat(later.phase()).isEqualTo("writing trust list");
    assertThat(later.lease().until()).isEqualTo(NOW.plusSeconds(180));
    // takeover: a running job whose lease ran out is claimed by another node
    PushJob takenOver = later.claimed("node-b", NOW.plusSeconds(400));
    assertThat(takenOver.lease().node()).isEqualTo("node-b");
  }

  @Test
  void aSucceededJobCannotBeClaimedOrFailedOnlyQueued() {
    PushJob done = first.claimed("n", NOW).succeeded("certificate installed", NOW);
    assertThat(done.state()).isEqualTo(PushState.SUCCEEDED);
    assertThat(done.nextAttemptAt()).isNull();
    assertThat(done.lastPush()).isEqualTo(NOW);
    assertThatThrownBy(() -> done.claimed("n", NOW))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("succeeded");
    assertThatThrownBy(() -> done.failed("x", NOW, SETTINGS))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> first.succeeded("x", NOW)).isInstanceOf(IllegalStateException.class);
    PushJob again = done.queued(PushScope.TRUST, "trust list changed", NOW.plusSeconds(5));
    assertThat(again.state()).isEqualTo(PushState.PENDING);
    assertThat(again.scope()).as("an idle job starts afresh").isEqualTo(PushScope.TRUST);
    assertThat(again.phase()).isEqualTo("queued: trust list changed");
    assertThat(again.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
  }

  @Test
  void aPushQueuedWhileAJobRunsWaitsBehindItAndStartsWhenItEnds() {
    PushJob trustRunning =
        first
            .claimed("n", NOW)
            .succeeded("done", NOW)
            .queued(PushScope.TRUST, "crl", NOW)
            .claimed("n", NOW.plusSeconds(120));
    PushJob queued = trustRunning.queued(PushScope.TRUST, "trust list changed", NOW);
    assertThat(queued.state()).isEqualTo(PushState.RUNNING);
    assertThat(queued.scope()).isEqualTo(PushScope.TRUST);
    assertThat(queued.rerunScope()).isEqualTo(PushScope.TRUST);
    PushJob widened = queued.queued(PushScope.FULL, "renewal", NOW);
    assertThat(widened.rerunScope()).isEqualTo(PushScope.FULL);

    PushJob ended = widened.succeeded("trust list written", NOW.plusSeconds(30));
    assertThat(ended.state()).as("the queued push starts at once").isEqualTo(PushState.PENDING);
    assertThat(ended.scope()).isEqualTo(PushScope.FULL);
    assertThat(ended.rerunScope()).isNull();
    assertThat(ended.nextAttemptAt()).isEqualTo(NOW.plusSeconds(30));
    assertThat(ended.trust()).as("a new push writes the trust list again").isNull();
  }

  @Test
  void aPendingJobWidensItsScopeInsteadOfQueueingAnother() {
    PushJob trust =
        first.claimed("n", NOW).succeeded("done", NOW).queued(PushScope.TRUST, "crl", NOW);
    PushJob widened = trust.queued(PushScope.FULL, "run by admin", NOW.plusSeconds(1));
    assertThat(widened.scope()).isEqualTo(PushScope.FULL);
    assertThat(widened.queued(PushScope.TRUST, "crl", NOW).scope())
        .as("a trust push never narrows a queued full push")
        .isEqualTo(PushScope.FULL);
  }

  @Test
  void failuresAreCountedRetriedAfterABackoffAndStopAfterTheLastAttempt() {
    PushJob f1 = first.claimed("n", NOW).failed("connection refused", NOW, SETTINGS);
    assertThat(f1.state()).isEqualTo(PushState.FAILED);
    assertThat(f1.attempts()).isEqualTo(1);
    assertThat(f1.lastError()).isEqualTo("connection refused");
    assertThat(f1.phase()).isEqualTo("failed");
    assertThat(f1.lease()).isNull();
    assertThat(f1.nextAttemptAt()).isEqualTo(NOW.plusSeconds(10));
    PushJob f2 = f1.claimed("n", NOW).failed("again", NOW, SETTINGS);
    assertThat(f2.nextAttemptAt()).isEqualTo(NOW.plusSeconds(20));
    PushJob f3 = f2.claimed("n", NOW).failed("and again", NOW, SETTINGS);
    assertThat(f3.attempts()).isEqualTo(3);
    assertThat(f3.nextAttemptAt()).as("maxAttempts 3: no retry left").isNull();
    // a trigger queues it afresh with the count reset
    PushJob queued = f3.queued(PushScope.FULL, "run by admin", NOW);
    assertThat(queued.attempts()).isZero();
    assertThat(queued.lastError()).as("the last error stays visible").isEqualTo("and again");
  }

  @Test
  void aFailedAttemptTakesThePushQueuedBehindItIntoItsRetry() {
    PushJob trustRunning =
        new PushJob(
            PushState.RUNNING,
            PushScope.TRUST,
            PushScope.FULL,
            null,
            0,
            null,
            null,
            null,
            new PushJob.Lease("n", NOW),
            null);
    PushJob failed = trustRunning.failed("x", NOW, SETTINGS);
    assertThat(failed.scope()).isEqualTo(PushScope.FULL);
    assertThat(failed.rerunScope()).isNull();
  }

  @Test
  void aJobWaitingForApprovalIsPendingWithoutLeaseAndDueAfterThePoll() {
    PushJob waiting =
        first.claimed("n", NOW).awaitingApproval("waiting for approval", NOW.plusSeconds(2));
    assertThat(waiting.state()).isEqualTo(PushState.PENDING);
    assertThat(waiting.lease()).isNull();
    assertThat(waiting.nextAttemptAt()).isEqualTo(NOW.plusSeconds(2));
    assertThat(waiting.phase()).isEqualTo("waiting for approval");
  }

  @Test
  void aReleasedClaimIsQueuedAsItWas() {
    PushJob released = first.claimed("n", NOW).released("no free push slot");
    assertThat(released.state()).isEqualTo(PushState.PENDING);
    assertThat(released.nextAttemptAt()).isEqualTo(NOW);
    assertThat(released.lease()).isNull();
  }

  @Test
  void enablingAgainQueuesAFullPushAndForgetsFailures() {
    PushJob failed = first.claimed("n", NOW).failed("x", NOW, SETTINGS);
    PushJob again = failed.reEnabled("queued by admin", NOW.plusSeconds(1));
    assertThat(again.state()).isEqualTo(PushState.PENDING);
    assertThat(again.scope()).isEqualTo(PushScope.FULL);
    assertThat(again.attempts()).isZero();
    assertThat(again.lastError()).isNull();
    PushJob running = first.claimed("n", NOW).reEnabled("queued by admin", NOW);
    assertThat(running.state()).isEqualTo(PushState.RUNNING);
    assertThat(running.rerunScope()).isEqualTo(PushScope.FULL);
  }

  @Test
  void theStateMachineListsEveryAllowedMove() {
    assertThat(PushState.PENDING.successors())
        .containsExactlyInAnyOrder(PushState.PENDING, PushState.RUNNING);
    assertThat(PushState.RUNNING.successors()).containsExactlyInAnyOrder(PushState.values());
    assertThat(PushState.SUCCEEDED.successors()).containsExactly(PushState.PENDING);
    assertThat(PushState.FAILED.successors())
        .containsExactlyInAnyOrder(PushState.PENDING, PushState.RUNNING);
    assertThat(PushState.PENDING.isActive()).isTrue();
    assertThat(PushState.SUCCEEDED.isActive()).isFalse();
  }

  @Test
  void anOperatorsRunJoinsAFullPushThatIsPendingOrRunningInsteadOfQueueingASecond() {
    // the duplicate request: push enable queues a full push, and an immediate push run must not
    // queue another one behind it
    PushJob waiting =
        first
            .claimed("n", NOW)
            .awaitingApproval("waiting for approval of request r", NOW.plusSeconds(2));
    assertThat(waiting.joins(PushScope.FULL)).isTrue();
    PushJob joined = waiting.queued(PushScope.FULL, "run by admin", NOW.plusSeconds(1));
    assertThat(joined.phase()).as("still the push in flight").isEqualTo(waiting.phase());
    assertThat(joined.nextAttemptAt()).as("and due at once").isEqualTo(NOW.plusSeconds(1));
    assertThat(joined.rerunScope()).isNull();

    PushJob running = first.claimed("n", NOW.plusSeconds(120));
    PushJob runningJoined = running.queued(PushScope.FULL, "run by admin", NOW);
    assertThat(runningJoined).isEqualTo(running);
    assertThat(runningJoined.rerunScope()).as("nothing queued behind").isNull();
    // a trust list change while a full push runs is still written after it
    assertThat(running.joins(PushScope.TRUST)).isFalse();
    assertThat(running.queued(PushScope.TRUST, "crl", NOW).rerunScope()).isEqualTo(PushScope.TRUST);
    // a trust list push in flight is not what a run asks for: the full push is queued behind
    PushJob trustRunning =
        first
            .claimed("n", NOW)
            .succeeded("x", NOW)
            .queued(PushScope.TRUST, "crl", NOW)
            .claimed("n", NOW);
    assertThat(trustRunning.queued(PushScope.FULL, "run", NOW).rerunScope())
        .isEqualTo(PushScope.FULL);
  }

  @Test
  void theTrustListWrittenIsKeptWithinAPushAndForgottenWhenANewPushStarts() {
    PushJob.TrustWritten written = new PushJob.TrustWritten("d1", true);
    PushJob running = first.claimed("n", NOW).withTrust(written);
    // waiting, retries and a joining run keep it: the same push does not write the list again
    PushJob waiting = running.awaitingApproval("waiting", NOW);
    assertThat(waiting.trust()).isEqualTo(written);
    assertThat(waiting.queued(PushScope.FULL, "run", NOW).trust()).isEqualTo(written);
    PushJob failed = running.failed("x", NOW, SETTINGS);
    assertThat(failed.trust()).isEqualTo(written);
    assertThat(failed.queued(PushScope.FULL, "run", NOW).trust())
        .as("a retry of the same push")
        .isEqualTo(written);
    // a new push writes it again
    PushJob done = running.succeeded("ok", NOW);
    assertThat(done.queued(PushScope.FULL, "renewal", NOW).trust()).isNull();
    assertThat(done.reEnabled("queued by admin", NOW).trust()).isNull();
    PushJob exhausted =
        new PushJob(
            PushState.FAILED, PushScope.FULL, null, null, 3, "x", null, null, null, written);
    assertThat(exhausted.queued(PushScope.FULL, "run", NOW).trust()).isNull();
  }

  @Test
  void aRequestInFlightIsShownWithoutItsKey() {
    UUID request = UUID.randomUUID();
    CertificateSlot.InFlight f = new CertificateSlot.InFlight(request, new byte[] {1, 2});
    assertThat(f.toString()).doesNotContain("[1, 2]").contains(request.toString());
    CertificateSlot slot = CertificateSlot.issued("RsaSha256ApplicationCertificateType", null);
    assertThat(slot.withInFlight(f).describe())
        .isEqualTo("RsaSha256ApplicationCertificateType=requested;request=" + request);
    assertThat(
            CertificateSlot.skipped("EccCurve448ApplicationCertificateType", "not ours").describe())
        .isEqualTo("EccCurve448ApplicationCertificateType=skipped;reason=not ours");
  }
}
