package io.gdsvault.gds.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one job store: a job claimed by a node is not run by another while its lease holds;
 * when the node dies (no heartbeat) the next node to poll after the lease ran out takes the job
 * over, and the dead node, should it wake up, may no longer change it.
 */
class LeaseTakeoverTest {

  final PushWorld w = new PushWorld();

  @AfterEach
  void close() {
    w.close();
  }

  /** Workers that accept jobs and never run them: a node that dies right after its claim. */
  static final class Stalled implements java.util.concurrent.Executor {
    final List<Runnable> held = new ArrayList<>();

    @Override
    public void execute(Runnable r) {
      held.add(r);
    }
  }

  @Test
  void aRunningJobIsNotClaimedByAnotherNodeWhileItsLeaseHolds() {
    Stalled dead = new Stalled();
    PushEngine a = w.engine(dead, w.sleeper);
    PushEngine b = w.engine();
    UUID app = w.enabled(a);
    a.dispatchDue();
    PushTarget claimed = w.job(app);
    assertThat(claimed.state()).isEqualTo(PushState.RUNNING);
    assertThat(claimed.leaseUntil()).isEqualTo(w.clock.instant().plus(w.settings.lease()));

    w.clock.advance(w.settings.lease());
    b.dispatchDue();
    assertThat(w.job(app).claimedBy()).as("the lease still holds").isEqualTo(claimed.claimedBy());
    assertThat(w.target.connects).as("only enable connected").isEqualTo(1);
  }

  @Test
  void aJobWhoseNodeDiedIsTakenOverAfterItsLeaseAndTheDeadNodeCannotChangeItAnyMore() {
    Stalled dead = new Stalled();
    PushEngine a = w.engine(dead, w.sleeper);
    PushEngine b = w.engine();
    UUID app = w.enabled(a);
    a.dispatchDue();
    String nodeA = w.job(app).claimedBy();

    w.clock.advance(w.settings.lease().plus(Duration.ofMillis(1)));
    b.dispatchDue();
    PushTarget done = w.job(app);
    assertThat(done.state()).isEqualTo(PushState.SUCCEEDED);
    assertThat(done.certificateThumbprint()).isEqualTo(Thumbprints.of(w.target.presented));
    int updates = w.target.certificateUpdates;
    long requests = w.certificates.count(app);

    // node A wakes up and runs what it had claimed: its first step finds the job taken over
    dead.held.forEach(Runnable::run);
    PushTarget after = w.job(app);
    assertThat(after.state()).isEqualTo(PushState.SUCCEEDED);
    assertThat(after.certificateThumbprint()).isEqualTo(done.certificateThumbprint());
    assertThat(after.lastError()).isNull();
    assertThat(w.target.certificateUpdates).isEqualTo(updates);
    assertThat(w.certificates.count(app)).isEqualTo(requests);
    assertThat(nodeA).isNotNull();
  }

  @Test
  void aNodeThatLosesItsLeaseInTheMiddleOfAPushStopsBeforeItsNextStep() {
    PushEngine b = w.engine();
    PushEngine[] a = new PushEngine[1];
    UUID app = w.register();
    // node A stalls after the trust list: meanwhile its lease runs out and node B takes over
    w.pause =
        (point, id) -> {
          if (point == PauseHook.Point.AFTER_TRUST_LIST && a[0] != null) {
            a[0] = null;
            w.clock.advance(w.settings.lease().plusSeconds(1));
            b.dispatchDue();
          }
        };
    a[0] = w.engine();
    a[0].enable(io.gdsvault.gds.auth.Caller.system(), w.enableRequest(app, KeyMode.CSR));
    a[0].dispatchDue();
    PushTarget done = w.job(app);
    assertThat(done.state()).isEqualTo(PushState.SUCCEEDED);
    assertThat(w.certificates.count(app)).as("node A filed no request").isEqualTo(1);
    assertThat(w.audit.stream().filter(x -> x.startsWith("push.succeeded"))).hasSize(1);
    assertThat(w.audit.stream().filter(x -> x.startsWith("push.failed"))).isEmpty();
  }

  @Test
  void jobsBeyondTheFreeSlotsAreLeftForTheNextPoll() {
    Stalled busy = new Stalled();
    PushEngine a = w.engine(busy, w.sleeper);
    List<UUID> apps = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      apps.add(w.enabled(a));
    }
    a.dispatchDue();
    long running = apps.stream().filter(x -> w.job(x).state() == PushState.RUNNING).count();
    assertThat(running).as("maxConcurrentPushes is 2").isEqualTo(2);
    a.dispatchDue();
    assertThat(busy.held).as("no slot is free until a push ends").hasSize(2);
  }
}
