package io.gdsvault.gds.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.cli.ClientIdentity;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.persistence.jdbc.CapabilityKey;
import io.gdsvault.gds.testing.GdsTestServer;
import io.gdsvault.gds.testing.TestClients;
import io.gdsvault.gds.testing.TestPostgres;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * Load harness for several nodes (not part of {@code mvn verify}: no surefire include matches): a
 * PostgreSQL database (embedded, or {@code -Dbench.jdbcUrl=...}) holding {@code bench.apps}
 * registered applications (default 1,000,000, bulk-loaded with COPY), then
 *
 * <ol>
 *   <li>QueryApplications and FindApplications latency (p50/p95/p99) on one node, sequential calls
 *       over one SignAndEncrypt session;
 *   <li>issuance throughput (secure session + RegisterApplication + StartSigningRequest +
 *       FinishRequest with auto-approve) with one node, then with two nodes sharing the database,
 *       devices spread round-robin.
 * </ol>
 *
 * Writes {@code target/benchmarks/scale.md}. See gds-server/BENCHMARKS-scale.md.
 */
class ScaleBenchmark {

  private static final int APPS = Integer.getInteger("bench.apps", 1_000_000);
  private static final int CALLS = Integer.getInteger("bench.calls", 1_000);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 200);
  private static final int DEVICES = Integer.getInteger("bench.devices", 200);
  private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 8);
  private static final String PASSWORD = "bench password 1";
  private static final ObjectMapper JSON = new ObjectMapper();

  // the CSR goes to the GDS as bytes; devices are never compared with equals
  @SuppressWarnings("ArrayRecordComponent")
  record Device(ClientIdentity identity, byte[] csr) {}

  @Test
  void scaleOnPostgres() throws Exception {
    String external = System.getProperty("bench.jdbcUrl");
    TestPostgres embedded = external == null ? TestPostgres.start() : null;
    String url = external != null ? external : embedded.jdbcUrl();
    String user = System.getProperty("bench.user", external != null ? "" : embedded.user());
    Path secret =
        Files.createTempFile(
            "gds-bench-",
            ".secret",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(secret, "benchmark keystore secret");
    Consumer<ObjectNode> shared =
        t -> {
          ObjectNode db = (ObjectNode) t.get("database");
          db.put("url", url);
          db.put("user", user);
          ObjectNode certs = (ObjectNode) t.get("certificates");
          certs.put("keystorePasswordFile", secret.toString());
          certs.put("autoApprove", true);
        };
    StringBuilder md = new StringBuilder();
    try {
      GdsTestServer a = GdsTestServer.start(shared);
      GdsTestServer b = null;
      try {
        a.app()
            .users()
            .addUser(
                Caller.system(),
                "device",
                PASSWORD.toCharArray(),
                Set.of(Role.DISCOVERY_ADMIN, Role.CERTIFICATE_AUTHORITY_ADMIN));
        long t0 = System.nanoTime();
        List<String> sampleUris = bulkLoad(url, user);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        md.append(
            String.format(
                Locale.ROOT,
                "Run %s: %,d applications bulk-loaded with COPY in %.0f s; PostgreSQL %s; %d"
                    + " processors; load average at start %.2f%n%n",
                Instant.now(),
                APPS,
                loadSeconds,
                external != null ? "external" : "embedded (io.zonky)",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage()));
        md.append(directory(a, sampleUris));
        List<KeyPair> keys = new ArrayList<>();
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        for (int i = 0; i < 4; i++) {
          keys.add(g.generateKeyPair());
        }
        run(List.of(a), devices(keys, 16, "warm"));
        double one = run(List.of(a), devices(keys, DEVICES, "one"));
        b = GdsTestServer.start(shared);
        run(List.of(b), devices(keys, 16, "warmb"));
        double two = run(List.of(a, b), devices(keys, DEVICES, "two"));
        md.append(
            String.format(
                Locale.ROOT,
                "%n| Issuance (%d devices, %d concurrent, auto-approve, RSA-2048 CA, both nodes in"
                    + " this JVM) | devices per second |%n|---|---:|%n| one node | %.1f |%n| two"
                    + " nodes, devices round-robin | %.1f |%n",
                DEVICES,
                CONCURRENCY,
                one,
                two));
        md.append(
            String.format(
                Locale.ROOT,
                "%nLoad average at end: %.2f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage()));
        System.out.println(md);
        Path out = Path.of("target", "benchmarks");
        Files.createDirectories(out);
        Files.writeString(out.resolve("scale.md"), md.toString());
        assertThat(one).isPositive();
        assertThat(two).isPositive();
      } finally {
        if (b != null) {
          b.close();
        }
        a.close();
      }
    } finally {
      Files.deleteIfExists(secret);
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  /** COPY into applications, names and capabilities; returns a sample of registered URIs. */
  private static List<String> bulkLoad(String url, String user) throws Exception {
    List<String> sample = new ArrayList<>();
    Random r = new Random(7);
    try (Connection c =
        DriverManager.getConnection(url, user, System.getProperty("bench.password", ""))) {
      var copy = c.unwrap(PGConnection.class).getCopyAPI();
      String now = Instant.now().toString();
      int chunk = 50_000;
      for (int from = 0; from < APPS; from += chunk) {
        StringBuilder apps = new StringBuilder();
        StringBuilder names = new StringBuilder();
        StringBuilder caps = new StringBuilder();
        for (int i = from; i < Math.min(APPS, from + chunk); i++) {
          UUID id = new UUID(0x6764730000000000L | i, i);
          boolean client = i % 4 == 3;
          String uri = "urn:bench:device:" + i;
          String name = "Device " + i + " line " + (i % 50);
          List<String> capList =
              client ? List.of() : (i % 3 == 0 ? List.of("DA", "HD") : List.of("DA"));
          apps.append(id)
              .append('\t')
              .append(i + 1L)
              .append('\t')
              .append(uri)
              .append('\t')
              .append(client ? 1 : 0)
              .append('\t')
              .append("urn:bench:product:")
              .append(i % 10)
              .append('\t')
              .append(name)
              .append('\t')
              .append(JSON.writeValueAsString(List.of(LocalizedName.of(name))))
              .append('\t')
              .append(
                  JSON.writeValueAsString(
                      client ? List.of() : List.of("opc.tcp://device" + i + ":4840")))
              .append('\t')
              .append(JSON.writeValueAsString(capList))
              .append('\t')
              // V3 columns (the directory's capability filters read them)
              .append(capList.contains("NA"))
              .append('\t')
              .append(CapabilityKey.of(capList))
              .append('\t')
              .append(now)
              .append('\t')
              .append(now)
              .append('\n');
          names.append(id).append("\t0\t").append(name).append('\n');
          for (String cap : capList) {
            caps.append(id).append('\t').append(cap).append('\n');
          }
          if (r.nextInt(Math.max(1, APPS / 2000)) == 0) {
            sample.add(uri);
          }
        }
        copy.copyIn(
            "COPY applications (application_id, record_id, application_uri, application_type,"
                + " product_uri, default_name, names_json, discovery_urls_json, capabilities_json,"
                + " not_available, capability_key, created_at, updated_at) FROM STDIN",
            reader(apps));
        copy.copyIn(
            "COPY application_names (application_id, position, name_text) FROM STDIN",
            reader(names));
        copy.copyIn(
            "COPY application_capabilities (application_id, capability) FROM STDIN", reader(caps));
      }
      try (Statement s = c.createStatement()) {
        s.execute("SELECT setval('application_record_seq', " + (APPS + 1L) + ")");
        s.execute("ANALYZE");
      }
    }
    if (sample.isEmpty()) {
      sample.add("urn:bench:device:0");
    }
    return sample;
  }

  private static Reader reader(StringBuilder b) {
    return new StringReader(b.toString());
  }

  private static String directory(GdsTestServer gds, List<String> uris) throws Exception {
    OpcUaClient client = TestClients.admin(gds);
    try {
      NodeId dir = GdsNodeIds.resolve(GdsNodeIds.Directory, client.getNamespaceTable());
      NodeId query = GdsNodeIds.resolve(GdsNodeIds.QueryApplications, client.getNamespaceTable());
      NodeId find = GdsNodeIds.resolve(GdsNodeIds.FindApplications, client.getNamespaceTable());
      Random random = new Random(42);
      record Scenario(
          String name, IntFunction<CallMethodRequest> request, Predicate<CallMethodResult> ok) {}
      List<Scenario> scenarios =
          List.of(
              new Scenario(
                  "FindApplications, random registered ApplicationUri",
                  i ->
                      new CallMethodRequest(
                          dir,
                          find,
                          new Variant[] {new Variant("urn:bench:device:" + random.nextInt(APPS))}),
                  r -> ((Object[]) r.getOutputArguments()[0].value()).length == 1),
              new Scenario(
                  "FindApplications, unknown ApplicationUri",
                  i ->
                      new CallMethodRequest(
                          dir, find, new Variant[] {new Variant("urn:bench:none:" + i)}),
                  r -> r.getStatusCode().isGood()),
              new Scenario(
                  "QueryApplications, no filter, 100 records from a random StartingRecordId",
                  i ->
                      new CallMethodRequest(
                          dir,
                          query,
                          queryArgs(random.nextInt(APPS - 200), 100, "", "", 0, "", new String[0])),
                  r -> ((Object[]) r.getOutputArguments()[2].value()).length == 100),
              new Scenario(
                  "QueryApplications, servers only (type 1), 100 records",
                  i ->
                      new CallMethodRequest(
                          dir,
                          query,
                          queryArgs(random.nextInt(APPS / 2), 100, "", "", 1, "", new String[0])),
                  r -> ((Object[]) r.getOutputArguments()[2].value()).length == 100),
              new Scenario(
                  "QueryApplications, ApplicationUri exact (one match)",
                  i ->
                      new CallMethodRequest(
                          dir,
                          query,
                          queryArgs(
                              0,
                              100,
                              "",
                              uris.get(random.nextInt(uris.size())),
                              0,
                              "",
                              new String[0])),
                  r -> ((Object[]) r.getOutputArguments()[2].value()).length == 1),
              new Scenario(
                  "QueryApplications, ApplicationName prefix pattern (one match)",
                  i ->
                      new CallMethodRequest(
                          dir,
                          query,
                          queryArgs(
                              0,
                              100,
                              "Device " + random.nextInt(APPS) + " %",
                              "",
                              0,
                              "",
                              new String[0])),
                  r -> ((Object[]) r.getOutputArguments()[2].value()).length == 1),
              new Scenario(
                  "QueryApplications, ProductUri + capability filter, 100 records",
                  i ->
                      new CallMethodRequest(
                          dir,
                          query,
                          queryArgs(
                              random.nextInt(APPS / 2),
                              100,
                              "",
                              "",
                              0,
                              "urn:bench:product:" + random.nextInt(10),
                              new String[] {"DA"})),
                  r -> r.getStatusCode().isGood()));
      for (Scenario sc : scenarios) {
        for (int i = 0; i < WARMUP; i++) {
          client.call(List.of(sc.request().apply(i)));
        }
      }
      StringBuilder b = new StringBuilder();
      b.append(
          String.format(
              Locale.ROOT,
              "| Scenario (%,d applications, %d calls after %d warm-up, one session,"
                  + " SignAndEncrypt) | p50 ms | p95 ms | p99 ms | max ms |%n"
                  + "|---|---:|---:|---:|---:|%n",
              APPS,
              CALLS,
              WARMUP));
      for (Scenario sc : scenarios) {
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
        b.append(
            String.format(
                Locale.ROOT,
                "| %s | %.2f | %.2f | %.2f | %.2f |%n",
                sc.name(),
                ms(nanos, 0.50),
                ms(nanos, 0.95),
                ms(nanos, 0.99),
                nanos[nanos.length - 1] / 1e6));
      }
      return b.toString();
    } finally {
      TestClients.disconnect(client);
    }
  }

  private static double ms(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
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

  private static List<Device> devices(List<KeyPair> keys, int n, String tag) throws Exception {
    List<Device> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      KeyPair kp = keys.get(i % keys.size());
      String uri = "urn:bench:scale:" + tag + ":" + i + ":" + UUID.randomUUID();
      var cert =
          new SelfSignedCertificateBuilder(kp)
              .setCommonName("bench " + i)
              .setApplicationUri(uri)
              .addDnsName("localhost")
              .setValidityPeriod(Period.ofDays(2))
              .build();
      ExtensionsGenerator ext = new ExtensionsGenerator();
      ext.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, uri)));
      byte[] csr =
          new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=bench " + i), kp.getPublic())
              .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate())
              .build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate()))
              .getEncoded();
      out.add(new Device(new ClientIdentity(kp, cert, uri), csr));
    }
    return out;
  }

  /** Every device once, CONCURRENCY at a time, device i on node i mod nodes; devices per second. */
  private static double run(List<GdsTestServer> nodes, List<Device> devices) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
    AtomicInteger next = new AtomicInteger();
    long t0 = System.nanoTime();
    try {
      List<Future<Integer>> workers = new ArrayList<>();
      for (int w = 0; w < CONCURRENCY; w++) {
        workers.add(
            pool.submit(
                () -> {
                  int done = 0;
                  for (int i = next.getAndIncrement();
                      i < devices.size();
                      i = next.getAndIncrement()) {
                    Device d = devices.get(i);
                    OpcUaClient c =
                        TestClients.connect(
                            nodes.get(i % nodes.size()),
                            SecurityPolicy.Basic256Sha256,
                            MessageSecurityMode.SignAndEncrypt,
                            new UsernameProvider("device", PASSWORD),
                            d.identity());
                    try {
                      pull(c, d);
                      done++;
                    } finally {
                      c.disconnect();
                    }
                  }
                  return done;
                }));
      }
      int total = 0;
      for (Future<Integer> f : workers) {
        total += f.get();
      }
      assertThat(total).isEqualTo(devices.size());
    } finally {
      pool.shutdownNow();
    }
    return devices.size() / ((System.nanoTime() - t0) / 1e9);
  }

  private static void pull(OpcUaClient c, Device d) throws Exception {
    int ns = c.getNamespaceTable().getIndex(GdsNodeIds.NAMESPACE_URI).intValue();
    ApplicationRecord record =
        new ApplicationRecord(
            null,
            d.identity().applicationUri(),
            ApplicationType.CLIENT,
            List.of(new LocalizedName("en", "bench device")),
            "urn:bench",
            List.of(),
            List.of());
    CallMethodResult reg =
        call(
            c,
            GdsNodeIds.RegisterApplication,
            new Variant(
                ExtensionObject.encode(
                    c.getStaticEncodingContext(), ApplicationRecordMapper.toUa(record, ns))));
    assertThat(reg.getStatusCode().isGood()).as("register %s", reg.getStatusCode()).isTrue();
    NodeId app = (NodeId) reg.getOutputArguments()[0].value();
    CallMethodResult start =
        call(
            c,
            GdsNodeIds.StartSigningRequest,
            new Variant(app),
            new Variant(NodeId.NULL_VALUE),
            new Variant(NodeId.NULL_VALUE),
            new Variant(ByteString.of(d.csr())));
    assertThat(start.getStatusCode().isGood()).as("start %s", start.getStatusCode()).isTrue();
    CallMethodResult finish =
        call(c, GdsNodeIds.FinishRequest, new Variant(app), start.getOutputArguments()[0]);
    assertThat(finish.getStatusCode().isGood()).as("finish %s", finish.getStatusCode()).isTrue();
  }

  private static CallMethodResult call(OpcUaClient c, ExpandedNodeId method, Variant... in)
      throws Exception {
    NodeId o = GdsNodeIds.resolve(GdsNodeIds.Directory, c.getNamespaceTable());
    return c.call(
            List.of(
                new CallMethodRequest(o, GdsNodeIds.resolve(method, c.getNamespaceTable()), in)))
        .getResults()[0];
  }
}
