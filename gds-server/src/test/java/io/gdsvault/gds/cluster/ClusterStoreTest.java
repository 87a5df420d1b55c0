package io.gdsvault.gds.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.persistence.jdbc.Database;
import io.gdsvault.gds.persistence.jdbc.JdbcClusterStore;
import io.gdsvault.gds.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Leases, claimed tasks and change relays on both databases: H2 (one node, embedded) and a real
 * PostgreSQL (several nodes). Two "nodes" are two stores on two connection pools.
 */
class ClusterStoreTest {

  private static TestPostgres pg;
  private static Path h2Dir;

  @BeforeAll
  static void databases() throws Exception {
    pg = TestPostgres.start();
    h2Dir = Files.createTempDirectory("gds-cluster-h2-");
  }

  @AfterAll
  static void stop() throws Exception {
    pg.close();
    io.gdsvault.gds.testing.GdsTestServer.deleteTree(h2Dir);
  }

  private static Database open(String kind) {
    return kind.equals("postgres")
        ? Database.open(pg.jdbcUrl(), pg.user(), "", 8)
        : Database.open(Database.h2Url(h2Dir), "", "", 8);
  }

  private static String unique(String base) {
    return base + "-" + java.util.UUID.randomUUID();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void aLeaseHasOneHolderUntilItExpiresThenPassesWithAHigherFencingNumber(String kind) {
    try (Database a = open(kind);
        Database b = open(kind)) {
      ClusterStore onA = new JdbcClusterStore(a.transactions());
      ClusterStore onB = new JdbcClusterStore(b.transactions());
      String lease = unique("crl");
      Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
      OptionalLong first = onA.tryAcquire(lease, "node-a", Duration.ofMinutes(3), t0);
      assertThat(first).hasValue(1);
      assertThat(onB.tryAcquire(lease, "node-b", Duration.ofMinutes(3), t0.plusSeconds(60)))
          .isEmpty();
      // the holder renews and keeps its fencing number
      assertThat(onA.tryAcquire(lease, "node-a", Duration.ofMinutes(3), t0.plusSeconds(120)))
          .hasValue(1);
      assertThat(onB.tryAcquire(lease, "node-b", Duration.ofMinutes(3), t0.plusSeconds(240)))
          .isEmpty();
      // node A dies: no renewal; after the ttl node B takes over
      assertThat(onB.tryAcquire(lease, "node-b", Duration.ofMinutes(3), t0.plusSeconds(301)))
          .hasValue(2);
      assertThat(onA.tryAcquire(lease, "node-a", Duration.ofMinutes(3), t0.plusSeconds(302)))
          .isEmpty();
      assertThat(onA.lease(lease).orElseThrow().holder()).isEqualTo("node-b");
      // a graceful release hands over at once
      onB.release(lease, "node-b", t0.plusSeconds(303));
      assertThat(onA.tryAcquire(lease, "node-a", Duration.ofMinutes(3), t0.plusSeconds(303)))
          .hasValue(3);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void racingNodesNeverBothWinALease(String kind) throws Exception {
    try (Database a = open(kind);
        Database b = open(kind)) {
      List<ClusterStore> stores =
          List.of(new JdbcClusterStore(a.transactions()), new JdbcClusterStore(b.transactions()));
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        for (int round = 0; round < 20; round++) {
          String lease = unique("race");
          Instant now = Instant.now();
          CountDownLatch go = new CountDownLatch(1);
          List<Future<Boolean>> wins = new ArrayList<>();
          for (int i = 0; i < 8; i++) {
            ClusterStore s = stores.get(i % 2);
            String holder = "node-" + i;
            wins.add(
                pool.submit(
                    (Callable<Boolean>)
                        () -> {
                          go.await();
                          return s.tryAcquire(lease, holder, Duration.ofMinutes(1), now)
                              .isPresent();
                        }));
          }
          go.countDown();
          int winners = 0;
          for (Future<Boolean> f : wins) {
            winners += f.get() ? 1 : 0;
          }
          assertThat(winners).as("round %s", round).isEqualTo(1);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void aClaimedTaskRunsOnExactlyOneNodePerRoundAndMovesWhenItsNodeStops(String kind) {
    try (Database a = open(kind);
        Database b = open(kind)) {
      String name = unique("purge");
      AtomicInteger ranOnA = new AtomicInteger();
      AtomicInteger ranOnB = new AtomicInteger();
      Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
      ClaimedTask onA =
          new ClaimedTask(
              new JdbcClusterStore(a.transactions()),
              new NodeIdentity("a"),
              name,
              Duration.ofMinutes(3),
              ranOnA::incrementAndGet,
              clock);
      ClaimedTask onB =
          new ClaimedTask(
              new JdbcClusterStore(b.transactions()),
              new NodeIdentity("b"),
              name,
              Duration.ofMinutes(3),
              ranOnB::incrementAndGet,
              clock);
      for (int i = 0; i < 10; i++) {
        boolean x = onA.runIfClaimed();
        boolean y = onB.runIfClaimed();
        assertThat(x ^ y).as("exactly one node ran round %s", i).isTrue();
      }
      assertThat(ranOnA.get() + ranOnB.get()).isEqualTo(10);
      assertThat(ranOnA.get()).isEqualTo(10);
      onA.release();
      assertThat(onB.runIfClaimed()).isTrue();
      assertThat(onA.runIfClaimed()).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void aChangeOnOneNodeReachesTheOtherOnceAndIsNotEchoed(String kind) {
    try (Database a = open(kind);
        Database b = open(kind)) {
      String topic = unique("trust");
      AtomicInteger remoteOnA = new AtomicInteger();
      AtomicInteger remoteOnB = new AtomicInteger();
      ChangeRelay[] relayOnA = new ChangeRelay[1];
      relayOnA[0] =
          new ChangeRelay(
              new JdbcClusterStore(a.transactions()),
              topic,
              () -> {
                remoteOnA.incrementAndGet();
                relayOnA[0].localChange(); // a listener that announces again must not echo
              });
      ChangeRelay relayOnB =
          new ChangeRelay(
              new JdbcClusterStore(b.transactions()), topic, remoteOnB::incrementAndGet);
      assertThat(relayOnA[0].poll()).isFalse();
      relayOnB.localChange();
      assertThat(relayOnB.poll()).as("own change is not remote").isFalse();
      assertThat(relayOnA[0].poll()).isTrue();
      assertThat(relayOnA[0].poll()).isFalse();
      assertThat(relayOnB.poll()).as("no echo").isFalse();
      assertThat(remoteOnA.get()).isEqualTo(1);
      assertThat(remoteOnB.get()).isZero();
    }
  }
}
