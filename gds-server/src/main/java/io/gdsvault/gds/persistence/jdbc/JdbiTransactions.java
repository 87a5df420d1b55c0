package io.gdsvault.gds.persistence.jdbc;

import io.gdsvault.gds.persistence.Transactions;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Transactions on a Jdbi handle bound to the current thread; nested calls join. */
public final class JdbiTransactions implements Transactions {

  private static final ThreadLocal<Handle> CURRENT = new ThreadLocal<>();

  private final Jdbi jdbi;

  public JdbiTransactions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (CURRENT.get() != null) {
      return work.get();
    }
    return jdbi.inTransaction(
        handle -> {
          CURRENT.set(handle);
          try {
            return work.get();
          } finally {
            CURRENT.remove();
          }
        });
  }

  /** The handle of the transaction open on this thread. */
  static Handle handle() {
    Handle h = CURRENT.get();
    if (h == null) {
      throw new IllegalStateException("repository used outside a transaction");
    }
    return h;
  }
}
