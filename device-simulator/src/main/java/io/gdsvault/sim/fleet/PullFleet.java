package io.gdsvault.sim.fleet;

import io.gdsvault.sim.pull.PullClient;
import io.gdsvault.sim.pull.PullSettings;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * N pull clients in one JVM with bounded concurrency: each device pulls its certificate from the
 * GDS (all of them share Milo's stack executors); afterwards each one can be scheduled to renew at
 * its own renewal point.
 */
public final class PullFleet implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PullFleet.class);

  /** One device's result: its settings and its outcome, or the failure message. */
  public record DeviceResult(
      @Nullable PullSettings settings,
      PullClient.@Nullable Outcome outcome,
      @Nullable String error) {
    public boolean ok() {
      return error == null;
    }
  }

  private final List<PullClient> clients;
  private final List<DeviceResult> results;
  private final Clock clock;
  private @Nullable ScheduledExecutorService renewals;

  private PullFleet(List<PullClient> clients, List<DeviceResult> results, Clock clock) {
    this.clients = clients;
    this.results = results;
    this.clock = clock;
  }

  public List<DeviceResult> results() {
    return results;
  }

  public long failures() {
    return results.stream().filter(r -> !r.ok()).count();
  }

  /** Runs the first pull (or the renewal check) of every device, {@code threads} at a time. */
  public static PullFleet pullAll(
      List<PullSettings> devices, int threads, Clock clock, PrintWriter out)
      throws InterruptedException {
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    List<PullClient> clients = new ArrayList<>();
    List<Future<DeviceResult>> futures = new ArrayList<>();
    AtomicInteger waiting = new AtomicInteger();
    for (PullSettings s : devices) {
      PullClient c = new PullClient(s, clock, statusSink(s, waiting, out));
      clients.add(c);
      futures.add(pool.submit(() -> firstRun(s, c)));
    }
    List<DeviceResult> results = new ArrayList<>();
    try {
      for (Future<DeviceResult> f : futures) {
        try {
          results.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          results.add(new DeviceResult(null, null, String.valueOf(e.getCause())));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    var fleet = new PullFleet(clients, results, clock);
    fleet.report(devices, ms, out);
    return fleet;
  }

  /**
   * A device's status lines go to the debug log; the first one saying a request waits for approval
   * is told once for the whole fleet.
   */
  private static Consumer<String> statusSink(
      PullSettings s, AtomicInteger waiting, PrintWriter out) {
    String label = s.pkiDir().getFileName().toString();
    return line -> {
      log.debug("{}: {}", label, line);
      if (line.contains("waiting for approval") && waiting.getAndIncrement() == 0) {
        out.println("device-sim fleet: requests are waiting for approval on the GDS");
        out.flush();
      }
    };
  }

  private static DeviceResult firstRun(PullSettings s, PullClient c) {
    try {
      return new DeviceResult(s, c.runOnce(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeviceResult(s, null, "interrupted");
    } catch (Exception e) {
      return new DeviceResult(s, null, e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  /** One line per failed device, then the summary. */
  private void report(List<PullSettings> devices, long ms, PrintWriter out) {
    for (DeviceResult r : results) {
      if (!r.ok()) {
        out.println(
            "device-sim fleet: "
                + (r.settings() == null ? "a device" : r.settings().pkiDir().getFileName())
                + " failed: "
                + r.error());
      }
    }
    out.printf(
        "device-sim fleet: %d of %d devices hold a certificate from %s (%d pulled, %d ms)%n",
        results.size() - failures(),
        results.size(),
        devices.isEmpty() ? "-" : devices.get(0).gdsUrl(),
        results.stream().filter(r -> r.outcome() != null && r.outcome().pulled()).count(),
        ms);
    out.flush();
  }

  /** Schedules every successful device to renew at its renewal point, and again after that. */
  public synchronized void scheduleRenewals(int threads, PrintWriter out) {
    renewals = Executors.newScheduledThreadPool(Math.max(1, threads));
    for (int i = 0; i < results.size(); i++) {
      DeviceResult r = results.get(i);
      if (r.ok() && r.outcome() != null) {
        schedule(clients.get(i), r.outcome().renewalDue(), out);
      }
    }
  }

  private void schedule(PullClient c, Instant due, PrintWriter out) {
    long delay = Math.max(1000, Duration.between(clock.instant(), due).toMillis());
    ScheduledExecutorService pool = renewals;
    if (pool == null || pool.isShutdown()) {
      return;
    }
    try {
      // the task logs its own failures and schedules the next renewal; close() stops the pool
      var unused =
          pool.schedule(
              () -> {
                Instant next;
                try {
                  PullClient.Outcome o = c.runOnce();
                  if (o.pulled()) {
                    out.println(
                        "device-sim fleet: "
                            + c.settings().pkiDir().getFileName()
                            + " renewed its certificate");
                    out.flush();
                  }
                  next = o.renewalDue();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                } catch (Exception e) {
                  log.warn(
                      "{}: renewal failed: {}",
                      c.settings().pkiDir().getFileName(),
                      e.getMessage());
                  next = clock.instant().plusSeconds(60);
                }
                schedule(c, next, out);
              },
              delay,
              TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException stopped) {
      // the fleet is closing
    }
  }

  @Override
  public synchronized void close() {
    if (renewals != null) {
      renewals.shutdownNow();
    }
  }
}
