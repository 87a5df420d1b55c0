package io.gdsvault.gds.certificates;

import io.gdsvault.ca.CertificateType;
import io.gdsvault.ca.KeyPairs;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RSA key pairs made ahead of demand, so that a burst of StartNewKeyPairRequest costs the CA's
 * signing rate instead of the key-generation rate until the pool drains. A bounded queue of {@code
 * capacity} pairs of the configured RSA size is filled by one thread per core while the certificate
 * manager is idle (no request started or finished within the idle window); {@link #next} hands out
 * each pair exactly once and, when the pool is empty, generates one on the caller's thread (the
 * key-generation worker) as before. Elliptic-curve keys cost about a millisecond and are always
 * generated on demand.
 *
 * <p>The pairs live in memory only: they are never written anywhere, so there is nothing to seal at
 * rest, and a restart starts with an empty pool. Generation is the JCA's ({@link KeyPairs}), the
 * same as on demand.
 */
final class KeyPairPool implements KeyGenerationWorker.KeyPairSource, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KeyPairPool.class);

  /** Makes one RSA key pair of the pool's size. */
  @FunctionalInterface
  interface Generator {
    KeyPair generate() throws GeneralSecurityException;
  }

  private final int capacity;
  private final int rsaBits;
  private final Generator generator;
  private final long idleNanos;
  private final LongSupplier nanoTime;
  private final List<Thread> refillers = new ArrayList<>();

  // guarded by this
  private final ArrayDeque<KeyPair> pairs = new ArrayDeque<>();
  private long lastActivity;
  private int generating;
  private long runActiveNanos;
  private long activeSince;
  private int runGenerated;
  private boolean drained;
  private boolean closed;
  private long taken;
  private long generatedOnDemand;

  /**
   * A pool of {@code capacity} RSA-{@code rsaBits} pairs refilled by {@code threads} threads while
   * nothing happened for {@code idle}; {@code nanoTime} is the clock of the idle window.
   */
  KeyPairPool(
      int capacity,
      int rsaBits,
      int threads,
      Duration idle,
      Generator generator,
      LongSupplier nanoTime) {
    if (capacity < 1 || threads < 1) {
      throw new IllegalArgumentException("a key pool needs a capacity and a thread");
    }
    this.capacity = capacity;
    this.rsaBits = rsaBits;
    this.generator = generator;
    this.idleNanos = idle.toNanos();
    this.nanoTime = nanoTime;
    this.lastActivity = nanoTime.getAsLong() - idleNanos;
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(this::refill, "gds-keypool-" + i);
      t.setDaemon(true);
      refillers.add(t);
    }
  }

  /**
   * The pool of the settings (one refill thread per core, an idle window of 250 ms), started; or
   * the plain on-demand source when the configured size is 0.
   */
  static KeyGenerationWorker.KeyPairSource of(CertificateSettings settings) {
    if (settings.keyPoolSize() <= 0) {
      return KeyGenerationWorker.generated(settings.rsaKeyBits());
    }
    int bits = settings.rsaKeyBits();
    KeyPairPool pool =
        new KeyPairPool(
            settings.keyPoolSize(),
            bits,
            Math.max(1, Runtime.getRuntime().availableProcessors()),
            Duration.ofMillis(250),
            () -> KeyPairs.generate(CertificateType.RSA_SHA256, bits),
            System::nanoTime);
    pool.start();
    return pool;
  }

  /** Starts the refill threads. */
  void start() {
    refillers.forEach(Thread::start);
  }

  /**
   * A pair for {@code type}: from the pool for RSA of the pool's size while it has one, else newly
   * generated. Never the same pair twice.
   */
  @Override
  public KeyPair next(CertificateType type) throws GeneralSecurityException {
    KeyPair pooled = type.isRsa() ? take() : null;
    return pooled != null ? pooled : KeyPairs.generate(type, rsaBits);
  }

  /** The certificate manager is busy: refilling waits until it has been idle for the window. */
  synchronized void activity() {
    lastActivity = nanoTime.getAsLong();
  }

  /** Pairs ready now. */
  synchronized int size() {
    return pairs.size();
  }

  /** Pairs handed out from the pool, and pairs generated on demand because it was empty. */
  synchronized long[] counts() {
    return new long[] {taken, generatedOnDemand};
  }

  private synchronized @Nullable KeyPair take() {
    lastActivity = nanoTime.getAsLong();
    KeyPair p = pairs.pollFirst();
    if (p == null) {
      generatedOnDemand++;
      if (!drained) {
        drained = true;
        log.info("key pool empty: key pairs are generated on demand until it refills");
      }
    } else {
      taken++;
    }
    notifyAll();
    return p;
  }

  private void refill() {
    while (true) {
      try {
        if (!awaitTurn()) {
          return;
        }
        KeyPair p = null;
        try {
          p = generator.generate();
        } finally {
          finished(p);
        }
      } catch (InterruptedException e) {
        return;
      } catch (GeneralSecurityException | RuntimeException e) {
        log.warn("key pool: generating a key pair failed; retrying in a second", e);
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  /**
   * Waits until the pool has room (counting pairs being generated), the manager has been idle for
   * the window, and the pool is open; then counts this thread as generating. False when closed.
   */
  private synchronized boolean awaitTurn() throws InterruptedException {
    while (true) {
      if (closed) {
        return false;
      }
      long quietFor = nanoTime.getAsLong() - lastActivity;
      if (pairs.size() + generating >= capacity) {
        wait();
      } else if (quietFor < idleNanos) {
        wait(Math.max(1, (idleNanos - quietFor) / 1_000_000));
      } else {
        if (generating++ == 0) {
          activeSince = nanoTime.getAsLong();
        }
        return true;
      }
    }
  }

  /** One generation ended, with a pair (added) or without (it failed). */
  private synchronized void finished(@Nullable KeyPair p) {
    if (--generating == 0) {
      runActiveNanos += nanoTime.getAsLong() - activeSince;
    }
    notifyAll();
    if (p == null || closed) {
      return;
    }
    pairs.addLast(p);
    runGenerated++;
    if (pairs.size() >= capacity && generating == 0) {
      long ms = Math.max(1, runActiveNanos / 1_000_000);
      log.info(
          "key pool full: {} key pairs, refilled {} in {} ms ({}/s on {} threads)",
          pairs.size(),
          runGenerated,
          ms,
          String.format(Locale.ROOT, "%.1f", runGenerated * 1000.0 / ms),
          refillers.size());
      runGenerated = 0;
      runActiveNanos = 0;
      drained = false;
    }
  }

  /** Stops refilling and drops the pairs not handed out. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      pairs.clear();
      notifyAll();
    }
    for (Thread t : refillers) {
      t.interrupt();
    }
  }
}
