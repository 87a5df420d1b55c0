package io.gdsvault.gds.persistence.jdbc;

import io.gdsvault.gds.cluster.ClusterStore;
import io.gdsvault.gds.persistence.Transactions;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;

/**
 * {@link ClusterStore} on plain SQL (H2 and PostgreSQL). A lease changes hands with one conditional
 * UPDATE: the database's row lock lets exactly one of two racing nodes match; a missing row is
 * inserted, and the loser of that race gets a duplicate key and no lease.
 */
public final class JdbcClusterStore implements ClusterStore {

  private final Transactions tx;

  public JdbcClusterStore(Transactions tx) {
    this.tx = tx;
  }

  @Override
  public OptionalLong tryAcquire(String name, String holder, Duration ttl, Instant now) {
    Timestamp until = Timestamp.from(now.plus(ttl));
    Timestamp at = Timestamp.from(now);
    OptionalLong won =
        tx.inTransaction(
            () -> {
              int updated =
                  h().createUpdate(
                          "UPDATE cluster_leases SET expires_at = :u, fencing = CASE WHEN holder ="
                              + " :h THEN fencing ELSE fencing + 1 END, holder = :h WHERE name = :n"
                              + " AND (holder = :h OR expires_at < :now)")
                      .bind("n", name)
                      .bind("h", holder)
                      .bind("u", until)
                      .bind("now", at)
                      .execute();
              if (updated == 1) {
                return OptionalLong.of(
                    h().createQuery("SELECT fencing FROM cluster_leases WHERE name = :n")
                        .bind("n", name)
                        .mapTo(Long.class)
                        .one());
              }
              return null;
            });
    if (won != null) {
      return won;
    }
    boolean exists =
        tx.inTransaction(
            () ->
                h().createQuery("SELECT COUNT(*) FROM cluster_leases WHERE name = :n")
                        .bind("n", name)
                        .mapTo(Integer.class)
                        .one()
                    > 0);
    if (exists) {
      return OptionalLong.empty();
    }
    try {
      tx.run(
          () ->
              h().createUpdate(
                      "INSERT INTO cluster_leases (name, holder, expires_at, fencing) VALUES (:n,"
                          + " :h, :u, 1)")
                  .bind("n", name)
                  .bind("h", holder)
                  .bind("u", until)
                  .execute());
      return OptionalLong.of(1);
    } catch (RuntimeException e) {
      // another node inserted the lease first: it holds it
      return OptionalLong.empty();
    }
  }

  @Override
  public void release(String name, String holder, Instant now) {
    tx.run(
        () ->
            h().createUpdate(
                    "UPDATE cluster_leases SET expires_at = :now WHERE name = :n AND holder = :h")
                .bind("n", name)
                .bind("h", holder)
                .bind("now", Timestamp.from(now.minusMillis(1)))
                .execute());
  }

  @Override
  public Optional<Lease> lease(String name) {
    return tx.inTransaction(
        () ->
            h().createQuery(
                    "SELECT name, holder, expires_at, fencing FROM cluster_leases WHERE name = :n")
                .bind("n", name)
                .map(
                    (rs, ctx) ->
                        new Lease(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getTimestamp(3).toInstant(),
                            rs.getLong(4)))
                .findOne());
  }

  @Override
  public long bump(String topic) {
    for (int attempt = 1; ; attempt++) {
      try {
        return tx.inTransaction(
            () -> {
              int updated =
                  h().createUpdate(
                          "UPDATE cluster_changes SET version = version + 1 WHERE topic = :t")
                      .bind("t", topic)
                      .execute();
              if (updated == 0) {
                h().createUpdate("INSERT INTO cluster_changes (topic, version) VALUES (:t, 1)")
                    .bind("t", topic)
                    .execute();
                return 1L;
              }
              return h().createQuery("SELECT version FROM cluster_changes WHERE topic = :t")
                  .bind("t", topic)
                  .mapTo(Long.class)
                  .one();
            });
      } catch (RuntimeException e) {
        // two first bumps raced on the insert: the update finds the row now
        if (attempt >= 3) {
          throw e;
        }
      }
    }
  }

  @Override
  public long version(String topic) {
    return tx.inTransaction(
        () ->
            h().createQuery("SELECT version FROM cluster_changes WHERE topic = :t")
                .bind("t", topic)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
  }

  @Override
  public void heartbeat(String node, String endpointUrl, Instant now) {
    Timestamp at = Timestamp.from(now);
    tx.run(
        () -> {
          int updated =
              h().createUpdate(
                      "UPDATE cluster_nodes SET last_seen = :t, endpoint_url = :e WHERE node_id ="
                          + " :n")
                  .bind("n", node)
                  .bind("e", endpointUrl)
                  .bind("t", at)
                  .execute();
          if (updated == 0) {
            h().createUpdate(
                    "INSERT INTO cluster_nodes (node_id, endpoint_url, started_at, last_seen)"
                        + " VALUES (:n, :e, :t, :t)")
                .bind("n", node)
                .bind("e", endpointUrl)
                .bind("t", at)
                .execute();
          }
        });
  }

  @Override
  public List<Node> nodesSeenSince(Instant since) {
    return tx.inTransaction(
        () ->
            h().createQuery(
                    "SELECT node_id, endpoint_url, started_at, last_seen FROM cluster_nodes"
                        + " WHERE last_seen >= :s ORDER BY started_at, node_id")
                .bind("s", Timestamp.from(since))
                .map(
                    (rs, ctx) ->
                        new Node(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getTimestamp(3).toInstant(),
                            rs.getTimestamp(4).toInstant()))
                .list());
  }

  private static Handle h() {
    return JdbiTransactions.handle();
  }
}
