package io.gdsvault.web.metrics;

import io.gdsvault.gds.app.GdsApplication;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.CertificateRequestRecord;
import io.gdsvault.gds.certificates.IssuedCertificateRecord;
import io.gdsvault.gds.certificates.RequestState;
import io.gdsvault.gds.push.PushState;
import io.gdsvault.gds.push.PushTarget;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures of /metrics, read from the services when scraped (at most once a second): requests by
 * state, certificates expiring within 7 and 30 days, revocations, push targets by state and
 * failures, OPC UA sessions, OPC UA method-call latency histograms by method and outcome, database
 * size, and the console's own HTTP latency histogram.
 */
public final class GdsMetrics {

  private static final Logger log = LoggerFactory.getLogger(GdsMetrics.class);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final GdsApplication app;
  private final Clock clock;
  private volatile Snapshot snapshot = Snapshot.EMPTY;
  private volatile Instant takenAt = Instant.EPOCH;

  /** The service figures at one moment. */
  record Snapshot(
      Map<RequestState, Long> requests,
      long expiring7,
      long expiring30,
      long revoked,
      Map<PushState, Long> push,
      long pushFailures) {
    static final Snapshot EMPTY =
        new Snapshot(new EnumMap<>(RequestState.class), 0, 0, 0, new EnumMap<>(PushState.class), 0);
  }

  public GdsMetrics(GdsApplication app, Clock clock) {
    this.app = app;
    this.clock = clock;
    for (RequestState s : RequestState.values()) {
      gauge(
          "gds.requests",
          "Certificate requests by state",
          "state",
          s.label(),
          x -> x.requests().getOrDefault(s, 0L));
    }
    gauge(
        "gds.certificates.expiring",
        "Valid issued certificates expiring within N days",
        "within_days",
        "7",
        Snapshot::expiring7);
    gauge(
        "gds.certificates.expiring",
        "Valid issued certificates expiring within N days",
        "within_days",
        "30",
        Snapshot::expiring30);
    gauge("gds.certificates.revoked", "Revoked issued certificates", null, null, Snapshot::revoked);
    for (PushState s : PushState.values()) {
      String label = s.name().toLowerCase(java.util.Locale.ROOT);
      gauge(
          "gds.push.targets",
          "Push targets by job state",
          "state",
          label,
          x -> x.push().getOrDefault(s, 0L));
    }
    gauge(
        "gds.push.failures",
        "Push targets whose last attempt failed",
        null,
        null,
        Snapshot::pushFailures);
    Gauge.builder("gds.opcua.sessions", () -> sessions())
        .description("Open OPC UA sessions")
        .register(registry);
    Gauge.builder("gds.database.size", () -> databaseBytes())
        .description("Size of the embedded database files in bytes (0 for an external database)")
        .baseUnit("bytes")
        .register(registry);
    app.timeMethodCalls(this::methodCall);
  }

  /** One OPC UA method call into the latency histogram of its method and outcome. */
  private void methodCall(String method, long nanos, boolean good) {
    Timer.builder("gds.opcua.calls")
        .description("OPC UA method calls of the GDS by method and outcome")
        .tag("method", method)
        .tag("outcome", good ? "good" : "bad")
        .publishPercentileHistogram()
        .register(registry)
        .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  private void gauge(
      String name,
      String help,
      @org.jspecify.annotations.Nullable String tagKey,
      @org.jspecify.annotations.Nullable String tagValue,
      ToDoubleFunction<Snapshot> f) {
    Gauge.Builder<?> b = Gauge.builder(name, () -> f.applyAsDouble(current())).description(help);
    if (tagKey != null && tagValue != null) {
      b = b.tag(tagKey, tagValue);
    }
    b.register(registry);
  }

  /** A timer of the console's HTTP requests by route and status class. */
  public Timer httpTimer(String route, int status) {
    return Timer.builder("gds.http.requests")
        .description("Web console and REST API requests")
        .tag("route", route)
        .tag("status", (status / 100) + "xx")
        .publishPercentileHistogram()
        .register(registry);
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }

  private Snapshot current() {
    Instant now = clock.instant();
    if (now.isBefore(takenAt.plusSeconds(1))) {
      return snapshot;
    }
    try {
      snapshot = take(now);
    } catch (RuntimeException e) {
      log.warn("metrics could not be read: {}", e.toString());
    }
    takenAt = now;
    return snapshot;
  }

  private Snapshot take(Instant now) {
    Caller system = Caller.system();
    var service = app.certificates().service();
    Map<RequestState, Long> byState = new EnumMap<>(RequestState.class);
    for (CertificateRequestRecord r : service.list(system, Arrays.asList(RequestState.values()))) {
      byState.merge(r.state(), 1L, Long::sum);
    }
    List<IssuedCertificateRecord> issued = service.issuedCertificates(system, null);
    long e7 = expiring(issued, now, Duration.ofDays(7));
    long e30 = expiring(issued, now, Duration.ofDays(30));
    long revoked = issued.stream().filter(IssuedCertificateRecord::revoked).count();
    Map<PushState, Long> push = new EnumMap<>(PushState.class);
    long failures = 0;
    for (PushTarget t : app.push().engine().status(system, null)) {
      push.merge(t.job().state(), 1L, Long::sum);
      if (t.job().state() == PushState.FAILED) {
        failures++;
      }
    }
    return new Snapshot(byState, e7, e30, revoked, push, failures);
  }

  private static long expiring(List<IssuedCertificateRecord> issued, Instant now, Duration within) {
    Instant limit = now.plus(within);
    return issued.stream()
        .filter(c -> !c.revoked() && c.notAfter().isAfter(now) && !c.notAfter().isAfter(limit))
        .count();
  }

  private double sessions() {
    try {
      return app.server().server().getSessionManager().getCurrentSessionCount().doubleValue();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  private double databaseBytes() {
    Path dir = app.dataDirectory().resolve("db");
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".mv.db"))
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException e) {
      return Double.NaN;
    }
  }
}
