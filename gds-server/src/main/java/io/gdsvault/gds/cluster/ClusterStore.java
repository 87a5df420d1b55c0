package io.gdsvault.gds.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the nodes sharing one database coordinate through: leases on scheduled work, change counters
 * and the node list. Every method is its own short transaction; every write is one conditional row
 * update, so two nodes calling at the same time cannot both win.
 */
public interface ClusterStore {

  /**
   * Takes or renews the lease {@code name} for {@code holder} until {@code now + ttl}, if it is
   * free, expired or already held by {@code holder}.
   *
   * @return the fencing number of the lease (grows with every change of holder), or empty when
   *     another node holds it
   */
  OptionalLong tryAcquire(String name, String holder, Duration ttl, Instant now);

  /** Gives the lease up at once if {@code holder} holds it (graceful shutdown). */
  void release(String name, String holder, Instant now);

  /** The holder of the lease and until when, if the lease exists. */
  java.util.Optional<Lease> lease(String name);

  /** Increments the counter of {@code topic} and returns its new value. */
  long bump(String topic);

  /** The counter of {@code topic} (0 before its first bump). */
  long version(String topic);

  /** Records that {@code node} is alive at {@code now}. */
  void heartbeat(String node, String endpointUrl, Instant now);

  /** The nodes seen since {@code since}, oldest start first. */
  List<Node> nodesSeenSince(Instant since);

  record Lease(String name, String holder, Instant expiresAt, long fencing) {}

  record Node(String nodeId, String endpointUrl, Instant startedAt, Instant lastSeen) {}
}
