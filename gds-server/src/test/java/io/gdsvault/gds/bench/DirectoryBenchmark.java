package io.gdsvault.gds.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.persistence.jdbc.JdbcApplicationRepository;
import io.gdsvault.gds.testing.GdsTestServer;
import io.gdsvault.gds.testing.TestClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.Test;

/**
 * Load harness (not part of {@code mvn verify}: the class name matches no surefire include):
 * 100,000 registered applications, then sequential QueryApplications and FindApplications calls
 * over a SignAndEncrypt session on loopback; prints p50/p95/p99 per scenario as a Markdown table
 * and writes it to {@code target/benchmarks/directory.md}. Run it as documented in
 * gds-server/BENCHMARKS.md. It asserts only that each call returned what it should.
 */
class DirectoryBenchmark {

  private static final int APPLICATIONS = Integer.getInteger("bench.applications", 100_000);
  private static final int CALLS = Integer.getInteger("bench.calls", 2_000);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 500);

  @Test
  void directoryQueriesWithOneHundredThousandApplications() throws Exception {
    try (GdsTestServer gds = GdsTestServer.start()) {
      long t0 = System.nanoTime();
      List<String> uris = populate(gds);
      double loadSeconds = (System.nanoTime() - t0) / 1e9;
      OpcUaClient client = TestClients.admin(gds);
      try {
        NodeId dir = GdsNodeIds.resolve(GdsNodeIds.Directory, client.getNamespaceTable());
        NodeId query = GdsNodeIds.resolve(GdsNodeIds.QueryApplications, client.getNamespaceTable());
        NodeId find = GdsNodeIds.resolve(GdsNodeIds.FindApplications, client.getNamespaceTable());
        Random random = new Random(42);
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario("FindApplications, random registered ApplicationUri", client, i ->
            new CallMethodRequest(dir, find, new Variant[] {new Variant(uris.get(random.nextInt(uris.size())))}),
            r -> ((Object[]) r.getOutputArguments()[0].value()).length == 1));
        scenarios.add(new Scenario("QueryApplications, no filter, 100 records from a random StartingRecordId", client, i ->
            new CallMethodRequest(dir, query, queryArgs(random.nextInt(APPLICATIONS - 200), 100, "", "", 0, "", new String[0])),
            r -> ((Object[]) r.getOutputArguments()[2].value()).length == 100));
        scenarios.add(new Scenario("QueryApplications, servers only (type 1), 100 records", client, i ->
            new CallMethodRequest(dir, query, queryArgs(random.nextInt(APPLICATIONS / 2), 100, "", "", 1, "", new String[0])),
            r -> ((Object[]) r.getOutputArguments()[2].value()).length == 100));
        scenarios.add(new Scenario("QueryApplications, ApplicationUri exact (one match)", client, i ->
            new CallMethodRequest(dir, query, queryArgs(0, 100, "", uris.get(random.nextInt(uris.size())), 0, "", new String[0])),
            r -> ((Object[]) r.getOutputArguments()[2].value()).length == 1));
        scenarios.add(new Scenario("QueryApplications, ApplicationName prefix pattern (one match)", client, i ->
            new CallMethodRequest(dir, query, queryArgs(0, 100, "Device " + random.nextInt(APPLICATIONS) + " %", "", 0, "", new String[0])),
            r -> ((Object[]) r.getOutputArguments()[2].value()).length == 1));
        scenarios.add(new Scenario("QueryApplications, ProductUri + capability filter, 100 records", client, i ->
            new CallMethodRequest(dir, query, queryArgs(random.nextInt(APPLICATIONS / 2), 100, "", "", 0, "urn:bench:product:" + random.nextInt(10), new String[] {"DA"})),
            r -> r.getStatusCode().isGood()));
        // warm every scenario first, so JIT and caches do not favour the later ones
        for (Scenario sc : scenarios) {
          for (int i = 0; i < WARMUP; i++) {
            client.call(List.of(sc.request().apply(i)));
          }
        }
        List<String> rows = new ArrayList<>();
        for (Scenario sc : scenarios) {
          rows.add(measure(sc, client));
        }
        String table = report(rows, loadSeconds);
        System.out.println(table);
        Path out = Path.of("target", "benchmarks");
        Files.createDirectories(out);
        Files.writeString(out.resolve("directory.md"), table);
      } finally {
        TestClients.disconnect(client);
      }
    }
  }

  /** Inserts the applications through the repository (the OPC UA path is not under test here). */
  private static List<String> populate(GdsTestServer gds) {
    var repo = new JdbcApplicationRepository();
    var tx = gds.app().database().transactions();
    List<String> uris = new ArrayList<>(APPLICATIONS);
    Instant now = Instant.now();
    for (int batch = 0; batch < APPLICATIONS; batch += 1000) {
      int start = batch;
      tx.run(
          () -> {
            for (int i = start; i < Math.min(APPLICATIONS, start + 1000); i++) {
              ApplicationType type = i % 4 == 3 ? ApplicationType.CLIENT : ApplicationType.SERVER;
              ApplicationRecord r =
                  new ApplicationRecord(
                      UUID.randomUUID(),
                      "urn:bench:device:" + i,
                      type,
                      List.of(LocalizedName.of("Device " + i + " line " + (i % 50))),
                      "urn:bench:product:" + (i % 10),
                      type == ApplicationType.CLIENT ? List.of() : List.of("opc.tcp://device" + i + ":4840"),
                      i % 3 == 0 ? List.of("DA", "HD") : List.of("DA"));
              repo.insert(r, now);
              uris.add(r.applicationUri());
            }
          });
    }
    return uris;
  }

  private static Variant[] queryArgs(long start, long max, String name, String uri, long type, String product, String[] caps) {
    return new Variant[] {
      new Variant(uint(start)), new Variant(uint(max)), new Variant(name), new Variant(uri),
      new Variant(uint(type)), new Variant(product), new Variant(caps)
    };
  }

  private record Scenario(
      String name,
      OpcUaClient client,
      IntFunction<CallMethodRequest> request,
      java.util.function.Predicate<CallMethodResult> ok) {}

  private static String measure(Scenario sc, OpcUaClient client) throws Exception {
    String name = sc.name();
    IntFunction<CallMethodRequest> request = sc.request();
    java.util.function.Predicate<CallMethodResult> ok = sc.ok();
    long[] nanos = new long[CALLS];
    for (int i = 0; i < CALLS; i++) {
      CallMethodRequest req = request.apply(i);
      long t = System.nanoTime();
      CallMethodResult r = client.call(List.of(req)).getResults()[0];
      nanos[i] = System.nanoTime() - t;
      assertThat(r.getStatusCode().isGood()).as(name).isTrue();
      assertThat(ok.test(r)).as(name).isTrue();
    }
    Arrays.sort(nanos);
    return String.format(
        Locale.ROOT,
        "| %s | %d | %.2f | %.2f | %.2f | %.2f |",
        name, CALLS, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
  }

  private static double ms(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }

  private static String report(List<String> rows, double loadSeconds) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT,
        "%d applications (inserted in %.0f s), %d calls per scenario after %d warm-up calls of every scenario, "
            + "one client thread, SignAndEncrypt Basic256Sha256 on loopback, H2 file database.%n%n",
        APPLICATIONS, loadSeconds, CALLS, WARMUP));
    b.append(String.format(Locale.ROOT, "Available processors: %d%n%n", Runtime.getRuntime().availableProcessors()));
    b.append("| Scenario | Calls | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
    rows.forEach(r -> b.append(r).append('\n'));
    return b.toString();
  }
}
