package io.gdsvault.bench.client;

import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * RSA-2048 key generation with the JCA default provider on {@code threads} threads: the rate a
 * key-pair pool can at best refill at on this machine.
 */
public final class KeyGenRate {

  private KeyGenRate() {}

  /** Key pairs per second for {@code keys} keys on {@code threads} threads (after 2 warm-up). */
  public static double measure(int keys, int threads) throws Exception {
    KeyPairGenerator warm = KeyPairGenerator.getInstance("RSA");
    warm.initialize(2048);
    warm.generateKeyPair();
    warm.generateKeyPair();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long t0 = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < keys; i++) {
        done.add(
            pool.submit(
                () -> {
                  KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                  g.initialize(2048);
                  return g.generateKeyPair();
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      return keys / ((System.nanoTime() - t0) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }
}
