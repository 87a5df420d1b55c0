package io.gdsvault.gds.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.ca.CertificateType;
import io.gdsvault.testing.Await;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The key-pair pool behind StartNewKeyPairRequest: filled while idle, bounded, each pair handed out
 * once, on-demand generation when empty, no refill while requests keep coming. The generator makes
 * cheap P-256 pairs and the idle window runs on a clock the test moves, so nothing here depends on
 * how fast the machine is.
 */
class KeyPairPoolTest {

  private static final Duration IDLE = Duration.ofMillis(250);

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final AtomicInteger generated = new AtomicInteger();

  private KeyPairPool pool(int capacity, int threads) {
    return new KeyPairPool(
        capacity,
        2048,
        threads,
        IDLE,
        () -> {
          generated.incrementAndGet();
          KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
          g.initialize(new ECGenParameterSpec("secp256r1"));
          return g.generateKeyPair();
        },
        now::get);
  }

  private static void awaitSize(KeyPairPool pool, int size) {
    Await.until("the pool holds " + size + " key pairs")
        .atMost(Duration.ofSeconds(30))
        .every(Duration.ofMillis(5))
        .isTrue(() -> pool.size() >= size);
    assertThat(pool.size()).isEqualTo(size);
  }

  @Test
  void anIdlePoolFillsToItsCapacityAndStops() throws Exception {
    try (KeyPairPool pool = pool(12, 2)) {
      pool.start();
      awaitSize(pool, 12);
      Thread.sleep(100);
      // bounded: no thread generates beyond the capacity
      assertThat(generated.get()).isEqualTo(12);
      assertThat(pool.size()).isEqualTo(12);
    }
  }

  @Test
  void everyPairIsHandedOutOnceAndAnEmptyPoolGeneratesOnDemand() throws Exception {
    try (KeyPairPool pool = pool(5, 1)) {
      pool.start();
      awaitSize(pool, 5);
      // the caller keeps asking: the clock never moves, so the refill waits and the pool drains
      Set<KeyPair> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      List<KeyPair> handed = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        handed.add(pool.next(CertificateType.RSA_SHA256));
      }
      seen.addAll(handed);
      assertThat(seen).hasSize(8);
      assertThat(pool.counts()).containsExactly(5L, 3L);
      // the three made on demand are real RSA keys of the configured size
      assertThat(handed.subList(5, 8))
          .allSatisfy(
              k ->
                  assertThat(((java.security.interfaces.RSAPublicKey) k.getPublic()).getModulus())
                      .satisfies(m -> assertThat(m.bitLength()).isEqualTo(2048)));
    }
  }

  @Test
  void requestsComingInPauseTheRefillUntilTheyStop() throws Exception {
    try (KeyPairPool pool = pool(4, 2)) {
      pool.activity(); // a request just came in, and the clock stays at that instant
      pool.start();
      Thread.sleep(200);
      assertThat(generated.get()).isZero();
      now.addAndGet(IDLE.toNanos()); // the window has passed without another request
      awaitSize(pool, 4);
    }
  }

  @Test
  void ellipticCurveKeysAreNeverTakenFromThePool() throws Exception {
    try (KeyPairPool pool = pool(3, 1)) {
      pool.start();
      awaitSize(pool, 3);
      KeyPair ec = pool.next(CertificateType.ECC_NIST_P256);
      assertThat(ec.getPublic().getAlgorithm()).isEqualTo("EC");
      assertThat(pool.size()).isEqualTo(3);
      assertThat(pool.counts()).containsExactly(0L, 0L);
    }
  }

  @Test
  void aClosedPoolDropsItsPairsAndGeneratesOnDemand() throws Exception {
    KeyPairPool pool = pool(3, 1);
    pool.start();
    awaitSize(pool, 3);
    pool.close();
    assertThat(pool.size()).isZero();
    assertThat(pool.next(CertificateType.RSA_SHA256).getPublic().getAlgorithm()).isEqualTo("RSA");
  }
}
