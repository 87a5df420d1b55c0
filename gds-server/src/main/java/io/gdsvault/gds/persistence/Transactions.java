package io.gdsvault.gds.persistence;

import java.util.function.Supplier;

/**
 * Unit-of-work boundary. Services open transactions; repositories join the one that is open on the
 * current thread. Nested calls join the outer transaction.
 */
public interface Transactions {

  <T> T inTransaction(Supplier<T> work);

  /**
   * A read that needs no transaction of its own: one statement, or several where one snapshot does
   * not matter. It joins an open transaction; otherwise it runs in autocommit, which spares the
   * database a BEGIN and a COMMIT. A transaction opened inside it is a real one of its own.
   */
  default <T> T read(Supplier<T> work) {
    return inTransaction(work);
  }

  default void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
