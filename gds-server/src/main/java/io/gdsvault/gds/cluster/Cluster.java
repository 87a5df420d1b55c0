package io.gdsvault.gds.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's part in a group of GDS nodes sharing one database: its identity and heartbeat,
 * claimed (single-node) scheduled work and change relays. With one node (H2) it costs a few tiny
 * queries a minute and changes nothing.
 */
public final class Cluster implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Cluster.class);

  /** How often relays look for changes made by other nodes. */
  public static final Duration RELAY_POLL = Duration.ofSeconds(2);

  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private final ClusterStore store;
  private final NodeIdentity node;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final List<ClaimedTask> tasks = new CopyOnWriteArrayList<>();
  private final List<ChangeRelay> relays = new CopyOnWriteArrayList<>();

  public Cluster(ClusterStore store, NodeIdentity node, String endpointUrl, Clock clock) {
    this.store = store;
    this.node = node;
    this.clock = clock;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gds-cluster");
              t.setDaemon(true);
              return t;
            });
    store.heartbeat(node.id(), endpointUrl, clock.instant());
    // the futures are not kept: safe() logs every failure and close() stops the scheduler
    var unusedHeartbeat =
        scheduler.scheduleWithFixedDelay(
            safe(() -> store.heartbeat(node.id(), endpointUrl, clock.instant())),
            HEARTBEAT.toMillis(),
            HEARTBEAT.toMillis(),
            TimeUnit.MILLISECONDS);
    var unusedRelays =
        scheduler.scheduleWithFixedDelay(
            safe(this::pollRelays),
            RELAY_POLL.toMillis(),
            RELAY_POLL.toMillis(),
            TimeUnit.MILLISECONDS);
    log.info("cluster node {} endpoint={}", node, endpointUrl);
  }

  public NodeIdentity node() {
    return node;
  }

  public ClusterStore store() {
    return store;
  }

  /** Work only the lease holder runs; schedule the returned task on every node. */
  public ClaimedTask claimed(String name, Duration ttl, Runnable work) {
    ClaimedTask t = new ClaimedTask(store, node, name, ttl, work, clock);
    tasks.add(t);
    return t;
  }

  /** A relay for {@code topic}, polled every {@link #RELAY_POLL}. */
  public ChangeRelay relay(String topic, Runnable onRemoteChange) {
    ChangeRelay r = new ChangeRelay(store, topic, onRemoteChange);
    relays.add(r);
    return r;
  }

  /** Polls every relay now (also runs on the schedule). */
  public void pollRelays() {
    for (ChangeRelay r : relays) {
      try {
        r.poll();
      } catch (RuntimeException e) {
        log.warn("change relay {} failed: {}", r.topic(), e.toString());
      }
    }
  }

  private static Runnable safe(Runnable r) {
    return () -> {
      try {
        r.run();
      } catch (RuntimeException e) {
        log.warn("cluster task failed: {}", e.toString());
      }
    };
  }

  /** Stops the schedules and gives up this node's leases so another node takes over at once. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    for (ClaimedTask t : tasks) {
      try {
        t.release();
      } catch (RuntimeException e) {
        log.debug("lease release failed", e);
      }
    }
  }
}
