package io.gdsvault.gds.audit;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.persistence.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only, hash-chained audit trail in the database. {@link #append} joins the transaction
 * open on the current thread, so a change and its audit row commit or roll back together; called
 * outside a transaction it opens its own. Appends are serialised by locking the chain head, but
 * only at the end of the transaction: a transaction's rows are written together just before its
 * commit (one head lock, one batch insert, one head update however many rows it has), so it holds
 * the head for its insert and commit, not for all its work (a pull flow's transactions do not wait
 * for each other's whole work on that one row). Nodes sharing the database share the chain, so
 * every row is in it exactly once.
 */
public final class AuditTrail {

  private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
  static final int MAX_FIELD = 512;
  static final int MAX_DETAIL = 2048;
  public static final int MAX_LIST = 10_000;

  private final AuditRepository repository;
  private final Transactions tx;
  private final Clock clock;
  private volatile Consumer<AuditRecord> listener = r -> {};

  public AuditTrail(AuditRepository repository, Transactions tx, Clock clock) {
    this.repository = repository;
    this.tx = tx;
    this.clock = clock;
  }

  /** Told about each row after its transaction committed (OPC UA events). */
  public void setListener(Consumer<AuditRecord> listener) {
    this.listener = listener == null ? r -> {} : listener;
  }

  /** Appends one row at the end of the current transaction (if any, else in one of its own). */
  public void append(String actor, String action, String target, String detail, String outcome) {
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String a = cut(actor == null ? "anonymous" : actor, MAX_FIELD);
    String act = cut(action, 128);
    String t = cut(target == null ? "" : target, MAX_FIELD);
    String d = cut(detail == null ? "" : detail, MAX_DETAIL);
    String o = cut(outcome == null ? "ok" : outcome, 64);
    Pending row = new Pending(at, a, act, t, d, o);
    tx.run(
        () -> {
          // tx.run has a transaction open, so there is a batch to join
          Objects.requireNonNull(repository.beforeCommitOnce(this, Batch.class, Batch::new))
              .rows
              .add(row);
        });
  }

  /** A row waiting for its transaction's end, before it has its place in the chain. */
  private record Pending(
      Instant at, String actor, String action, String target, String detail, String outcome) {}

  /**
   * The rows of one transaction, appended together just before it commits: the chain head is
   * locked, read and moved once for all of them, and they take consecutive places in the order they
   * were appended.
   */
  private final class Batch implements Runnable {
    final List<Pending> rows = new ArrayList<>();

    @Override
    public void run() {
      if (rows.isEmpty()) {
        return;
      }
      AuditRepository.Head head = repository.lockHead();
      long seq = head.seq();
      String prev = head.hash();
      List<AuditRecord> records = new ArrayList<>(rows.size());
      for (Pending p : rows) {
        seq++;
        String hash =
            AuditRecord.hash(
                seq, p.at(), p.actor(), p.action(), p.target(), p.detail(), p.outcome(), prev);
        records.add(
            new AuditRecord(
                seq,
                p.at(),
                p.actor(),
                p.action(),
                p.target(),
                p.detail(),
                p.outcome(),
                prev,
                hash));
        prev = hash;
      }
      repository.insertAll(records);
      repository.updateHead(new AuditRepository.Head(seq, prev));
      repository.afterCommit(() -> records.forEach(AuditTrail.this::notifyListener));
    }
  }

  /**
   * Runs {@code action} once the transaction open on this thread has committed (not on rollback);
   * outside a transaction, at once.
   */
  public void afterCommit(Runnable action) {
    tx.run(() -> repository.afterCommit(action));
  }

  /** Rows since a time (all when null), oldest first (SecurityAdmin). */
  public List<AuditRecord> list(Caller caller, @Nullable Instant since, int limit) {
    caller.requireRole(Role.SECURITY_ADMIN);
    int n = limit <= 0 ? MAX_LIST : Math.min(limit, MAX_LIST);
    return tx.inTransaction(() -> repository.list(since, n));
  }

  /** Checks the chain (SecurityAdmin). */
  public AuditVerification verify(Caller caller) {
    caller.requireRole(Role.SECURITY_ADMIN);
    return verify();
  }

  /**
   * Recomputes every row's hash, checks that each row links to the one before without gaps, and
   * that the head anchor names the last row: an edited row, a deleted row (first, middle or last)
   * and an edited anchor are all found.
   */
  public AuditVerification verify() {
    AuditVerification v =
        tx.inTransaction(
            () -> {
              Checker c = new Checker();
              repository.forEach(c::accept);
              if (c.broken != null) {
                return c.broken;
              }
              AuditRepository.Head head = repository.head();
              if (head == null) {
                return new AuditVerification(
                    false, c.rows, c.lastSeq, "the chain head anchor is missing");
              }
              if (head.seq() != c.lastSeq || !head.hash().equals(c.lastHash)) {
                return new AuditVerification(
                    false,
                    c.rows,
                    Math.max(head.seq(), c.lastSeq),
                    "the chain head names row "
                        + head.seq()
                        + " but the last row is "
                        + c.lastSeq
                        + (head.seq() > c.lastSeq
                            ? " (rows at the end were deleted)"
                            : " (hash differs)"));
              }
              return new AuditVerification(true, c.rows, -1, "");
            });
    if (!v.intact()) {
      log.error("audit trail broken at row {}: {}", v.brokenSeq(), v.problem());
    }
    return v;
  }

  private static final class Checker {
    long rows;
    long lastSeq;
    String lastHash = AuditRecord.GENESIS;
    @Nullable AuditVerification broken;

    void accept(AuditRecord r) {
      if (broken != null) {
        return;
      }
      rows++;
      if (r.seq() != lastSeq + 1) {
        broken =
            new AuditVerification(
                false,
                rows,
                lastSeq + 1,
                "row " + (lastSeq + 1) + " is missing (next row is " + r.seq() + ")");
      } else if (!r.prevHash().equals(lastHash)) {
        broken =
            new AuditVerification(
                false, rows, r.seq(), "row " + r.seq() + " does not link to the row before it");
      } else if (!r.expectedHash().equals(r.hash())) {
        broken =
            new AuditVerification(
                false,
                rows,
                r.seq(),
                "row " + r.seq() + " was changed (its hash does not match its content)");
      }
      lastSeq = r.seq();
      lastHash = r.hash();
    }
  }

  private void notifyListener(AuditRecord r) {
    try {
      listener.accept(r);
    } catch (RuntimeException e) {
      log.warn("audit listener failed for row {}", r.seq(), e);
    }
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
