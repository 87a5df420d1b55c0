package io.gdsvault.gds.persistence.jdbc;

import io.gdsvault.gds.persistence.Transactions;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/** Transactions on a Jdbi handle bound to the current thread; nested calls join. */
public final class JdbiTransactions implements Transactions {

  /** The handle open on this thread, and whether it runs a transaction (else: a read). */
  private record Current(Handle handle, boolean transaction) {}

  private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

  private final Jdbi jdbi;

  public JdbiTransactions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    Current outer = CURRENT.get();
    if (outer != null && outer.transaction()) {
      return work.get();
    }
    return jdbi.inTransaction(handle -> within(new Current(handle, true), outer, work));
  }

  @Override
  public <T> T read(Supplier<T> work) {
    Current outer = CURRENT.get();
    if (outer != null) {
      return work.get();
    }
    return jdbi.withHandle(handle -> within(new Current(handle, false), null, work));
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

  /** The handle of the transaction (or read) open on this thread. */
  static Handle handle() {
    Current c = CURRENT.get();
    if (c == null) {
      throw new IllegalStateException("repository used outside a transaction");
    }
    return c.handle();
  }
}
