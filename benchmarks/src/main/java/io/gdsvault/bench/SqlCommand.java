package io.gdsvault.bench;

import io.gdsvault.bench.client.Batch;
import io.gdsvault.bench.client.Connector;
import io.gdsvault.bench.client.Device;
import io.gdsvault.bench.client.Devices;
import io.gdsvault.bench.client.Flow;
import io.gdsvault.bench.client.FlowRunner;
import io.gdsvault.bench.client.GdsFlows;
import io.gdsvault.bench.process.GdsInstance;
import io.gdsvault.bench.process.Postgres;
import io.gdsvault.bench.report.Table;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sql}: the SQL statements the GDS runs per flow, counted where they arrive: an embedded
 * PostgreSQL with {@code log_statement = all}. After a warm-up it runs each flow for N devices,
 * reads the statements logged meanwhile and prints per flow the count per statement text (BEGIN and
 * COMMIT included, as the server sees them), and the background rate while nothing runs.
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = "SQL statements per flow, counted in PostgreSQL's statement log.")
final class SqlCommand implements Callable<Integer> {

  /** {@code ... LOG: execute S_1: SELECT ...} or {@code ... LOG: statement: BEGIN}. */
  private static final Pattern STATEMENT =
      Pattern.compile("LOG:\\s+(?:execute [^:]+|statement): (.*)$");

  @Spec @Nullable CommandSpec spec;

  @Mixin CommonOptions common = new CommonOptions();

  @Option(names = "--devices", description = "Devices per flow (default 50).", defaultValue = "50")
  int devices;

  @Option(
      names = "--scenarios",
      split = ",",
      description = "csr, renew, keypair-pem (default csr,renew).",
      defaultValue = "csr,renew")
  List<String> scenarios = List.of();

  @Option(
      names = "--idle-seconds",
      description = "Idle time measured for background statements (default 10).",
      defaultValue = "10")
  int idleSeconds;

  @Override
  public Integer call() throws Exception {
    Path dir = common.runDir("sql");
    StringBuilder report =
        new StringBuilder(
            CommonOptions.header("SQL statements per flow (PostgreSQL)", commandLine()));
    try (Postgres pg = Postgres.start(dir, true);
        GdsInstance gds = common.startGds(dir.resolve("gds"), pg)) {
      Connector gc = Connector.discover("gds", gds.url());
      Devices maker = Devices.withKeys(4);
      List<Device> warm = maker.create("sql-warm", 10);
      FlowRunner.run(gc, GdsFlows.csr(CommonOptions.DEVICE_USER, common.userPassword), warm, 2);
      FlowRunner.run(gc, GdsFlows.renew(), warm, 2);
      Thread.sleep(2000);
      long mark = size(pg.logFile());
      Thread.sleep(idleSeconds * 1000L);
      Map<String, Integer> idle = count(pg.logFile(), mark);
      int idleTotal = idle.values().stream().mapToInt(Integer::intValue).sum();
      report.append(
          String.format(
              Locale.ROOT,
              "Background while idle: %d statements in %d s (%.2f/s)%n%n",
              idleTotal,
              idleSeconds,
              idleTotal / (double) idleSeconds));
      List<Device> fleet = maker.create("sql", devices);
      List<Device> pulled = List.of();
      for (String s : scenarios) {
        Flow f =
            switch (s) {
              case "csr" -> GdsFlows.csr(CommonOptions.DEVICE_USER, common.userPassword);
              case "renew" -> GdsFlows.renew();
              case "keypair-pem" ->
                  GdsFlows.newKeyPair(CommonOptions.DEVICE_USER, common.userPassword, "PEM", "");
              default -> throw new IllegalArgumentException("unknown scenario " + s);
            };
        List<Device> devs =
            s.equals("renew")
                ? pulled
                : s.equals("csr") ? fleet : maker.create("sql-" + s, devices);
        mark = size(pg.logFile());
        long t0 = System.nanoTime();
        Batch b = FlowRunner.run(gc, f, devs, 1);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(1000); // the collector writes asynchronously
        Map<String, Integer> counts = count(pg.logFile(), mark);
        if (s.equals("csr")) {
          pulled = fleet;
        }
        report.append(table(s, b, counts, seconds, idleTotal / (double) idleSeconds));
      }
    }
    Files.writeString(dir.resolve("results.md"), report);
    System.out.println(report);
    return 0;
  }

  private String table(
      String scenario, Batch b, Map<String, Integer> counts, double seconds, double idlePerSecond) {
    int ok = b.flows() - b.failures();
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    Table t = new Table("#Per flow", "Statement");
    counts.entrySet().stream()
        .sorted((x, y) -> Integer.compare(y.getValue(), x.getValue()))
        .forEach(
            e ->
                t.row(
                    Table.num(e.getValue() / (double) ok, 2),
                    "`" + abbreviate(e.getKey()).replace("|", "\\|") + "`"));
    return String.format(
            Locale.ROOT,
            "## %s: %.1f statements per flow (%d flows, %d failed; background ≈ %.2f per flow)%n%n",
            scenario,
            total / (double) ok,
            ok,
            b.failures(),
            idlePerSecond * seconds / ok)
        + t.render()
        + "\n";
  }

  private static String abbreviate(String sql) {
    String s = sql.replaceAll("\\s+", " ").trim();
    // the column list is long and alike; the table and the WHERE clause tell statements apart
    return s.length() > 200 ? s.substring(0, 70) + " … " + s.substring(s.length() - 125) : s;
  }

  private static long size(Path log) throws IOException {
    return Files.exists(log) ? Files.size(log) : 0;
  }

  /** Statements logged after byte {@code from}, by text (continuation lines joined). */
  private static Map<String, Integer> count(Path log, long from) throws IOException {
    List<String> statements = new ArrayList<>();
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      f.seek(from);
      byte[] rest = new byte[(int) (f.length() - from)];
      f.readFully(rest);
      StringBuilder current = null;
      for (String line : new String(rest, StandardCharsets.UTF_8).split("\n", -1)) {
        Matcher m = STATEMENT.matcher(line);
        if (m.find()) {
          if (current != null) {
            statements.add(current.toString());
          }
          current = new StringBuilder(m.group(1));
        } else if (current != null && line.startsWith("\t")) {
          current.append(' ').append(line.trim());
        } else if (current != null) {
          statements.add(current.toString());
          current = null;
        }
      }
      if (current != null) {
        statements.add(current.toString());
      }
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String s : statements) {
      counts.merge(s.replaceAll("\\s+", " ").trim(), 1, Integer::sum);
    }
    return counts;
  }

  private String commandLine() {
    return spec == null
        ? "sql"
        : "gds-bench " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
  }
}
