package io.gdsvault.gds.push;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.DataKeyCipher;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.persistence.Transactions;
import io.gdsvault.testing.MutableClock;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Everything a push engine works with, as fakes: a {@link MutableClock} that only sleeps move, an
 * in-memory job store, a {@link FakeTarget}, the request lifecycle ({@link FakeCertificates}) and
 * our CAs ({@link FakeTrust}). Engines made here run jobs on the calling thread, so a test drives
 * every step with {@link PushEngine#dispatchDue()} and the clock.
 */
final class PushWorld implements AutoCloseable {

  static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  static final String ENDPOINT = "opc.tcp://target.plant.example:4840/ua";

  final MutableClock clock = new MutableClock(START);
  final TestCa ca = new TestCa("test CA", START.minus(Duration.ofDays(1)));
  final X509Certificate gdsCertificate =
      ca.issue("gds", START.minus(Duration.ofDays(1)), Duration.ofDays(730));
  final X509Certificate selfSigned = TestCa.selfSigned("target", START.minus(Duration.ofDays(1)));
  final FakeTarget target = new FakeTarget(selfSigned);
  final FakeCertificates certificates = new FakeCertificates(ca, clock);
  final FakeTrust trust = new FakeTrust(ca, gdsCertificate);
  final InMemoryPushRepository repository = new InMemoryPushRepository();
  final Map<UUID, ApplicationRecord> applications = new HashMap<>();
  final List<String> audit = new ArrayList<>();
  final List<Duration> sleeps = new ArrayList<>();
  final TargetCredentials credentials = new TargetCredentials(DataKeyCipher.random());
  private final List<PushEngine> engines = new ArrayList<>();
  PushSettings settings =
      new PushSettings(
          2,
          3,
          Duration.ofSeconds(10),
          Duration.ofMinutes(1),
          Duration.ofMinutes(2),
          Duration.ofSeconds(2),
          2.0 / 3.0,
          Duration.ofMinutes(10),
          Duration.ofSeconds(30));
  PauseHook pause = PauseHook.NONE;

  /** Every sleep moves the clock by its length instead of waiting. */
  final Sleeper sleeper =
      d -> {
        synchronized (sleeps) {
          sleeps.add(d);
        }
        clock.advance(d);
      };

  /** No transaction manager: every unit of work runs as it is (one thread per test). */
  static final Transactions DIRECT =
      new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
          return work.get();
        }
      };

  /** An engine whose jobs run on the thread that dispatches them. */
  PushEngine engine() {
    return engine(Runnable::run, sleeper);
  }

  PushEngine engine(Executor workers, Sleeper how) {
    PushEngine e =
        new PushEngine(
            new PushEngine.Parts(
                repository,
                DIRECT,
                target,
                certificates,
                trust,
                id -> Optional.ofNullable(applications.get(id)),
                credentials,
                (actor, action, app, detail, outcome) -> {
                  synchronized (audit) {
                    audit.add(action + " " + outcome + " " + detail);
                  }
                }),
            new PushEngine.Environment(
                clock, settings, how, (point, app) -> pause.reached(point, app)),
            workers);
    engines.add(e);
    return e;
  }

  /** Registers the target as a server application. */
  UUID register() {
    UUID id = UUID.randomUUID();
    applications.put(
        id,
        new ApplicationRecord(
            id,
            "urn:test:target",
            ApplicationType.SERVER,
            List.of(new LocalizedName("en", "target")),
            "urn:test",
            List.of(ENDPOINT),
            List.of()));
    return id;
  }

  PushEngine.EnableRequest enableRequest(UUID app, KeyMode mode) {
    return new PushEngine.EnableRequest(
        app, ENDPOINT, "", FakeTarget.USER, FakeTarget.PASSWORD.toCharArray(), null, mode);
  }

  /** Registers the target and enables push for it (CSR mode). */
  UUID enabled(PushEngine engine) {
    UUID app = register();
    engine.enable(Caller.system(), enableRequest(app, KeyMode.CSR));
    return app;
  }

  PushTarget job(UUID app) {
    return repository.find(app).orElseThrow();
  }

  /** Moves the clock to when the job is due and dispatches. */
  PushTarget runWhenDue(PushEngine engine, UUID app) {
    Instant next = job(app).nextAttemptAt();
    if (next != null && next.isAfter(clock.instant())) {
      clock.set(next);
    }
    engine.dispatchDue();
    return job(app);
  }

  @Override
  public void close() {
    engines.forEach(PushEngine::close);
  }
}
