package io.gdsvault.gds.push;

import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What queues pushes besides operators: a CA or CRL change queues the trust list to every target;
 * the renewal scan queues a full push for certificates the {@link RenewalPolicy} says are due.
 */
final class PushTriggers {

  private static final Logger log = LoggerFactory.getLogger(PushTriggers.class);

  private final PushJobs jobs;
  private final RenewalPolicy renewal;
  private final Clock clock;
  private final PushDispatcher dispatcher;

  PushTriggers(PushJobs jobs, RenewalPolicy renewal, Clock clock, PushDispatcher dispatcher) {
    this.jobs = jobs;
    this.renewal = renewal;
    this.clock = clock;
    this.dispatcher = dispatcher;
  }

  /** Queues a push of {@code scope}; false when the target is not managed by push. */
  boolean enqueue(UUID applicationId, PushScope scope, String why) {
    return jobs.change(applicationId, t -> t.queued(scope, why, clock.instant())).isPresent();
  }

  /** A CA or CRL changed: every target gets the new trust list. */
  void fanOutTrust() {
    if (dispatcher.closed()) {
      return;
    }
    int n = 0;
    for (PushTarget t : jobs.list()) {
      if (enqueue(t.applicationId(), PushScope.TRUST, "trust list changed")) {
        n++;
      }
    }
    if (n > 0) {
      log.info("trust change: queued trust list push to {} targets", n);
      dispatcher.wake();
    }
  }

  /** Queues a full push for every target whose certificate is due; returns how many. */
  int scanRenewals() {
    int n = 0;
    for (PushTarget t : jobs.list()) {
      if (fullPushQueued(t)) {
        continue;
      }
      @Nullable String why = renewal.reason(t, clock.instant());
      if (why != null && enqueue(t.applicationId(), PushScope.FULL, why)) {
        log.info("renewal queued applicationId={} reason={}", t.applicationId(), why);
        n++;
      }
    }
    if (n > 0) {
      dispatcher.wake();
    }
    return n;
  }

  private static boolean fullPushQueued(PushTarget t) {
    return t.state().isActive()
        && (t.scope() == PushScope.FULL || t.rerunScope() == PushScope.FULL);
  }
}
