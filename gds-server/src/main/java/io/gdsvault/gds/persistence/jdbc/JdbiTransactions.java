package io.gdsvault.gds.persistence.jdbc;

import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import io.gdsvault.gds.persistence.Transactions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jspecify.annotations.Nullable;

/** Transactions on a Jdbi handle bound to the current thread; nested calls join. */
public final class JdbiTransactions implements Transactions {

  /** The handle open on this thread, and whether it runs a transaction (else: a read). */
  private record Current(
      Handle handle,
      boolean transaction,
      List<Runnable> beforeCommit,
      Map<Object, Runnable> beforeCommitOnce) {
    Current(Handle handle, boolean transaction) {
      this(handle, transaction, new ArrayList<>(), new HashMap<>());
    }
  }

  /** SQLState of a statement cancelled by its timeout (H2 and PostgreSQL). */
  static final String QUERY_CANCELED = "57014";

  private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

  private final Jdbi jdbi;
  private volatile Runnable writeGuard = () -> {};

  public JdbiTransactions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Run before every statement that changes data (INSERT, UPDATE, DELETE, MERGE); it refuses the
   * statement, and so its transaction, by throwing (the disk-space watermark, {@link
   * io.gdsvault.gds.persistence.DiskSpaceGuard}). Reads are never refused.
   */
  public void setWriteGuard(Runnable guard) {
    this.writeGuard = guard;
  }

  /** Called by {@link Database}'s statement customizer before a changing statement runs. */
  void beforeWrite() {
    writeGuard.run();
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    Current outer = CURRENT.get();
    if (outer != null && outer.transaction()) {
      return work.get();
    }
    try {
      return jdbi.inTransaction(
          handle ->
              within(
                  new Current(handle, true),
                  outer,
                  () -> {
                    T result = work.get();
                    runBeforeCommit();
                    return result;
                  }));
    } catch (JdbiException e) {
      throw timedOut(e);
    }
  }

  @Override
  public <T> T read(Supplier<T> work) {
    Current outer = CURRENT.get();
    if (outer != null) {
      return work.get();
    }
    try {
      return jdbi.withHandle(handle -> within(new Current(handle, false), null, work));
    } catch (JdbiException e) {
      throw timedOut(e);
    }
  }

  /**
   * A cancelled statement (the statement timeout: SQLState 57014 on H2 and PostgreSQL) as {@link
   * Reason#TIMEOUT}; any other failure unchanged.
   */
  static RuntimeException timedOut(JdbiException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof GdsException g) {
        return g; // a refusal from inside a statement (the write guard)
      }
      if (t instanceof SQLException s && QUERY_CANCELED.equals(s.getSQLState())) {
        return new GdsException(Reason.TIMEOUT, "the database took too long to answer");
      }
    }
    return e;
  }

  private static <T> T within(Current current, @Nullable Current outer, Supplier<T> work) {
    CURRENT.set(current);
    try {
      return work.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /**
   * The action registered under {@code key} to run before the open transaction commits, made by
   * {@code create} and registered on the first call of the transaction (null when no transaction is
   * open). Once it has run, the next call registers a new one, so nothing added later is lost.
   */
  static <T extends Runnable> @Nullable T beforeCommitOnce(
      Object key, Class<T> type, Supplier<T> create) {
    Current c = CURRENT.get();
    if (c == null || !c.transaction()) {
      return null;
    }
    Runnable existing = c.beforeCommitOnce().get(key);
    if (existing != null) {
      return type.cast(existing);
    }
    T action = create.get();
    c.beforeCommitOnce().put(key, action);
    c.beforeCommit()
        .add(
            () -> {
              c.beforeCommitOnce().remove(key);
              action.run();
            });
    return action;
  }

  private static void runBeforeCommit() {
    Current c = CURRENT.get();
    if (c == null) {
      return;
    }
    List<Runnable> pending = c.beforeCommit();
    for (int i = 0; i < pending.size(); i++) {
      pending.get(i).run();
    }
    pending.clear();
  }

  /** The handle of the transaction (or read) open on this thread. */
  static Handle handle() {
    Current c = CURRENT.get();
    if (c == null) {
      throw new IllegalStateException("repository used outside a transaction");
    }
    return c.handle();
  }
}
