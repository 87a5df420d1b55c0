package io.gdsvault.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The one poll-and-wait loop of the test suites: asks again every {@code interval} until the answer
 * is acceptable or {@code timeout} has passed, then fails with what it was waiting for and the last
 * answer (or exception) seen. Bounded always: a test never waits for ever.
 */
public final class Await {

  private final String what;
  private Duration timeout = Duration.ofSeconds(30);
  private Duration interval = Duration.ofMillis(50);

  private Await(String what) {
    this.what = what;
  }

  /** Starts a wait described by {@code what} (it goes into the failure message). */
  public static Await until(String what) {
    return new Await(what);
  }

  public Await atMost(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  public Await every(Duration interval) {
    this.interval = interval;
    return this;
  }

  /** Waits until {@code condition} holds; exceptions it throws count as "not yet". */
  public void isTrue(Callable<Boolean> condition) {
    var unused = value(condition, Boolean.TRUE::equals);
  }

  /**
   * Waits until {@code supplier} returns a value that {@code accept} takes, and returns it;
   * exceptions thrown by the supplier count as "not yet".
   */
  public <T> T value(Callable<? extends @Nullable T> supplier, Predicate<? super T> accept) {
    try {
      return poll(supplier, accept, false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + what, e);
    } catch (Exception e) {
      // not reached: without rethrow, poll counts every other exception as "not yet"
      throw new AssertionError("while waiting for " + what, e);
    }
  }

  /**
   * As {@link #value}, for waits in which an exception is an answer rather than "not yet" (a lost
   * connection a device must react to, a server that was killed): the first exception {@code
   * supplier} throws ends the wait and is rethrown as it is.
   */
  public <T> T valueUnlessThrown(
      Callable<? extends @Nullable T> supplier, Predicate<? super T> accept) throws Exception {
    return poll(supplier, accept, true);
  }

  private <T> T poll(
      Callable<? extends @Nullable T> supplier, Predicate<? super T> accept, boolean rethrow)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    @Nullable Object last = null;
    while (true) {
      try {
        T v = supplier.call();
        if (v != null && accept.test(v)) {
          return v;
        }
        last = v;
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        if (rethrow) {
          throw e;
        }
        last = e;
      }
      if (System.nanoTime() - deadline > 0) {
        throw failure(last);
      }
      sleep();
    }
  }

  /** Waits until {@code supplier} returns a present value and returns it. */
  public <T> T present(Callable<Optional<T>> supplier) {
    return value(supplier, Optional::isPresent).orElseThrow();
  }

  private AssertionError failure(@Nullable Object last) {
    String message = "timed out after " + timeout.toMillis() + " ms waiting for " + what;
    if (last instanceof Throwable t) {
      return new AssertionError(message + "; last failure: " + t, t);
    }
    return new AssertionError(message + "; last answer: " + last);
  }

  private void sleep() {
    try {
      Thread.sleep(interval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + what, e);
    }
  }
}
