package io.gdsvault.gds.audit;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Storage of the audit trail. Runs inside the caller's transaction. */
public interface AuditRepository {

  /** The chain head (seq and hash of the newest row), locked until the transaction ends. */
  Head lockHead();

  /** The chain head without a lock; null when the anchor row is missing. */
  @Nullable Head head();

  void updateHead(Head head);

  /**
   * Rows recorded at or after {@code since} (all when null), oldest first, at most {@code limit}.
   */
  List<AuditRecord> list(@Nullable Instant since, int limit);

  /** Every row in seq order (for verification). */
  void forEach(Consumer<AuditRecord> consumer);

  /** Inserts rows in the order given (one statement batch). */
  void insertAll(List<AuditRecord> records);

  /**
   * The action registered under {@code key} to run at the end of the current transaction, just
   * before its commit: made by {@code create} on the transaction's first call, the same one on
   * later calls until it has run; null (and nothing registered) when no transaction is open.
   */
  <T extends Runnable> @Nullable T beforeCommitOnce(Object key, Class<T> type, Supplier<T> create);

  /** Runs {@code action} once the current transaction has committed (not at all on rollback). */
  void afterCommit(Runnable action);

  /** The anchor of the chain: the newest row's seq and hash. */
  record Head(long seq, String hash) {}
}
