package io.gdsvault.gds.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.push.CertificateSlot;
import io.gdsvault.gds.push.InstalledCertificate;
import io.gdsvault.gds.push.KeyMode;
import io.gdsvault.gds.push.PushJob;
import io.gdsvault.gds.push.PushScope;
import io.gdsvault.gds.push.PushState;
import io.gdsvault.gds.push.PushTarget;
import io.gdsvault.gds.push.TargetAccess;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The push job store on every supported database: what several GDS nodes sharing one database rely
 * on (a job held by one node is skipped by the others; a dead node's job is taken over).
 */
abstract class PushRepositoryContract {

  protected abstract Database database();

  /**
   * True where several nodes can share the database (PostgreSQL): the other node must get the next
   * free job. The embedded H2 file belongs to one process, so there it only must not get the locked
   * one.
   */
  protected boolean sharedByNodes() {
    return true;
  }

  private final JdbcPushRepository repo = new JdbcPushRepository();
  private final Instant now = Instant.parse("2026-02-03T04:05:06Z");

  private <T> T tx(java.util.function.Supplier<T> work) {
    return database().transactions().inTransaction(work);
  }

  private UUID application() {
    UUID id = UUID.randomUUID();
    tx(
        () ->
            new JdbcApplicationRepository()
                .insert(
                    new ApplicationRecord(
                        id,
                        "urn:push:" + id,
                        ApplicationType.SERVER,
                        List.of(new LocalizedName("en", "s")),
                        "urn:p",
                        List.of("opc.tcp://127.0.0.1:4840"),
                        List.of()),
                    now));
    return id;
  }

  private PushTarget target(UUID app, PushState state, Instant next) {
    return target(app, state, next, null);
  }

  private PushTarget target(UUID app, PushState state, Instant next, PushJob.Lease lease) {
    return new PushTarget(
        app,
        new TargetAccess(
            "opc.tcp://127.0.0.1:4840",
            "http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256",
            "admin",
            new byte[] {1, 2, 3},
            "ab".repeat(20),
            KeyMode.CSR),
        new PushJob(state, PushScope.FULL, null, null, 0, null, null, next, lease, null),
        List.of(),
        now,
        now);
  }

  @Test
  void aTargetRoundTripsWithEveryField() {
    UUID app = application();
    PushTarget t = target(app, PushState.PENDING, now);
    tx(
        () -> {
          repo.insert(t);
          return null;
        });
    UUID request = UUID.randomUUID();
    PushTarget changed =
        new PushTarget(
            app,
            t.access(),
            new PushJob(
                PushState.RUNNING,
                PushScope.FULL,
                PushScope.TRUST,
                "verifying",
                2,
                "x".repeat(3000),
                now.minusSeconds(60),
                null,
                new PushJob.Lease("node-1", now.plusSeconds(30)),
                new PushJob.TrustWritten("ef".repeat(32), false)),
            List.of(
                new CertificateSlot(
                    "RsaSha256ApplicationCertificateType",
                    null,
                    new CertificateSlot.InFlight(request, new byte[] {9}),
                    new InstalledCertificate(
                        new byte[] {7}, "cd".repeat(20), now, now.plusSeconds(3600))),
                new CertificateSlot("RsaMinApplicationCertificateType", null, null, null),
                new CertificateSlot(
                    "EccCurve448ApplicationCertificateType", "not issued here", null, null)),
            now,
            now.plusSeconds(1));
    tx(
        () -> {
          repo.update(changed);
          return null;
        });
    PushTarget got = tx(() -> repo.find(app)).orElseThrow();
    assertThat(got.requestId()).isEqualTo(request);
    assertThat(got.keyBlob()).containsExactly(9);
    assertThat(got.certificateDer()).containsExactly(7);
    assertThat(got.certificateThumbprint()).isEqualTo("cd".repeat(20));
    assertThat(got.notBefore()).isEqualTo(now);
    assertThat(got.notAfter()).isEqualTo(now.plusSeconds(3600));
    assertThat(got.lastError()).hasSize(2048);
    assertThat(got.rerunScope()).isEqualTo(PushScope.TRUST);
    assertThat(got.job().lease()).isEqualTo(new PushJob.Lease("node-1", now.plusSeconds(30)));
    assertThat(got.phase()).isEqualTo("verifying");
    assertThat(got.job().trust()).isEqualTo(new PushJob.TrustWritten("ef".repeat(32), false));
    assertThat(got.certificates())
        .extracting(CertificateSlot::type)
        .containsExactly(
            "RsaSha256ApplicationCertificateType",
            "RsaMinApplicationCertificateType",
            "EccCurve448ApplicationCertificateType");
    assertThat(got.certificates().get(2).skipped()).isEqualTo("not issued here");
    assertThat(tx(repo::list))
        .filteredOn(x -> x.applicationId().equals(app))
        .singleElement()
        .satisfies(x -> assertThat(x.certificates()).hasSize(3));
    assertThat(got.attempts()).isEqualTo(2);
    assertThat(got.lastPush()).isEqualTo(now.minusSeconds(60));
    tx(
        () -> {
          repo.update(
              new PushTarget(
                  app,
                  t.access(),
                  new PushJob(
                      PushState.PENDING,
                      PushScope.FULL,
                      null,
                      null,
                      0,
                      null,
                      null,
                      now,
                      null,
                      null),
                  List.of(),
                  now,
                  now));
          return null;
        });
    PushTarget cleared = tx(() -> repo.find(app)).orElseThrow();
    assertThat(cleared.requestId()).isNull();
    assertThat(cleared.keyBlob()).isNull();
    assertThat(cleared.certificates()).isEmpty();
    assertThat(cleared.job().trust()).isNull();
    assertThat(cleared.job().lease()).isNull();
    assertThat(tx(() -> repo.delete(app))).isTrue();
    assertThat(tx(() -> repo.find(app))).isEmpty();
  }

  @Test
  void dueJobsAreThosePendingOrFailedWithADueAttemptAndRunningOnesWhoseLeaseExpired() {
    UUID due = application();
    UUID later = application();
    UUID exhausted = application();
    UUID deadNode = application();
    UUID liveNode = application();
    tx(
        () -> {
          repo.insert(target(due, PushState.FAILED, now.minusSeconds(1)));
          repo.insert(target(later, PushState.PENDING, now.plusSeconds(60)));
          repo.insert(target(exhausted, PushState.FAILED, null));
          repo.insert(
              target(
                  deadNode,
                  PushState.RUNNING,
                  null,
                  new PushJob.Lease("dead", now.minusSeconds(5))));
          repo.insert(
              target(
                  liveNode,
                  PushState.RUNNING,
                  null,
                  new PushJob.Lease("live", now.plusSeconds(60))));
          return null;
        });
    List<UUID> got =
        tx(() -> repo.lockDue(now, 100)).stream().map(PushTarget::applicationId).toList();
    assertThat(got).contains(due, deadNode).doesNotContain(later, exhausted, liveNode);
  }

  @Test
  void aJobLockedByOneNodeIsSkippedByAnother() throws Exception {
    // FOR UPDATE SKIP LOCKED: two nodes polling at once never claim the same job
    UUID a = application();
    UUID b = application();
    Instant past = Instant.parse("2000-01-01T00:00:00Z");
    tx(
        () -> {
          repo.insert(target(a, PushState.PENDING, past));
          repo.insert(target(b, PushState.PENDING, past.plusSeconds(1)));
          return null;
        });
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<List<UUID>> first =
          pool.submit(
              () ->
                  tx(
                      () -> {
                        List<UUID> ids =
                            repo.lockDue(past.plusSeconds(1), 1).stream()
                                .map(PushTarget::applicationId)
                                .toList();
                        locked.countDown();
                        try {
                          release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        return ids;
                      }));
      assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
      List<UUID> second =
          tx(() -> repo.lockDue(past.plusSeconds(1), 10)).stream()
              .map(PushTarget::applicationId)
              .toList();
      release.countDown();
      List<UUID> firstIds = first.get(30, TimeUnit.SECONDS);
      assertThat(firstIds).containsExactly(a);
      assertThat(second).doesNotContain(a);
      if (sharedByNodes()) {
        assertThat(second).contains(b);
      }
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }
}
