package io.gdsvault.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file store keeps its promises across reopen: numbers never go back, serials stay taken. */
class FileCaStateStoreTest {

  @TempDir Path dir;

  // Part 12 trust lists compare CRL numbers: a lower number after restart would look stale.
  @Test
  void crlNumberNeverGoesBackwardsAcrossReopen() throws Exception {
    long last = 0;
    for (int restart = 0; restart < 5; restart++) {
      FileCaStateStore store = new FileCaStateStore(dir);
      for (int i = 0; i < 3; i++) {
        long n = store.nextCrlNumber("ca-1");
        assertThat(n).isGreaterThan(last);
        last = n;
      }
    }
    assertThat(last).isEqualTo(15);
    assertThat(new FileCaStateStore(dir).nextCrlNumber("ca-2")).isEqualTo(1);
  }

  @Test
  void reservedSerialsStayReservedAfterReopen() throws Exception {
    FileCaStateStore store = new FileCaStateStore(dir);
    BigInteger serial = new BigInteger("4000000000000000000000000000000a", 16);
    assertThat(store.reserveSerial("ca-1", serial)).isTrue();
    assertThat(store.reserveSerial("ca-1", serial)).isFalse();
    FileCaStateStore reopened = new FileCaStateStore(dir);
    assertThat(reopened.reserveSerial("ca-1", serial)).isFalse();
    assertThat(reopened.serialReserved("ca-1", serial)).isTrue();
    assertThat(reopened.reserveSerial("ca-2", serial)).as("serials are unique per CA").isTrue();
  }

  @Test
  void concurrentReservationsOfTheSameSerialHaveOneWinner() throws Exception {
    FileCaStateStore store = new FileCaStateStore(dir);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        BigInteger serial = BigInteger.valueOf(1000 + i / 4); // each serial tried 4 times
        results.add(pool.submit(() -> store.reserveSerial("ca-1", serial)));
      }
      int won = 0;
      for (Future<Boolean> f : results) {
        won += f.get() ? 1 : 0;
      }
      assertThat(won).isEqualTo(10);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void revocationsGenerationsAndCrlsSurviveReopen() throws Exception {
    FileCaStateStore store = new FileCaStateStore(dir);
    Instant t = Instant.parse("2026-01-02T03:04:05Z");
    assertThat(store.addRevoked("ca-1", new RevokedEntry(BigInteger.TEN, t))).isTrue();
    assertThat(store.addRevoked("ca-1", new RevokedEntry(BigInteger.TEN, t))).isFalse();
    CaGeneration g = new CaGeneration(1, "ca-1", "alias-1", new byte[] {1, 2, 3}, t);
    assertThat(store.addGeneration("grp/RSA", g)).isTrue();
    assertThat(store.addGeneration("grp/RSA", g)).isFalse();
    store.saveCrl("ca-1", new StoredCrl(5, new byte[] {9}));
    store.saveCrl("ca-1", new StoredCrl(4, new byte[] {8}));

    FileCaStateStore reopened = new FileCaStateStore(dir);
    assertThat(reopened.revoked("ca-1")).containsExactly(new RevokedEntry(BigInteger.TEN, t));
    assertThat(reopened.generations("grp/RSA"))
        .singleElement()
        .satisfies(r -> assertThat(r.certificateDer()).containsExactly(1, 2, 3));
    assertThat(reopened.latestCrl("ca-1"))
        .get()
        .satisfies(c -> assertThat(c.crlNumber()).isEqualTo(5));
    try (var files = Files.list(dir)) {
      assertThat(files.map(Path::toString)).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  // Unique serials per CA even when many issuances race (reserve-then-sign).
  @Test
  void manyConcurrentIssuancesNeverShareASerial() throws Exception {
    var backend =
        io.gdsvault.signer.local.LocalKeyStoreBackend.open(
            new io.gdsvault.signer.local.LocalSignerSettings(dir.resolve("keys"), null, null),
            new io.gdsvault.signer.SecretResolver(n -> null));
    CertificateAuthority ca =
        CertificateAuthority.open(
            CaConfig.defaults("g", CertificateType.ECC_NIST_P256, null),
            backend,
            new FileCaStateStore(dir.resolve("state")),
            java.time.Clock.systemUTC());
    byte[] csr = TestCsrs.csr(TestCsrs.ec("secp256r1"), "urn:a:b");
    var req = new IssuanceRequest("urn:a:b", null, List.of(), List.of(), ApplicationType.CLIENT);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Set<BigInteger> serials = ConcurrentHashMap.newKeySet();
    try {
      List<Future<BigInteger>> futures = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        futures.add(pool.submit(() -> ca.issue(csr, req).serialNumber()));
      }
      for (Future<BigInteger> f : futures) {
        serials.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(serials).hasSize(200);
    assertThat(serials).allSatisfy(s -> assertThat(s.bitLength()).isGreaterThanOrEqualTo(64));
    Set<BigInteger> logged = new HashSet<>();
    FileCaStateStore reopened = new FileCaStateStore(dir.resolve("state"));
    for (BigInteger s : serials) {
      if (reopened.serialReserved(ca.currentCaId(), s)) {
        logged.add(s);
      }
    }
    assertThat(logged).hasSize(200);
  }
}
