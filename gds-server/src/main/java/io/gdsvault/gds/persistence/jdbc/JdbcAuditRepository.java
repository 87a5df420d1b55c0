package io.gdsvault.gds.persistence.jdbc;

import io.gdsvault.gds.audit.AuditRecord;
import io.gdsvault.gds.audit.AuditRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;

/** {@link AuditRepository} on plain SQL (tables audit_log and audit_head, V60). */
public final class JdbcAuditRepository implements AuditRepository {

  private static final String COLUMNS =
      "seq, recorded_at, actor, action, target, detail, outcome, prev_hash, row_hash";

  @Override
  public Head lockHead() {
    Handle h = JdbiTransactions.handle();
    return h.createQuery("SELECT seq, row_hash FROM audit_head WHERE id = 1 FOR UPDATE")
        .map((rs, ctx) -> new Head(rs.getLong(1), rs.getString(2)))
        .findOne()
        .orElseThrow(() -> new IllegalStateException("the audit chain head anchor is missing"));
  }

  @Override
  public @Nullable Head head() {
    return JdbiTransactions.handle()
        .createQuery("SELECT seq, row_hash FROM audit_head WHERE id = 1")
        .map((rs, ctx) -> new Head(rs.getLong(1), rs.getString(2)))
        .findOne()
        .orElse(null);
  }

  @Override
  public void insertAll(List<AuditRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        JdbiTransactions.handle()
            .prepareBatch(
                "INSERT INTO audit_log ("
                    + COLUMNS
                    + ") VALUES"
                    + " (:seq, :at, :actor, :action, :target, :detail, :outcome, :prev, :hash)");
    for (AuditRecord r : records) {
      batch
          .bind("seq", r.seq())
          .bind("at", Timestamp.from(r.at()))
          .bind("actor", r.actor())
          .bind("action", r.action())
          .bind("target", r.target())
          .bind("detail", r.detail())
          .bind("outcome", r.outcome())
          .bind("prev", r.prevHash())
          .bind("hash", r.hash())
          .add();
    }
    batch.execute();
  }

  @Override
  public void updateHead(Head head) {
    JdbiTransactions.handle()
        .createUpdate("UPDATE audit_head SET seq = :seq, row_hash = :hash WHERE id = 1")
        .bind("seq", head.seq())
        .bind("hash", head.hash())
        .execute();
  }

  @Override
  public <T extends Runnable> @Nullable T beforeCommitOnce(
      Object key, Class<T> type, Supplier<T> create) {
    return JdbiTransactions.beforeCommitOnce(key, type, create);
  }

  @Override
  public void afterCommit(Runnable action) {
    JdbiTransactions.handle().afterCommit(action);
  }

  @Override
  public List<AuditRecord> list(@Nullable Instant since, int limit) {
    Handle h = JdbiTransactions.handle();
    var q =
        since == null
            ? h.createQuery("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq LIMIT :limit")
            : h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM audit_log WHERE recorded_at >= :since"
                        + " ORDER BY seq LIMIT :limit")
                .bind("since", Timestamp.from(since));
    return q.bind("limit", limit).map((rs, ctx) -> row(rs)).list();
  }

  @Override
  public void forEach(Consumer<AuditRecord> consumer) {
    try (var stream =
        JdbiTransactions.handle()
            .createQuery("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq")
            .setFetchSize(500)
            .map((rs, ctx) -> row(rs))
            .stream()) {
      stream.forEach(consumer);
    }
  }

  private static AuditRecord row(ResultSet rs) throws SQLException {
    return new AuditRecord(
        rs.getLong(1),
        rs.getTimestamp(2).toInstant(),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9));
  }
}
