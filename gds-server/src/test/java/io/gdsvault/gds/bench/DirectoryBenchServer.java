package io.gdsvault.gds.bench;

import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.persistence.jdbc.JdbcApplicationRepository;
import io.gdsvault.gds.testing.GdsTestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.methods.MethodInvocationHandler;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * The GDS side of {@link DirectoryBenchmark}, run in its own JVM so that it can be pinned to one
 * core ({@code taskset -c 0}) apart from the client. It starts a real GDS (H2 file database in a
 * temporary directory), registers {@code args[0]} applications through the JDBC repository,
 * restarts the GDS on that data directory, and times every
 * FindApplications/QueryApplications/QueryServers call inside the server: from the method handler's
 * entry (arguments decoded by Milo) to its return (ApplicationDescriptions encoded), i.e. argument
 * checks, caller, SQL, record mapping and encoding, but not Milo's request decoding, response
 * encoding, signing and encryption. Those show in the process CPU time, which it also reports per
 * measured interval, with the GC count and pause time.
 *
 * <p>Protocol (one line each, on stdout; everything else this JVM prints goes to stderr): it prints
 * {@code BENCH READY endpointUrl dataDir certificateFile loadSeconds}, then answers {@code RESET}
 * with {@code BENCH OK} (clears the timings and starts a new CPU/GC interval), {@code REPORT
 * method} with {@code BENCH STATS method count p50 p95 p99 max cpuNanos gcCount gcMillis}
 * (nanoseconds unless named otherwise), {@code H2} with {@code BENCH H2 ...} (database file size
 * and page cache figures), and {@code EXIT} by stopping the server.
 */
public final class DirectoryBenchServer {

  private static final List<String> TIMED =
      List.of("FindApplications", "QueryApplications", "QueryServers");

  private DirectoryBenchServer() {}

  public static void main(String[] args) throws Exception {
    PrintStream protocol = System.out;
    System.setOut(System.err);
    int applications = Integer.parseInt(args[0]);
    GdsTestServer first = GdsTestServer.start();
    long t0 = System.nanoTime();
    populate(first, applications);
    double loadSeconds = (System.nanoTime() - t0) / 1e9;
    // measure a GDS started on the populated data directory, as after a restart: the bulk load's
    // garbage (old page versions in H2's cache, a heap full of them) is not part of the steady
    // state
    first.stop();
    try (GdsTestServer gds = GdsTestServer.start(first.dataDir(), tree -> {})) {
      // a real restart is a new JVM: drop what the first GDS and the bulk load left in the heap
      System.gc();
      Map<String, Recorder> recorders = timeHandlers(gds.app().server().server());
      Path cert = gds.dataDir().resolve("bench-server-certificate.der");
      Files.write(cert, gds.app().server().certificate().getEncoded());
      protocol.printf(
          Locale.ROOT,
          "BENCH READY %s %s %s %.1f%n",
          gds.endpointUrl(),
          gds.dataDir(),
          cert,
          loadSeconds);
      protocol.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      Interval interval = Interval.start();
      for (String line = in.readLine();
          line != null && !line.equals("EXIT");
          line = in.readLine()) {
        if (line.equals("RESET")) {
          recorders.values().forEach(Recorder::clear);
          interval = Interval.start();
          protocol.println("BENCH OK");
        } else if (line.startsWith("REPORT ")) {
          String method = line.substring("REPORT ".length());
          long[] sorted = recorders.get(method).sorted();
          protocol.printf(
              Locale.ROOT,
              "BENCH STATS %s %d %d %d %d %d %d %d %d%n",
              method,
              sorted.length,
              percentile(sorted, 0.50),
              percentile(sorted, 0.95),
              percentile(sorted, 0.99),
              sorted.length == 0 ? 0 : sorted[sorted.length - 1],
              interval.cpuNanos(),
              interval.gcCount(),
              interval.gcMillis());
        } else if (line.equals("H2")) {
          protocol.println("BENCH H2 " + h2Info(gds));
        } else {
          protocol.println("BENCH ERROR unknown command");
        }
        protocol.flush();
      }
    }
  }

  /** Registers the applications through the repository (the OPC UA path is not under test here). */
  static void populate(GdsTestServer gds, int applications) {
    var repo = new JdbcApplicationRepository();
    var tx = gds.app().database().transactions();
    Instant now = Instant.now();
    for (int batch = 0; batch < applications; batch += 1000) {
      int start = batch;
      tx.run(
          () -> {
            for (int i = start; i < Math.min(applications, start + 1000); i++) {
              ApplicationType type = i % 4 == 3 ? ApplicationType.CLIENT : ApplicationType.SERVER;
              repo.insert(
                  new ApplicationRecord(
                      UUID.randomUUID(),
                      DirectoryBenchmark.uri(i),
                      type,
                      List.of(LocalizedName.of("Device " + i + " line " + (i % 50))),
                      "urn:bench:product:" + (i % 10),
                      type == ApplicationType.CLIENT
                          ? List.of()
                          : List.of("opc.tcp://device" + i + ":4840"),
                      i % 3 == 0 ? List.of("DA", "HD") : List.of("DA")),
                  now);
            }
          });
    }
  }

  /** H2's file size and page cache figures, one line. */
  private static String h2Info(GdsTestServer gds) throws java.io.IOException {
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "file %.0f MB",
                Files.size(gds.dataDir().resolve("db").resolve("gds.mv.db")) / 1e6));
    gds.app()
        .database()
        .jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "SELECT setting_name, setting_value FROM information_schema.settings"
                            + " WHERE setting_name LIKE 'info.CACHE%' ORDER BY setting_name")
                    .map(
                        (rs, ctx) ->
                            rs.getString(1).substring("info.".length()) + " " + rs.getString(2))
                    .forEach(v -> b.append(", ").append(v)));
    return b.toString();
  }

  /** Wraps the Directory's query handlers with a timer. */
  private static Map<String, Recorder> timeHandlers(OpcUaServer server) {
    Map<String, Recorder> recorders = new ConcurrentHashMap<>();
    for (String method : TIMED) {
      ExpandedNodeId id =
          switch (method) {
            case "FindApplications" -> GdsNodeIds.FindApplications;
            case "QueryApplications" -> GdsNodeIds.QueryApplications;
            default -> GdsNodeIds.QueryServers;
          };
      NodeId nodeId = GdsNodeIds.resolve(id, server.getNamespaceTable());
      UaMethodNode node =
          (UaMethodNode) server.getAddressSpaceManager().getManagedNode(nodeId).orElseThrow();
      MethodInvocationHandler inner = node.getInvocationHandler();
      Recorder recorder = new Recorder();
      recorders.put(method, recorder);
      node.setInvocationHandler(
          (context, request) -> {
            long t = System.nanoTime();
            try {
              return inner.invoke(context, request);
            } finally {
              recorder.add(System.nanoTime() - t);
            }
          });
    }
    return recorders;
  }

  static long percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  /** Handler durations in nanoseconds. */
  private static final class Recorder {
    private long[] values = new long[16_384];
    private int size;

    synchronized void add(long nanos) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = nanos;
    }

    synchronized void clear() {
      size = 0;
    }

    synchronized long[] sorted() {
      long[] copy = Arrays.copyOf(values, size);
      Arrays.sort(copy);
      return copy;
    }
  }

  /** Process CPU time and GC activity since a starting point. */
  private record Interval(long cpuAtStart, long gcCountAtStart, long gcMillisAtStart) {
    static Interval start() {
      return new Interval(processCpu(), gcCountNow(), gcMillisNow());
    }

    long cpuNanos() {
      return processCpu() - cpuAtStart;
    }

    long gcCount() {
      return gcCountNow() - gcCountAtStart;
    }

    long gcMillis() {
      return gcMillisNow() - gcMillisAtStart;
    }

    private static long processCpu() {
      return ((com.sun.management.OperatingSystemMXBean)
              ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }

    private static long gcCountNow() {
      return ManagementFactory.getGarbageCollectorMXBeans().stream()
          .mapToLong(GarbageCollectorMXBean::getCollectionCount)
          .sum();
    }

    private static long gcMillisNow() {
      return ManagementFactory.getGarbageCollectorMXBeans().stream()
          .mapToLong(GarbageCollectorMXBean::getCollectionTime)
          .sum();
    }
  }
}
