package io.gdsvault.bench;

import io.gdsvault.bench.client.Connector;
import io.gdsvault.bench.client.Device;
import io.gdsvault.bench.client.Devices;
import io.gdsvault.bench.client.GdsCalls;
import io.gdsvault.bench.client.KeyGenRate;
import io.gdsvault.bench.client.Sessions;
import io.gdsvault.bench.process.GdsInstance;
import io.gdsvault.bench.process.Postgres;
import io.gdsvault.bench.report.MachineLoad;
import io.gdsvault.bench.report.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code burst}: the key-pair pool. First the RSA-2048 key-generation rate of this machine (JCA, on
 * every core, in the harness before the GDS starts); then, on long-lived sessions so that only the
 * requests are measured: a burst of StartSigningRequest + FinishRequest (the CA's signing rate as
 * the GDS delivers it), a burst of StartNewKeyPairRequest + FinishRequest with the pool full, and
 * the pool's refill after it, as the GDS logs it.
 */
@Command(
    name = "burst",
    mixinStandardHelpOptions = true,
    description = "New-key-pair burst with a full pool against the CA's signing rate; refill.")
final class BurstCommand implements Callable<Integer> {

  static final Pattern POOL_FULL =
      Pattern.compile("key pool full: (\\d+) key pairs, refilled (\\d+) in (\\d+) ms");

  @Spec @Nullable CommandSpec spec;

  @Mixin CommonOptions common = new CommonOptions();

  @Option(
      names = "--count",
      description = "Requests per burst (default 200).",
      defaultValue = "200")
  int count;

  @Option(
      names = "--concurrency",
      description = "Sessions sending the burst (default 8).",
      defaultValue = "8")
  int concurrency;

  @Option(names = "--format", description = "PEM or PFX (default PEM).", defaultValue = "PEM")
  String format;

  @Option(
      names = "--key-password",
      description = "PrivateKeyPassword (default empty: unprotected key).",
      defaultValue = "")
  String keyPassword;

  @Option(
      names = "--keygen-samples",
      description = "Keys generated to measure the key-generation rate (default 40).",
      defaultValue = "40")
  int keygenSamples;

  @Option(
      names = "--warmup",
      description = "Requests of each kind before the bursts (default 20).",
      defaultValue = "20")
  int warmup;

  @Option(names = "--no-pool", description = "The GDS has no key pool: do not wait for it to fill.")
  boolean noPool;

  @Override
  public Integer call() throws Exception {
    Path dir = common.runDir("burst");
    int cores = Runtime.getRuntime().availableProcessors();
    CompareCommand.log("measuring RSA-2048 key generation on " + cores + " threads");
    double keygen = KeyGenRate.measure(keygenSamples, cores);
    Table t =
        new Table("What", "#Requests", "#Seconds", "#Per second", "#GDS CPU ms/request", "Note");
    t.row(
        "RSA-2048 key generation (JCA, harness JVM)",
        keygenSamples,
        "",
        Table.num(keygen, 1),
        "",
        cores + " threads");
    Postgres pg = common.postgres() ? Postgres.start(dir) : null;
    try (GdsInstance gds = common.startGds(dir.resolve("gds"), pg)) {
      measureBursts(gds, t, keygen);
    } finally {
      if (pg != null) {
        pg.close();
      }
    }
    String report =
        CommonOptions.header("Key-pair pool: bursts and refill", commandLine())
            + t.render()
            + "\nload average at the end: "
            + MachineLoad.summary()
            + "\n";
    Files.writeString(dir.resolve("results.md"), report);
    System.out.println(report);
    return 0;
  }

  /**
   * Registers the applications, warms up, then times the signing burst, the new-key-pair burst and
   * (with a pool) its refill, each as a row of {@code t}.
   */
  private void measureBursts(GdsInstance gds, Table t, double keygen) throws Exception {
    Connector gc = Connector.discover("gds", gds.url());
    int apps = 2 * warmup + 2 * count;
    List<Device> devices = Devices.withKeys(16).create("burst", apps + concurrency);
    NodeId[] app = new NodeId[apps];
    NodeId[] req = new NodeId[apps];
    try (Sessions s =
        Sessions.open(
            gc,
            devices.subList(apps, apps + concurrency),
            concurrency,
            Connector.identity(CommonOptions.DEVICE_USER, common.userPassword))) {
      s.each(apps, (c, i) -> app[i] = GdsCalls.register(c, devices.get(i)));
      // warm-up: both kinds of request (JIT, connection pool) before anything is timed
      s.each(warmup, (c, i) -> signing(c, app, req, devices, i));
      int beforeWarmup = gds.process().eventCount();
      s.each(warmup, (c, i) -> keyPair(c, app, req, warmup + i));
      if (!noPool) {
        poolFilled(gds, t, beforeWarmup);
      }
      gds.process().awaitQuiet(0.05, Duration.ofSeconds(1), Duration.ofMinutes(2));
      int base = 2 * warmup;
      double signRate = signingBurst(gds, s, t, app, req, devices, base);
      gds.process().awaitQuiet(0.05, Duration.ofSeconds(1), Duration.ofMinutes(2));
      int mark = gds.process().eventCount();
      keyPairBurst(gds, s, t, app, req, base + count, signRate);
      if (!noPool) {
        Matcher refill = gds.process().awaitEvent(POOL_FULL, mark, Duration.ofMinutes(10));
        double r = rate(refill);
        t.row(
            "pool refill after the burst",
            refill.group(2),
            seconds(refill.group(3)),
            Table.num(r, 1),
            "",
            "ratio to key generation " + Table.num(r / keygen, 2) + " (target ≥ 0.8)");
      }
    }
  }

  /** The pool's first fill after start as a row; then waits until the warm-up's keys are back. */
  private void poolFilled(GdsInstance gds, Table t, int beforeWarmup) throws Exception {
    Matcher full = gds.process().awaitEvent(POOL_FULL, 0, Duration.ofMinutes(10));
    t.row(
        "pool filled after start",
        full.group(2),
        seconds(full.group(3)),
        Table.num(rate(full), 1),
        "",
        full.group(0));
    if (warmup > 0) {
      // full again after the warm-up took its keys
      gds.process().awaitEvent(POOL_FULL, beforeWarmup, Duration.ofMinutes(10));
    }
  }

  /** StartSigningRequest then FinishRequest for applications base.. ; returns requests/second. */
  private double signingBurst(
      GdsInstance gds,
      Sessions s,
      Table t,
      NodeId[] app,
      NodeId[] req,
      List<Device> devices,
      int base)
      throws Exception {
    long cpu0 = gds.process().cpuMillis();
    double started =
        s.each(count, (c, i) -> app(req, i + base, startSigning(c, app, devices, i + base)));
    double finished =
        s.each(
            count,
            (c, i) ->
                GdsCalls.finishSigning(c, app[i + base], req[i + base], devices.get(i + base)));
    long cpu1 = gds.process().cpuMillis();
    double signRate = count / (started + finished);
    t.row(
        "signing burst (StartSigningRequest, then FinishRequest)",
        count,
        Table.num(started + finished, 2),
        Table.num(signRate, 1),
        Table.num((cpu1 - cpu0) / (double) count, 1),
        "the CA's signing rate through the GDS");
    return signRate;
  }

  /** StartNewKeyPairRequest then FinishRequest for applications kpBase.. , against signRate. */
  private void keyPairBurst(
      GdsInstance gds, Sessions s, Table t, NodeId[] app, NodeId[] req, int kpBase, double signRate)
      throws Exception {
    long cpu0 = gds.process().cpuMillis();
    double started =
        s.each(
            count,
            (c, i) ->
                app(
                    req,
                    i + kpBase,
                    GdsCalls.startNewKeyPairRequest(c, app[i + kpBase], format, keyPassword)));
    double finished =
        s.each(count, (c, i) -> GdsCalls.finishNewKeyPair(c, app[i + kpBase], req[i + kpBase]));
    long cpu1 = gds.process().cpuMillis();
    double kpRate = count / (started + finished);
    t.row(
        "new-key-pair burst, " + format + (keyPassword.isEmpty() ? "" : " with password"),
        count,
        Table.num(started + finished, 2),
        Table.num(kpRate, 1),
        Table.num((cpu1 - cpu0) / (double) count, 1),
        "ratio to signing " + Table.num(kpRate / signRate, 2) + " (target ≥ 0.8)");
  }

  private static void signing(
      org.eclipse.milo.opcua.sdk.client.OpcUaClient c,
      NodeId[] app,
      NodeId[] req,
      List<Device> devices,
      int i)
      throws Exception {
    req[i] = startSigning(c, app, devices, i);
    GdsCalls.finishSigning(c, app[i], req[i], devices.get(i));
  }

  private void keyPair(
      org.eclipse.milo.opcua.sdk.client.OpcUaClient c, NodeId[] app, NodeId[] req, int i)
      throws Exception {
    req[i] = GdsCalls.startNewKeyPairRequest(c, app[i], format, keyPassword);
    GdsCalls.finishNewKeyPair(c, app[i], req[i]);
  }

  private static NodeId startSigning(
      org.eclipse.milo.opcua.sdk.client.OpcUaClient c, NodeId[] app, List<Device> devices, int i)
      throws Exception {
    return GdsCalls.startSigningRequest(c, app[i], devices.get(i));
  }

  private static void app(NodeId[] req, int i, NodeId id) {
    req[i] = id;
  }

  private static String seconds(String millis) {
    return Table.num(Long.parseLong(millis) / 1000.0, 1);
  }

  private static double rate(Matcher poolFull) {
    return Long.parseLong(poolFull.group(2)) / (Long.parseLong(poolFull.group(3)) / 1000.0);
  }

  private String commandLine() {
    return spec == null
        ? "burst"
        : "gds-bench " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
  }
}
