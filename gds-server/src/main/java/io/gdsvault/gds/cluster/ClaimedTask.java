package io.gdsvault.gds.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled work that exactly one node runs: every node schedules the task, each run first takes or
 * renews the lease {@code name}; only the holder does the work. A node that dies keeps the lease
 * until its {@code ttl} runs out, then the next node to run the task takes it over. Use a ttl of
 * two to three times the schedule's period.
 *
 * <p>Reusable for any periodic job (CRL re-issue, key purge, renewal scans of the push engine):
 * {@code scheduler.scheduleWithFixedDelay(cluster.claimed("name", ttl, work), ...)}.
 */
public final class ClaimedTask implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(ClaimedTask.class);

  private final ClusterStore store;
  private final NodeIdentity node;
  private final String name;
  private final Duration ttl;
  private final Runnable work;
  private final Clock clock;
  private final AtomicLong runs = new AtomicLong();
  private volatile long fencing = -1;

  public ClaimedTask(
      ClusterStore store,
      NodeIdentity node,
      String name,
      Duration ttl,
      Runnable work,
      Clock clock) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("lease ttl must be positive");
    }
    this.store = store;
    this.node = node;
    this.name = name;
    this.ttl = ttl;
    this.work = work;
    this.clock = clock;
  }

  /** Runs the work if this node holds (or could take) the lease; true when it ran. */
  public boolean runIfClaimed() {
    OptionalLong f = store.tryAcquire(name, node.id(), ttl, clock.instant());
    if (f.isEmpty()) {
      return false;
    }
    if (f.getAsLong() != fencing) {
      log.info("node {} holds the lease {} (fencing {})", node, name, f.getAsLong());
      fencing = f.getAsLong();
    }
    work.run();
    runs.incrementAndGet();
    return true;
  }

  @Override
  public void run() {
    runIfClaimed();
  }

  public String name() {
    return name;
  }

  /** How often this node ran the work. */
  public long runs() {
    return runs.get();
  }

  /** Gives the lease up (graceful shutdown) so another node takes over at its next run. */
  public void release() {
    store.release(name, node.id(), clock.instant());
  }
}
