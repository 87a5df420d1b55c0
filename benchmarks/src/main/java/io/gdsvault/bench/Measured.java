package io.gdsvault.bench;

import io.gdsvault.bench.client.Batch;
import io.gdsvault.bench.client.Connector;
import io.gdsvault.bench.client.Device;
import io.gdsvault.bench.client.Flow;
import io.gdsvault.bench.client.FlowRunner;
import io.gdsvault.bench.process.ProcStat;
import io.gdsvault.bench.process.ServerProcess;
import io.gdsvault.bench.report.MachineLoad;
import io.gdsvault.bench.report.Stats;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One batch of flows against one server with what the harness records around it: the server's CPU
 * (from /proc of its process, plus a database's when given), the harness's own CPU, and the
 * machine's load before and after. Before it starts, every server is given time to go quiet, so
 * background work of an earlier batch (JIT, GC, key-pool refill) is not charged to this one.
 */
record Measured(
    String server,
    String scenario,
    String flow,
    int concurrency,
    int round,
    Batch batch,
    long serverCpuMs,
    long databaseCpuMs,
    long clientCpuMs,
    double loadBefore,
    double loadAfter) {

  static final LongSupplier NO_DATABASE = () -> 0;

  static Measured run(
      String server,
      String scenario,
      ServerProcess process,
      LongSupplier databaseCpu,
      Connector connector,
      Flow flow,
      List<Device> devices,
      int concurrency,
      int round,
      List<ServerProcess> quietFirst)
      throws InterruptedException {
    for (ServerProcess p : quietFirst) {
      p.awaitQuiet(0.05, Duration.ofSeconds(1), Duration.ofMinutes(2));
    }
    long self = ProcessHandle.current().pid();
    double load0 = MachineLoad.oneMinute();
    long cpu0 = process.cpuMillis();
    long db0 = databaseCpu.getAsLong();
    long client0 = ProcStat.cpuMillis(self);
    Batch b = FlowRunner.run(connector, flow, devices, concurrency);
    long cpu1 = process.cpuMillis();
    long db1 = databaseCpu.getAsLong();
    long client1 = ProcStat.cpuMillis(self);
    return new Measured(
        server,
        scenario,
        flow.name(),
        concurrency,
        round,
        b,
        cpu1 - cpu0,
        db1 - db0,
        client1 - client0,
        load0,
        MachineLoad.oneMinute());
  }

  double rate() {
    return batch.rate();
  }

  /** Server CPU per completed flow, ms (database CPU included when there is one). */
  double cpuPerFlow() {
    int ok = batch.flows() - batch.failures();
    return ok == 0 ? Double.NaN : (double) (serverCpuMs + databaseCpuMs) / ok;
  }

  double clientCpuPerFlow() {
    int ok = batch.flows() - batch.failures();
    return ok == 0 ? Double.NaN : (double) clientCpuMs / ok;
  }

  double latencyMs(double percentile) {
    return Stats.percentile(batch.latencyMicros(), percentile) / 1000.0;
  }

  static String csvHeader() {
    return "server,scenario,flow,concurrency,round,flows,failures,seconds,rate,server_cpu_ms,database_cpu_ms,"
               + "cpu_ms_per_flow,client_cpu_ms_per_flow,p50_ms,p95_ms,load_before,load_after";
  }

  String csv() {
    return String.join(
        ",",
        server,
        scenario,
        flow,
        Integer.toString(concurrency),
        Integer.toString(round),
        Integer.toString(batch.flows()),
        Integer.toString(batch.failures()),
        String.format(java.util.Locale.ROOT, "%.3f", batch.seconds()),
        String.format(java.util.Locale.ROOT, "%.2f", rate()),
        Long.toString(serverCpuMs),
        Long.toString(databaseCpuMs),
        String.format(java.util.Locale.ROOT, "%.2f", cpuPerFlow()),
        String.format(java.util.Locale.ROOT, "%.2f", clientCpuPerFlow()),
        String.format(java.util.Locale.ROOT, "%.1f", latencyMs(50)),
        String.format(java.util.Locale.ROOT, "%.1f", latencyMs(95)),
        String.format(java.util.Locale.ROOT, "%.2f", loadBefore),
        String.format(java.util.Locale.ROOT, "%.2f", loadAfter));
  }
}
