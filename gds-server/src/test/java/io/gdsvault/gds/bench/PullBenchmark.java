package io.gdsvault.gds.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.cli.ClientIdentity;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.testing.GdsTestServer;
import io.gdsvault.gds.testing.TestClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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

/**
 * Load harness for the pull flow (not part of {@code mvn verify}: no surefire include matches).
 * With auto-approve on, N simulated devices (each its own application certificate) run, C at a
 * time: open a SignAndEncrypt session, RegisterApplication, StartSigningRequest, FinishRequest,
 * close. The baseline in the same run: the same number of sessions opened the same way, each
 * calling an empty method (FindApplications with an empty URI) and closing. Prints both rates and
 * their ratio as Markdown and writes {@code target/benchmarks/pull.md}. Run it as documented in
 * gds-server/BENCHMARKS-pull.md.
 */
class PullBenchmark {

  private static final int DEVICES = Integer.getInteger("bench.devices", 200);
  private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 8);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 16);
  private static final String PASSWORD = "bench password 1";

  // the CSR goes to the GDS as bytes; devices are never compared with equals
  @SuppressWarnings("ArrayRecordComponent")
  record Device(ClientIdentity identity, byte[] csr) {}

  @Test
  void devicesPullCertificatesWithAutoApprove() throws Exception {
    try (GdsTestServer gds =
        GdsTestServer.start(t -> ((ObjectNode) t.get("certificates")).put("autoApprove", true))) {
      gds.app()
          .users()
          .addUser(
              Caller.system(),
              "device",
              PASSWORD.toCharArray(),
              Set.of(Role.DISCOVERY_ADMIN, Role.CERTIFICATE_AUTHORITY_ADMIN));
      List<KeyPair> keys = new ArrayList<>();
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      for (int i = 0; i < 8; i++) {
        keys.add(g.generateKeyPair());
      }
      List<Device> baselineDevices = devices(keys, WARMUP + DEVICES, "base");
      List<Device> pullDevices = devices(keys, WARMUP + DEVICES, "pull");

      // warm up both paths (JIT, connection setup), then measure baseline and pull alternately
      run(gds, baselineDevices.subList(0, WARMUP), false);
      run(gds, pullDevices.subList(0, WARMUP), true);
      double baseline = run(gds, baselineDevices.subList(WARMUP, WARMUP + DEVICES), false);
      double pull = run(gds, pullDevices.subList(WARMUP, WARMUP + DEVICES), true);

      String table =
          String.format(
              Locale.ROOT,
              "| Scenario (%d devices, %d concurrent, %d cores) | per second |%n|---|---:|%n|"
                  + " secure session + empty method (FindApplications \"\") | %.1f |%n| secure"
                  + " session + RegisterApplication + StartSigningRequest + FinishRequest"
                  + " (auto-approve, RSA-2048 CA) | %.1f |%n| ratio certificates / baseline"
                  + " sessions | %.0f%% |%n",
              DEVICES,
              CONCURRENCY,
              Runtime.getRuntime().availableProcessors(),
              baseline,
              pull,
              100 * pull / baseline);
      System.out.println(table);
      Path out = Path.of("target", "benchmarks");
      Files.createDirectories(out);
      Files.writeString(out.resolve("pull.md"), "Run " + Instant.now() + "\n\n" + table);
      assertThat(pull).isPositive();
    }
  }

  private static List<Device> devices(List<KeyPair> keys, int n, String tag) throws Exception {
    List<Device> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      KeyPair kp = keys.get(i % keys.size());
      String uri = "urn:bench:" + tag + ":" + i + ":" + UUID.randomUUID();
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

  /** Runs every device once, CONCURRENCY at a time; returns completed devices per second. */
  private static double run(GdsTestServer gds, List<Device> devices, boolean pull)
      throws Exception {
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
                            gds,
                            SecurityPolicy.Basic256Sha256,
                            MessageSecurityMode.SignAndEncrypt,
                            new UsernameProvider("device", PASSWORD),
                            d.identity());
                    try {
                      if (pull) {
                        pull(c, d);
                      } else {
                        CallMethodResult r = call(c, GdsNodeIds.FindApplications, new Variant(""));
                        assertThat(r.getStatusCode().isGood()).isTrue();
                      }
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
