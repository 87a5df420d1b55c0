package io.gdsvault.bench;

import io.gdsvault.bench.client.Batch;
import io.gdsvault.bench.client.Connector;
import io.gdsvault.bench.client.Device;
import io.gdsvault.bench.client.Devices;
import io.gdsvault.bench.client.Flow;
import io.gdsvault.bench.client.FlowRunner;
import io.gdsvault.bench.client.GdsFlows;
import io.gdsvault.bench.process.GdsInstance;
import io.gdsvault.bench.process.JvmHeap;
import io.gdsvault.bench.process.Postgres;
import io.gdsvault.bench.process.ProcStat;
import io.gdsvault.bench.report.MachineLoad;
import io.gdsvault.bench.report.Stats;
import io.gdsvault.bench.report.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fleet}: N devices provision from scratch (CSR pull with a UserName token, auto-approve),
 * then every one of them renews with its GDS-issued certificate (anonymous session, the application
 * acting for itself). Reports each phase's rate, devices per second over time, the GDS's heap
 * (jstat every few seconds, the live set after a full GC at the end), its CPU (and the database's
 * on PostgreSQL) and the database size.
 */
@Command(
    name = "fleet",
    mixinStandardHelpOptions = true,
    description = "N devices pull, then renew; rates over time, heap, CPU, database size.")
final class FleetCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin CommonOptions common = new CommonOptions();

  @Option(names = "--devices", description = "Devices (default 10000).", defaultValue = "10000")
  int devices;

  @Option(
      names = "--concurrency",
      description = "Devices at a time (default 32).",
      defaultValue = "32")
  int concurrency;

  @Option(
      names = "--sample-seconds",
      description = "Heap and CPU sampling interval (default 5).",
      defaultValue = "5")
  int sampleSeconds;

  /** One sample: seconds since the start of the run, heap used (MiB), cumulative CPU (ms). */
  private record Sample(double t, double heapMib, long gdsCpuMs, long dbCpuMs, long rssMib) {}

  /** One phase: its batch, CPU and where it sits on the run's clock. */
  private record Phase(String name, Batch batch, double startT, long gdsCpuMs, long dbCpuMs) {}

  @Override
  public Integer call() throws Exception {
    Path dir = common.runDir("fleet");
    Postgres pg = common.postgres() ? Postgres.start(dir) : null;
    List<Sample> samples = new ArrayList<>();
    List<Phase> phases = new ArrayList<>();
    String sizes;
    double liveHeap;
    try (GdsInstance gds = common.startGds(dir.resolve("gds"), pg)) {
      Connector gc = Connector.discover("gds", gds.url());
      CompareCommand.log("making " + devices + " devices");
      List<Device> fleet = Devices.withKeys(16).create("fleet", devices);
      long pid = gds.process().pid();
      long t0 = System.nanoTime();
      ScheduledExecutorService sampler = startSampler(gds, pg, t0, samples);
      try {
        for (Flow f :
            List.of(
                GdsFlows.csr(CommonOptions.DEVICE_USER, common.userPassword), GdsFlows.renew())) {
          phases.add(phase(gds, pg, gc, f, fleet, t0));
        }
      } finally {
        sampler.shutdownNow();
      }
      liveHeap = JvmHeap.liveMib(pid);
      sizes = sizes(gds, pg);
    } finally {
      if (pg != null) {
        pg.close();
      }
    }
    String report = report(phases, samples, liveHeap, sizes);
    Files.writeString(dir.resolve("results.md"), report);
    System.out.println(report);
    return phases.stream().anyMatch(p -> p.batch().failures() > 0) ? 1 : 0;
  }

  /** Samples the GDS's heap, RSS and CPU (and the database's) every {@code sampleSeconds}. */
  private ScheduledExecutorService startSampler(
      GdsInstance gds, @Nullable Postgres pg, long t0, List<Sample> samples) {
    long pid = gds.process().pid();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    var unused =
        sampler.scheduleAtFixedRate(
            () -> {
              Sample s =
                  new Sample(
                      (System.nanoTime() - t0) / 1e9,
                      JvmHeap.usedMib(pid),
                      gds.process().cpuMillis(),
                      pg == null ? 0 : pg.cpuMillis(),
                      ProcStat.rssMib(pid));
              synchronized (samples) {
                samples.add(s);
              }
            },
            0,
            sampleSeconds,
            TimeUnit.SECONDS);
    return sampler;
  }

  /** Runs flow {@code f} once for every device of the fleet, {@code concurrency} at a time. */
  private Phase phase(
      GdsInstance gds, @Nullable Postgres pg, Connector gc, Flow f, List<Device> fleet, long t0)
      throws InterruptedException {
    CompareCommand.log(
        f.name()
            + ": "
            + devices
            + " devices, "
            + concurrency
            + " at a time, load "
            + MachineLoad.summary());
    double start = (System.nanoTime() - t0) / 1e9;
    long cpu0 = gds.process().cpuMillis();
    long db0 = pg == null ? 0 : pg.cpuMillis();
    Batch b = FlowRunner.run(gc, f, fleet, concurrency);
    Phase phase =
        new Phase(
            f.name(),
            b,
            start,
            gds.process().cpuMillis() - cpu0,
            (pg == null ? 0 : pg.cpuMillis()) - db0);
    CompareCommand.log(
        String.format(
            java.util.Locale.ROOT,
            "%s: %.1f/s, %d failures %s",
            f.name(),
            b.rate(),
            b.failures(),
            b.errors()));
    return phase;
  }

  private static String sizes(GdsInstance gds, @Nullable Postgres pg)
      throws IOException, SQLException {
    return pg == null
        ? "H2 database files "
            + mib(gds.h2Bytes())
            + " MiB; data directory "
            + mib(gds.dataBytes())
            + " MiB"
        : "PostgreSQL pg_database_size "
            + mib(pg.databaseBytes())
            + " MiB; GDS data directory "
            + mib(gds.dataBytes())
            + " MiB";
  }

  private String report(List<Phase> phases, List<Sample> samples, double liveHeap, String sizes) {
    Table t =
        new Table(
            "Phase",
            "#Devices",
            "#Failed",
            "#Seconds",
            "#Devices/s",
            "#p50 ms",
            "#p95 ms",
            "#GDS CPU ms/device",
            "#DB CPU ms/device");
    for (Phase p : phases) {
      Batch b = p.batch();
      int ok = b.flows() - b.failures();
      t.row(
          p.name(),
          b.flows(),
          b.failures(),
          Table.num(b.seconds(), 1),
          Table.num(b.rate(), 1),
          Table.num(Stats.percentile(b.latencyMicros(), 50) / 1000.0, 0),
          Table.num(Stats.percentile(b.latencyMicros(), 95) / 1000.0, 0),
          Table.num(p.gdsCpuMs() / (double) ok, 1),
          common.postgres() ? Table.num(p.dbCpuMs() / (double) ok, 1) : "");
    }
    double peak =
        samples.stream()
            .mapToDouble(Sample::heapMib)
            .filter(v -> !Double.isNaN(v))
            .max()
            .orElse(Double.NaN);
    long peakRss = samples.stream().mapToLong(Sample::rssMib).max().orElse(-1);
    StringBuilder b = new StringBuilder();
    b.append(
        CommonOptions.header(
            "Fleet: " + devices + " devices pull, then renew (" + common.db + ")", commandLine()));
    b.append(t.render()).append('\n');
    b.append("- GDS heap: peak used ")
        .append(Table.num(peak, 0))
        .append(" MiB (jstat every ")
        .append(sampleSeconds)
        .append(" s, garbage included), live after a full GC at the end ")
        .append(Table.num(liveHeap, 0))
        .append(" MiB; JVM options `")
        .append(common.gdsJavaOpts)
        .append("`; peak RSS ")
        .append(peakRss)
        .append(" MiB\n- ")
        .append(sizes)
        .append("\n- load average at the end: ")
        .append(MachineLoad.summary())
        .append("\n\n");
    b.append(overTime(phases, samples));
    return b.toString();
  }

  /** Devices per second in time buckets, with the heap and CPU of the GDS in each bucket. */
  private String overTime(List<Phase> phases, List<Sample> samples) {
    Table t = new Table("#From s", "Phase", "#Devices/s", "#GDS heap used MiB", "#GDS CPU %");
    double end = phases.stream().mapToDouble(p -> p.startT() + p.batch().seconds()).max().orElse(0);
    double bucket = Math.max(10, Math.ceil(end / 40 / 10) * 10);
    for (double from = 0; from < end; from += bucket) {
      double to = from + bucket;
      long done = 0;
      String phase = "";
      for (Phase p : phases) {
        for (long ms : p.batch().doneAtMillis()) {
          double at = p.startT() + ms / 1000.0;
          if (at >= from && at < to) {
            done++;
            phase = p.name();
          }
        }
      }
      Sample a = nearest(samples, from);
      Sample z = nearest(samples, to);
      double cpu =
          a == null || z == null || z.t() <= a.t()
              ? Double.NaN
              : 100.0 * (z.gdsCpuMs() - a.gdsCpuMs()) / ((z.t() - a.t()) * 1000);
      t.row(
          Table.num(from, 0),
          phase,
          Table.num(done / bucket, 1),
          z == null ? "n/a" : Table.num(z.heapMib(), 0),
          Table.num(cpu, 0));
    }
    return "## Devices per second over time ("
        + Table.num(bucket, 0)
        + " s buckets)\n\n"
        + t.render();
  }

  private static @Nullable Sample nearest(List<Sample> samples, double t) {
    Sample best = null;
    synchronized (samples) {
      for (Sample s : samples) {
        if (best == null || Math.abs(s.t() - t) < Math.abs(best.t() - t)) {
          best = s;
        }
      }
    }
    return best;
  }

  private static String mib(long bytes) {
    return Table.num(bytes / 1048576.0, 1);
  }

  private String commandLine() {
    return spec == null
        ? "fleet"
        : "gds-bench " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
  }
}
