package io.gdsvault.bench;

import io.gdsvault.bench.client.Connector;
import io.gdsvault.bench.client.Device;
import io.gdsvault.bench.client.Devices;
import io.gdsvault.bench.client.Flow;
import io.gdsvault.bench.client.GdsFlows;
import io.gdsvault.bench.client.ReferenceFlows;
import io.gdsvault.bench.process.GdsInstance;
import io.gdsvault.bench.process.Postgres;
import io.gdsvault.bench.process.ReferenceInstance;
import io.gdsvault.bench.process.ServerProcess;
import io.gdsvault.bench.report.MachineLoad;
import io.gdsvault.bench.report.Stats;
import io.gdsvault.bench.report.Table;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: the GDS and the plain Milo reference in interleaved rounds, same client code,
 * same devices. Each round runs every scenario once on each server (the order alternates by round
 * so drift in machine load hits both alike) with fresh devices; the table gives medians over the
 * rounds.
 *
 * <p>Pairs: {@code csr} and {@code keypair-*} (UserName sessions, three calls) against "session + 3
 * calls" with a UserName token; {@code renew} (anonymous session with the GDS-issued certificate,
 * three calls) against "session + 3 calls", anonymous, presenting the same GDS-issued certificate.
 * "session + 1 call" (UserName) is measured beside them as the bare cost of a secure session.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = "GDS flows against plain-Milo sessions, interleaved rounds, medians.")
final class CompareCommand implements Callable<Integer> {

  private static final String BARE_SESSION = "(bare session)";

  @Spec @Nullable CommandSpec spec;

  @Mixin CommonOptions common = new CommonOptions();

  @Option(
      names = "--scenarios",
      split = ",",
      description = "csr, renew, keypair-pem, keypair-pfx (default csr,renew).",
      defaultValue = "csr,renew")
  List<String> scenarios = List.of();

  @Option(
      names = "--concurrency",
      split = ",",
      description = "Concurrent devices, one level after the other (default 8,32).",
      defaultValue = "8,32")
  List<Integer> concurrency = List.of();

  @Option(
      names = "--devices",
      description = "Devices per batch (one scenario, one server, one round; default 200).",
      defaultValue = "200")
  int devices;

  @Option(names = "--rounds", description = "Rounds per level (default 5).", defaultValue = "5")
  int rounds;

  @Option(
      names = "--warmup",
      description =
          "Warm-up flows per scenario and server before measuring (default 1500: with fewer,"
              + " the JIT is still compiling the servers' large methods).",
      defaultValue = "1500")
  int warmup;

  @Option(
      names = "--key-password",
      description = "PrivateKeyPassword of the keypair scenarios (default empty: unprotected).",
      defaultValue = "")
  String keyPassword;

  /** A GDS scenario and its reference. */
  private record Pair(String scenario, Flow gds, Flow reference, boolean freshDevices) {}

  @Override
  public Integer call() throws Exception {
    Path dir = common.runDir("compare");
    String commandLine = commandLine();
    List<Pair> pairs = pairs();
    List<Measured> all = new ArrayList<>();
    Postgres pg = common.postgres() ? Postgres.start(dir) : null;
    try (ReferenceInstance ref =
            ReferenceInstance.start(
                dir.resolve("reference"), CommonOptions.split(common.refJavaOpts));
        GdsInstance gds = common.startGds(dir.resolve("gds"), pg)) {
      Connector gc = Connector.discover("gds", gds.url());
      Connector rc = Connector.discover("reference", ref.url());
      List<ServerProcess> servers = List.of(gds.process(), ref.process());
      LongSupplier dbCpu = pg == null ? Measured.NO_DATABASE : pg::cpuMillis;
      Map<String, List<Device>> pool = devicePool(pairs);
      log("devices ready; warming up (" + warmup + " flows per scenario and server)");
      Runner run = new Runner(gds, ref, gc, rc, servers, dbCpu, all);
      warmUpAndMeasure(run, pairs, pool, all);
    } finally {
      if (pg != null) {
        pg.close();
      }
    }
    String report =
        CommonOptions.header("GDS against plain Milo", commandLine) + summary(all) + rounds(all);
    Files.writeString(dir.resolve("results.md"), report);
    try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(dir.resolve("rounds.csv")))) {
      csv.println(Measured.csvHeader());
      all.forEach(m -> csv.println(m.csv()));
    }
    System.out.println(report);
    System.out.println("written: " + dir.resolve("results.md") + ", " + dir.resolve("rounds.csv"));
    return all.stream().anyMatch(m -> m.batch().failures() > 0) ? 1 : 0;
  }

  /** Fresh devices for every scenario that needs them: the warm-up's and every round's. */
  private Map<String, List<Device>> devicePool(List<Pair> pairs) throws Exception {
    Devices maker = Devices.withKeys(16);
    Map<String, List<Device>> pool = new LinkedHashMap<>();
    int perScenario = warmup + concurrency.size() * rounds * devices;
    for (Pair p : pairs) {
      if (p.freshDevices()) {
        pool.put(p.scenario(), maker.create(p.scenario(), perScenario));
      }
    }
    return pool;
  }

  /** The warm-up (its measurements dropped from {@code all}), then every level's rounds. */
  private void warmUpAndMeasure(
      Runner run, List<Pair> pairs, Map<String, List<Device>> pool, List<Measured> all)
      throws InterruptedException {
    Flow session1 = ReferenceFlows.echo(1, CommonOptions.DEVICE_USER, common.userPassword, false);
    List<Device> pulled =
        round(run, pairs, pool, List.of(), session1, 0, warmup, concurrency.get(0), 0);
    all.clear();
    int offset = warmup;
    for (int c : concurrency) {
      for (int r = 1; r <= rounds; r++) {
        log("concurrency " + c + ", round " + r + "/" + rounds + ", load " + MachineLoad.summary());
        pulled = round(run, pairs, pool, pulled, session1, offset, devices, c, r);
        offset += devices;
      }
    }
  }

  /**
   * Every pair once on both servers (GDS first in odd rounds and the warm-up), then the bare
   * session on the devices csr pulled; returns those devices for renew in the next round.
   */
  private static List<Device> round(
      Runner run,
      List<Pair> pairs,
      Map<String, List<Device>> pool,
      List<Device> pulled,
      Flow session1,
      int offset,
      int n,
      int c,
      int r)
      throws InterruptedException {
    for (Pair p : pairs) {
      List<Device> devs = devicesFor(p, pool, pulled, offset, n);
      run.pair(p, devs, c, r, r == 0 || r % 2 == 1);
      if (p.scenario().equals("csr")) {
        pulled = devs;
        run.referenceOnly(session1, devs, c, r);
      }
    }
    return pulled;
  }

  private List<Pair> pairs() {
    String user = CommonOptions.DEVICE_USER;
    String pw = common.userPassword;
    Flow ref3 = ReferenceFlows.echo(3, user, pw, false);
    List<Pair> out = new ArrayList<>();
    // csr first: renew uses the devices it has just pulled
    if (scenarios.contains("csr") || scenarios.contains("renew")) {
      out.add(new Pair("csr", GdsFlows.csr(user, pw), ref3, true));
    }
    if (scenarios.contains("renew")) {
      out.add(new Pair("renew", GdsFlows.renew(), ReferenceFlows.echo(3, null, null, true), false));
    }
    for (String format : List.of("PEM", "PFX")) {
      String s = "keypair-" + format.toLowerCase(java.util.Locale.ROOT);
      if (scenarios.contains(s)) {
        out.add(new Pair(s, GdsFlows.newKeyPair(user, pw, format, keyPassword), ref3, true));
      }
    }
    for (String s : scenarios) {
      if (out.stream().noneMatch(p -> p.scenario().equals(s))) {
        throw new IllegalArgumentException("unknown scenario " + s);
      }
    }
    return out;
  }

  private static List<Device> devicesFor(
      Pair p, Map<String, List<Device>> pool, List<Device> pulled, int offset, int n) {
    return p.freshDevices()
        ? java.util.Objects.requireNonNull(pool.get(p.scenario())).subList(offset, offset + n)
        : pulled;
  }

  /** Runs batches and keeps what they measured. */
  private record Runner(
      GdsInstance gds,
      ReferenceInstance ref,
      Connector gc,
      Connector rc,
      List<ServerProcess> servers,
      LongSupplier dbCpu,
      List<Measured> out) {

    void pair(Pair p, List<Device> devs, int c, int round, boolean gdsFirst)
        throws InterruptedException {
      if (gdsFirst) {
        gds(p, devs, c, round);
        reference(p.scenario(), p.reference(), devs, c, round);
      } else {
        reference(p.scenario(), p.reference(), devs, c, round);
        gds(p, devs, c, round);
      }
    }

    void referenceOnly(Flow f, List<Device> devs, int c, int round) throws InterruptedException {
      reference(BARE_SESSION, f, devs, c, round);
    }

    private void gds(Pair p, List<Device> devs, int c, int round) throws InterruptedException {
      keep(
          Measured.run(
              "gds", p.scenario(), gds.process(), dbCpu, gc, p.gds(), devs, c, round, servers));
    }

    private void reference(String scenario, Flow f, List<Device> devs, int c, int round)
        throws InterruptedException {
      keep(
          Measured.run(
              "reference",
              scenario,
              ref.process(),
              Measured.NO_DATABASE,
              rc,
              f,
              devs,
              c,
              round,
              servers));
    }

    private void keep(Measured m) {
      out.add(m);
      log(
          String.format(
              java.util.Locale.ROOT,
              "  %-9s %-30s c=%d %6.1f/s  cpu %.1f ms/flow  failures %d%s",
              m.server(),
              m.flow(),
              m.concurrency(),
              m.rate(),
              m.cpuPerFlow(),
              m.batch().failures(),
              m.batch().errors().isEmpty() ? "" : " " + m.batch().errors()));
    }
  }

  private String summary(List<Measured> all) {
    Table t =
        new Table(
            "Scenario",
            "#Concurrent",
            "#GDS flows/s",
            "#Reference",
            "#Reference /s",
            "#Ratio (median of rounds)",
            "#GDS CPU ms/flow",
            "#Reference CPU ms/session",
            "#CPU target 1.5×ref+2",
            "#GDS p50/p95 ms",
            "#Failures");
    for (int c : concurrency) {
      for (Pair p : pairs()) {
        pairRow(t, all, p, c);
      }
      List<Measured> s1 = select(all, "reference", BARE_SESSION, c);
      t.row(
          BARE_SESSION,
          c,
          "",
          "session+1 username",
          Table.num(Stats.median(s1.stream().map(Measured::rate).toList()), 1),
          "",
          "",
          Table.num(Stats.median(s1.stream().map(Measured::cpuPerFlow).toList()), 1),
          "",
          "",
          s1.stream().mapToInt(m -> m.batch().failures()).sum());
    }
    return "## Medians over "
        + rounds
        + " rounds of "
        + devices
        + " devices per scenario and server\n\n"
        + t.render()
        + "\n";
  }

  /** One scenario at one concurrency: medians of both servers and of their per-round ratio. */
  private static void pairRow(Table t, List<Measured> all, Pair p, int c) {
    List<Measured> g = select(all, "gds", p.scenario(), c);
    List<Measured> r = select(all, "reference", p.scenario(), c);
    List<Double> ratios = new ArrayList<>();
    for (Measured gm : g) {
      r.stream()
          .filter(rm -> rm.round() == gm.round())
          .findFirst()
          .ifPresent(rm -> ratios.add(gm.rate() / rm.rate()));
    }
    double refCpu = Stats.median(r.stream().map(Measured::cpuPerFlow).toList());
    t.row(
        p.scenario(),
        c,
        Table.num(Stats.median(g.stream().map(Measured::rate).toList()), 1),
        p.reference().name(),
        Table.num(Stats.median(r.stream().map(Measured::rate).toList()), 1),
        Table.num(Stats.median(ratios), 2),
        Table.num(Stats.median(g.stream().map(Measured::cpuPerFlow).toList()), 1),
        Table.num(refCpu, 1),
        Table.num(1.5 * refCpu + 2, 1),
        Table.num(Stats.median(g.stream().map(m -> m.latencyMs(50)).toList()), 0)
            + "/"
            + Table.num(Stats.median(g.stream().map(m -> m.latencyMs(95)).toList()), 0),
        g.stream().mapToInt(m -> m.batch().failures()).sum()
            + r.stream().mapToInt(m -> m.batch().failures()).sum());
  }

  private static String rounds(List<Measured> all) {
    Table t =
        new Table(
            "Server",
            "Scenario",
            "Flow",
            "#Concurrent",
            "#Round",
            "#Flows/s",
            "#Server CPU ms/flow",
            "#Harness CPU ms/flow",
            "#p50 ms",
            "#p95 ms",
            "#Failures",
            "#Load before/after");
    for (Measured m : all) {
      t.row(
          m.server(),
          m.scenario(),
          m.flow(),
          m.concurrency(),
          m.round(),
          Table.num(m.rate(), 1),
          Table.num(m.cpuPerFlow(), 1),
          Table.num(m.clientCpuPerFlow(), 1),
          Table.num(m.latencyMs(50), 0),
          Table.num(m.latencyMs(95), 0),
          m.batch().failures(),
          Table.num(m.loadBefore(), 1) + "/" + Table.num(m.loadAfter(), 1));
    }
    return "## Every batch\n\n" + t.render();
  }

  private static List<Measured> select(List<Measured> all, String server, String scenario, int c) {
    return all.stream()
        .filter(
            m -> m.server().equals(server) && m.scenario().equals(scenario) && m.concurrency() == c)
        .toList();
  }

  private String commandLine() {
    return spec == null
        ? "compare"
        : "gds-bench " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
  }

  static void log(String line) {
    System.err.println(java.time.LocalTime.now(java.time.ZoneOffset.UTC).withNano(0) + " " + line);
  }
}
