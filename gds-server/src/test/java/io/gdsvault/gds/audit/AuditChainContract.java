package io.gdsvault.gds.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.persistence.jdbc.Database;
import io.gdsvault.gds.persistence.jdbc.JdbcAuditRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The audit chain under concurrent writers: the head is taken only at the end of a transaction (a
 * long transaction does not hold back other writers), and writers of two nodes on one database (two
 * pools, two trails) each get every row into the one chain exactly once.
 */
abstract class AuditChainContract {

  /** The database of "node 1". */
  protected abstract Database node1();

  /** A second pool on the same database ("node 2"). */
  protected abstract Database node2();

  private AuditTrail trail(Database db) {
    return new AuditTrail(new JdbcAuditRepository(), db.transactions(), Clock.systemUTC());
  }

  private List<AuditRecord> rows(String actionPrefix) {
    return trail(node1()).list(Caller.system(), null, AuditTrail.MAX_LIST).stream()
        .filter(r -> r.action().startsWith(actionPrefix))
        .toList();
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aLongTransactionDoesNotHoldTheChainHeadWhileItWorks() throws Exception {
    AuditTrail trail = trail(node1());
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      node1()
          .transactions()
          .inTransaction(
              () -> {
                trail.append("long", "chain.long", "", "", "ok");
                // while this transaction still works, another writer appends and commits; with
                // the head locked at append time it would wait for this one (the lock timeout)
                Future<?> f =
                    other.submit(() -> trail.append("short", "chain.short", "", "", "ok"));
                try {
                  f.get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                  throw new AssertionError("the other writer waited for this transaction", e);
                }
                return null;
              });
    } finally {
      other.shutdownNow();
    }
    List<AuditRecord> rows = rows("chain.");
    assertThat(rows).extracting(AuditRecord::action).containsExactly("chain.short", "chain.long");
    assertThat(trail.verify().intact()).isTrue();
  }

  @Test
  void aTransactionsRowsTakeConsecutivePlacesInOrderAndARollbackLeavesNone() {
    AuditTrail trail = trail(node1());
    List<Long> told = new ArrayList<>();
    trail.setListener(r -> told.add(r.seq()));
    node1()
        .transactions()
        .inTransaction(
            () -> {
              trail.append("batch", "batch.one", "", "", "ok");
              trail.append("batch", "batch.two", "", "", "ok");
              trail.append("batch", "batch.three", "", "", "ok");
              assertThat(told).as("nobody is told before the commit").isEmpty();
              return null;
            });
    try {
      node1()
          .transactions()
          .inTransaction(
              () -> {
                trail.append("batch", "batch.rolled-back", "", "", "ok");
                throw new IllegalStateException("roll back");
              });
    } catch (IllegalStateException expected) {
      // the row goes with its transaction
    }
    trail.append("batch", "batch.alone", "", "", "ok");
    List<AuditRecord> rows = rows("batch.");
    assertThat(rows)
        .extracting(AuditRecord::action)
        .containsExactly("batch.one", "batch.two", "batch.three", "batch.alone");
    assertThat(rows.get(1).seq()).isEqualTo(rows.get(0).seq() + 1);
    assertThat(rows.get(2).seq()).isEqualTo(rows.get(1).seq() + 1);
    assertThat(rows.get(1).prevHash()).isEqualTo(rows.get(0).hash());
    assertThat(rows.get(2).prevHash()).isEqualTo(rows.get(1).hash());
    assertThat(told).containsSubsequence(rows.get(0).seq(), rows.get(1).seq(), rows.get(2).seq());
    assertThat(trail.verify().intact()).isTrue();
  }

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void concurrentWritersOfTwoNodesGetEveryRowIntoTheChainExactlyOnce() throws Exception {
    List<AuditTrail> nodes = List.of(trail(node1()), trail(node2()));
    int threads = 8;
    int each = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      AuditTrail trail = nodes.get(t % 2);
      String actor = "writer-" + t;
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < each; i++) {
                  trail.append(actor, "concurrent.append", String.valueOf(i), "", "ok");
                }
              }));
    }
    try {
      for (Future<?> f : done) {
        f.get(100, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    List<AuditRecord> rows = rows("concurrent.");
    assertThat(rows).hasSize(threads * each);
    assertThat(rows.stream().map(r -> r.actor() + "/" + r.target()).distinct().count())
        .isEqualTo((long) threads * each);
    AuditVerification v = nodes.get(1).verify();
    assertThat(v.intact()).as(v.problem()).isTrue();
  }
}
