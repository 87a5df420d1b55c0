package io.gdsvault.gds.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.cli.ClientIdentity;
import io.gdsvault.gds.model.ua.GdsDataTypes;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.testing.TestClients;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.Test;

/**
 * Load harness (not part of {@code mvn verify}: the class name matches no surefire include), run as
 * documented in gds-server/BENCHMARKS.md.
 *
 * <p>The GDS runs in its own JVM ({@link DirectoryBenchServer}), pinned with {@code taskset} to the
 * cores in {@code bench.serverCpus} (default {@code 0}) and limited to one processor; this JVM is
 * the client (pin it to another core, e.g. {@code taskset -c 1 mvn ...}). With 100,000 registered
 * applications it warms every scenario, then makes sequential calls over one SignAndEncrypt
 * Basic256Sha256 session on loopback and reports, per scenario, the round trip as the client sees
 * it and the time inside the server's method handler (p50/p95/p99/max), the server process CPU time
 * per call and the server's GC activity. It writes the tables to {@code
 * target/benchmarks/directory.md} (the GDS's log and GC log beside it). It asserts only that each
 * call returned what it should.
 */
class DirectoryBenchmark {

  private static final int APPLICATIONS = Integer.getInteger("bench.applications", 100_000);
  private static final int CALLS = Integer.getInteger("bench.calls", 5_000);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 1_000);
  private static final String SERVER_CPUS = System.getProperty("bench.serverCpus", "0");
  private static final String SERVER_HEAP = System.getProperty("bench.serverHeap", "1g");

  /** Extra GDS JVM options, space separated (e.g. a flight recording for profiling). */
  private static final String SERVER_JVM_ARGS = System.getProperty("bench.serverJvmArgs", "");

  static String uri(int i) {
    return "urn:bench:device:" + i;
  }

  @Test
  void directoryQueriesWithOneHundredThousandApplications() throws Exception {
    String loadBefore = loadAverage();
    Process server = startServer();
    try (BufferedReader fromServer =
            new BufferedReader(
                new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter toServer =
            new PrintWriter(
                new OutputStreamWriter(server.getOutputStream(), StandardCharsets.UTF_8), true)) {
      String[] ready = expect(fromServer, "BENCH READY ").split(" ", -1);
      String endpointUrl = ready[0];
      Path dataDir = Path.of(ready[1]);
      X509Certificate serverCert = certificate(Path.of(ready[2]));
      String loadSeconds = ready[3];
      OpcUaClient client =
          connect(
              endpointUrl,
              serverCert,
              Files.readString(dataDir.resolve("initial-admin-password")).strip());
      try {
        List<Scenario> scenarios = scenarios(client);
        // warm every scenario first, so JIT and caches do not favour the later ones
        for (Scenario sc : scenarios) {
          for (int i = 0; i < WARMUP; i++) {
            CallMethodResult r = client.call(List.of(sc.request().apply(i))).getResults()[0];
            assertThat(r.getStatusCode().isGood()).as(sc.name()).isTrue();
          }
        }
        List<String[]> rows = new ArrayList<>();
        for (Scenario sc : scenarios) {
          toServer.println("RESET");
          expect(fromServer, "BENCH OK");
          long[] roundTrips = measure(sc, client);
          toServer.println("REPORT " + sc.method());
          String[] stats = expect(fromServer, "BENCH STATS ").split(" ");
          rows.add(row(sc, roundTrips, stats));
        }
        toServer.println("H2");
        String h2 = expect(fromServer, "BENCH H2 ");
        String table = report(rows, loadSeconds, loadBefore, loadAverage(), h2);
        System.out.println(table);
        Path out = Path.of("target", "benchmarks");
        Files.createDirectories(out);
        Files.writeString(out.resolve("directory.md"), table);
      } finally {
        TestClients.disconnect(client);
        toServer.println("EXIT");
      }
    } finally {
      if (!server.waitFor(60, TimeUnit.SECONDS)) {
        server.destroy();
      }
    }
  }

  private static List<Scenario> scenarios(OpcUaClient client) throws UaException {
    NodeId dir = GdsNodeIds.resolve(GdsNodeIds.Directory, client.getNamespaceTable());
    NodeId query = GdsNodeIds.resolve(GdsNodeIds.QueryApplications, client.getNamespaceTable());
    NodeId find = GdsNodeIds.resolve(GdsNodeIds.FindApplications, client.getNamespaceTable());
    Random random = new Random(42);
    List<Scenario> s = new ArrayList<>();
    s.add(
        new Scenario(
            "FindApplications, random registered ApplicationUri",
            "FindApplications",
            i ->
                new CallMethodRequest(
                    dir, find, new Variant[] {new Variant(uri(random.nextInt(APPLICATIONS)))}),
            r -> length(r, 0) == 1));
    s.add(
        new Scenario(
            "QueryApplications, no filter, 100 records from a random StartingRecordId",
            "QueryApplications",
            i ->
                new CallMethodRequest(
                    dir,
                    query,
                    queryArgs(
                        random.nextInt(APPLICATIONS - 200), 100, "", "", 0, "", new String[0])),
            r -> length(r, 2) == 100));
    s.add(
        new Scenario(
            "QueryApplications, servers only (type 1), 100 records",
            "QueryApplications",
            i ->
                new CallMethodRequest(
                    dir,
                    query,
                    queryArgs(random.nextInt(APPLICATIONS / 2), 100, "", "", 1, "", new String[0])),
            r -> length(r, 2) == 100));
    s.add(
        new Scenario(
            "QueryApplications, ApplicationUri exact (one match)",
            "QueryApplications",
            i ->
                new CallMethodRequest(
                    dir,
                    query,
                    queryArgs(0, 100, "", uri(random.nextInt(APPLICATIONS)), 0, "", new String[0])),
            r -> length(r, 2) == 1));
    s.add(
        new Scenario(
            "QueryApplications, ApplicationName prefix pattern (one match)",
            "QueryApplications",
            i ->
                new CallMethodRequest(
                    dir,
                    query,
                    queryArgs(
                        0,
                        100,
                        "Device " + random.nextInt(APPLICATIONS) + " %",
                        "",
                        0,
                        "",
                        new String[0])),
            r -> length(r, 2) == 1));
    s.add(
        new Scenario(
            "QueryApplications, ProductUri + capability filter, 100 records",
            "QueryApplications",
            i ->
                new CallMethodRequest(
                    dir,
                    query,
                    queryArgs(
                        random.nextInt(APPLICATIONS / 2),
                        100,
                        "",
                        "",
                        0,
                        "urn:bench:product:" + random.nextInt(10),
                        new String[] {"DA"})),
            r -> length(r, 2) == 100));
    return s;
  }

  private static int length(CallMethodResult r, int output) {
    return ((Object[]) r.getOutputArguments()[output].value()).length;
  }

  private static Variant[] queryArgs(
      long start, long max, String name, String uri, long type, String product, String[] caps) {
    return new Variant[] {
      new Variant(uint(start)),
      new Variant(uint(max)),
      new Variant(name),
      new Variant(uri),
      new Variant(uint(type)),
      new Variant(product),
      new Variant(caps)
    };
  }

  private record Scenario(
      String name,
      String method,
      IntFunction<CallMethodRequest> request,
      Predicate<CallMethodResult> ok) {}

  /** Sequential calls; the sorted round trip times in nanoseconds. */
  private static long[] measure(Scenario sc, OpcUaClient client) throws Exception {
    long[] nanos = new long[CALLS];
    for (int i = 0; i < CALLS; i++) {
      CallMethodRequest req = sc.request().apply(i);
      long t = System.nanoTime();
      CallMethodResult r = client.call(List.of(req)).getResults()[0];
      nanos[i] = System.nanoTime() - t;
      assertThat(r.getStatusCode().isGood()).as(sc.name()).isTrue();
      assertThat(sc.ok().test(r)).as(sc.name()).isTrue();
    }
    Arrays.sort(nanos);
    return nanos;
  }

  /** One table row: round trip p50/p95/p99/max, handler p50/p95/p99/max, CPU per call, GC. */
  private static String[] row(Scenario sc, long[] roundTrips, String[] stats) {
    // stats: method count p50 p95 p99 max cpuNanos gcCount gcMillis
    long count = Long.parseLong(stats[1]);
    assertThat(count).as("server-side samples of " + sc.name()).isEqualTo(CALLS);
    return new String[] {
      sc.name(),
      String.valueOf(CALLS),
      ms(DirectoryBenchServer.percentile(roundTrips, 0.50)),
      ms(DirectoryBenchServer.percentile(roundTrips, 0.95)),
      ms(DirectoryBenchServer.percentile(roundTrips, 0.99)),
      ms(roundTrips[roundTrips.length - 1]),
      ms(Long.parseLong(stats[2])),
      ms(Long.parseLong(stats[3])),
      ms(Long.parseLong(stats[4])),
      ms(Long.parseLong(stats[5])),
      ms(Long.parseLong(stats[6]) / CALLS),
      stats[7] + " / " + stats[8] + " ms"
    };
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
  }

  private static String report(
      List<String[]> rows, String loadSeconds, String loadBefore, String loadAfter, String h2) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%s: %d applications (registered in %s s), %d calls per scenario after %d warm-up calls"
                + " of every scenario, one client thread, SignAndEncrypt Basic256Sha256 on"
                + " loopback, H2 file database.%nGDS JVM: taskset -c %s, -XX:ActiveProcessorCount=1"
                + " -Xms%s -Xmx%s. Client JVM: CPUs %s, %d processors visible. Load average before:"
                + " %s; after: %s.%nH2 after the run: %s (cache sizes in MB).%n%n",
            Instant.now(),
            APPLICATIONS,
            loadSeconds,
            CALLS,
            WARMUP,
            SERVER_CPUS,
            SERVER_HEAP,
            SERVER_HEAP,
            cpusAllowed(),
            Runtime.getRuntime().availableProcessors(),
            loadBefore,
            loadAfter,
            h2));
    b.append("Round trip (client: encode, sign and encrypt, loopback, GDS, decrypt, decode):\n\n");
    b.append(
        "| Scenario | Calls | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
    for (String[] r : rows) {
      b.append("| ").append(String.join(" | ", Arrays.copyOfRange(r, 0, 6))).append(" |\n");
    }
    b.append(
        "\n"
            + "Inside the GDS (method handler: checks, SQL, mapping, encoding; CPU = GDS process"
            + " CPU time per call, everything included):\n\n");
    b.append(
        """
        | Scenario | p50 ms | p95 ms | p99 ms | max ms | CPU ms/call | GCs / pause |
        |---|---|---|---|---|---|---|
        """);
    for (String[] r : rows) {
      b.append("| ")
          .append(r[0])
          .append(" | ")
          .append(String.join(" | ", Arrays.copyOfRange(r, 6, 12)))
          .append(" |\n");
    }
    return b.toString();
  }

  // ---- the server process

  private static Process startServer() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    if (!SERVER_CPUS.isEmpty() && new File("/usr/bin/taskset").canExecute()) {
      command.addAll(List.of("/usr/bin/taskset", "-c", SERVER_CPUS));
    }
    command.addAll(
        List.of(
            java,
            "-XX:ActiveProcessorCount=1",
            "-Xms" + SERVER_HEAP,
            "-Xmx" + SERVER_HEAP,
            "-Xlog:gc:file="
                + Path.of("target", "benchmarks", "directory-server-gc.log").toAbsolutePath()));
    if (!SERVER_JVM_ARGS.isBlank()) {
      command.addAll(List.of(SERVER_JVM_ARGS.strip().split("\\s+")));
    }
    command.addAll(
        List.of(
            "-cp", classpath, DirectoryBenchServer.class.getName(), String.valueOf(APPLICATIONS)));
    Path log = Path.of("target", "benchmarks", "directory-server.log");
    Files.createDirectories(log.getParent());
    return new ProcessBuilder(command).redirectError(log.toFile()).start();
  }

  private static String expect(BufferedReader in, String prefix) throws IOException {
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.startsWith(prefix)) {
        return line.substring(prefix.length());
      }
    }
    throw new IOException(
        "the GDS process ended before '"
            + prefix.strip()
            + "' (see target/benchmarks/directory-server.log)");
  }

  private static X509Certificate certificate(Path der) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(der)));
  }

  /**
   * Admin over SignAndEncrypt Basic256Sha256, trusting exactly the benchmark server's certificate.
   */
  private static OpcUaClient connect(
      String endpointUrl, X509Certificate serverCert, String password) throws Exception {
    ClientIdentity identity = TestClients.defaultIdentity();
    byte[] serverDer = serverCert.getEncoded();
    OpcUaClient client =
        OpcUaClient.create(
            endpointUrl,
            endpoints ->
                endpoints.stream()
                    .filter(
                        e ->
                            e.getSecurityPolicyUri().equals(SecurityPolicy.Basic256Sha256.getUri()))
                    .filter(e -> e.getSecurityMode() == MessageSecurityMode.SignAndEncrypt)
                    .findFirst(),
            t -> {},
            c ->
                c.setApplicationName(LocalizedText.english("GDS benchmark client"))
                    .setApplicationUri(identity.applicationUri())
                    .setKeyPair(identity.keyPair())
                    .setCertificate(identity.certificate())
                    .setCertificateChain(new X509Certificate[] {identity.certificate()})
                    .setCertificateValidator(
                        (chain, uri, hosts) -> {
                          try {
                            if (chain.isEmpty()
                                || !Arrays.equals(chain.get(0).getEncoded(), serverDer)) {
                              throw new UaException(StatusCodes.Bad_CertificateUntrusted);
                            }
                          } catch (java.security.cert.CertificateEncodingException e) {
                            throw new UaException(StatusCodes.Bad_CertificateInvalid);
                          }
                        })
                    .setIdentityProvider(new UsernameProvider("admin", password))
                    .setRequestTimeout(uint(30_000)));
    client.connect();
    GdsDataTypes.register(client.getStaticDataTypeManager(), client.getNamespaceTable());
    return client;
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ", -1);
      return f[0] + ", " + f[1] + ", " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String cpusAllowed() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("Cpus_allowed_list:"))
          .map(l -> l.substring("Cpus_allowed_list:".length()).strip())
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
