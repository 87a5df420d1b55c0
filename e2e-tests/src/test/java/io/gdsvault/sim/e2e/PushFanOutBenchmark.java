package io.gdsvault.sim.e2e;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.push.PushState;
import io.gdsvault.gds.push.PushTarget;
import io.gdsvault.sim.fleet.Fleet;
import io.gdsvault.sim.push.PushTargetDevice;
import io.gdsvault.testing.Await;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Load harness (not part of the suite; results in device-simulator/BENCHMARKS-push.md): a GDS and a
 * fleet of N lean push targets in one JVM; measures the initial provisioning, a trust-list fan-out
 * (a CA/CRL change) and a certificate renewal of every target, in servers per minute, and the peak
 * heap.
 *
 * <pre>
 * mvn -o -pl e2e-tests -am test -Dtest=PushFanOutBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dpush.bench.count=200 -Dpush.bench.concurrency=16 -Dsurefire.argLine=-Xmx2g
 * </pre>
 */
class PushFanOutBenchmark {

  @Test
  void fanOut() throws Exception {
    int count = Integer.getInteger("push.bench.count", 20);
    int concurrency = Integer.getInteger("push.bench.concurrency", 16);
    AtomicLong peak = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              var mem = ManagementFactory.getMemoryMXBean();
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(100); // the heap sampler's period, not a wait for a condition
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    var settings =
        new io.gdsvault.gds.push.PushSettings(
            concurrency,
            5,
            Duration.ofSeconds(1),
            Duration.ofSeconds(10),
            Duration.ofMinutes(2),
            Duration.ofMillis(200),
            0.66,
            Duration.ofHours(1),
            Duration.ofSeconds(30));
    try (PushFixture f = new PushFixture(PushFixture.autoApprove(), settings)) {
      var pw = Files.writeString(f.dir.resolve("fleet-password"), PushFixture.TARGET_PASSWORD);
      int base = 20000 + (int) (ProcessHandle.current().pid() % 5000);
      var fleetDir = f.dir.resolve("fleet");
      for (int i = 0; i < count; i++) {
        var trusted = fleetDir.resolve("device-" + (base + i)).resolve("trusted/certs");
        Files.createDirectories(trusted);
        Files.write(trusted.resolve("gds.der"), f.gds.server().certificate().getEncoded());
      }
      // not a resource: closing it would close System.out
      PrintStream progress = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      try (Fleet fleet =
          Fleet.start(
              new Fleet.Settings(
                  "127.0.0.1", base, count, fleetDir, PushFixture.TARGET_ADMIN, pw, false, 4, true),
              progress)) {
        List<UUID> apps = new ArrayList<>();
        Instant t0 = Instant.now();
        for (PushTargetDevice d : fleet.devices()) {
          UUID app = f.register(d.support().applicationUri(), d.endpointUrl());
          f.engine()
              .enable(
                  Caller.system(),
                  f.enableRequest(app, d.endpointUrl(), PushFixture.TARGET_PASSWORD));
          apps.add(app);
        }
        awaitAll(
            f, apps, t -> t.state() == PushState.SUCCEEDED && t.certificateThumbprint() != null);
        report("initial provisioning (enable + trust list + CSR certificate)", count, t0);

        Instant t1 = Instant.now();
        f.gds.certificates().groups().changed();
        awaitAll(f, apps, t -> t.state() == PushState.SUCCEEDED && t.lastPush().isAfter(t1));
        report("trust-list fan-out (CA/CRL change)", count, t1);

        Map<UUID, String> before = new HashMap<>();
        for (UUID a : apps) {
          before.put(a, f.engine().target(a).orElseThrow().certificateThumbprint());
        }
        Instant t2 = Instant.now();
        for (UUID a : apps) {
          f.engine().run(Caller.system(), a);
        }
        awaitAll(
            f,
            apps,
            t ->
                t.state() == PushState.SUCCEEDED
                    && !t.certificateThumbprint().equals(before.get(t.applicationId())));
        report("certificate renewal (trust list + CSR + UpdateCertificate + verify)", count, t2);
      }
    } finally {
      sampler.interrupt();
      System.out.printf(
          "BENCH peak heap used %d MB (max heap %d MB)%n",
          peak.get() / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }
  }

  private static void awaitAll(PushFixture f, List<UUID> apps, Predicate<PushTarget> done)
      throws Exception {
    Await.until("all pushes done in time")
        .atMost(Duration.ofMinutes(30))
        .every(Duration.ofMillis(250))
        .value(
            () ->
                new Progress(
                    apps.stream()
                        .filter(a -> done.test(f.engine().target(a).orElseThrow()))
                        .count(),
                    apps.size()),
            p -> p.done() == p.all());
  }

  /** How many pushes are done, as a failed wait reports it. */
  private record Progress(long done, int all) {
    @Override
    public String toString() {
      return done + "/" + all;
    }
  }

  private static void report(String what, int count, Instant start) {
    double s = Duration.between(start, Instant.now()).toMillis() / 1000.0;
    System.out.printf(
        "BENCH %s: %d servers in %.1f s = %.0f servers/min%n", what, count, s, count / s * 60);
  }
}
