package io.gdsvault.gds.persistence;

import java.util.function.Supplier;

/**
 * Unit-of-work boundary. Services open transactions; repositories join the one that is open on the
 * current thread. Nested calls join the outer transaction.
 */
public interface Transactions {

  <T> T inTransaction(Supplier<T> work);

  default void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
