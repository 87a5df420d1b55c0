package io.gdsvault.sim.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.push.KeyMode;
import io.gdsvault.gds.push.PushEngine;
import io.gdsvault.gds.push.PushTarget;
import io.gdsvault.gds.trust.CertificateGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The push engine against an independent push target: a node-opcua 2.157.0 server with
 * node-opcua-server-configuration (interop/push-target.js). It needs SecurityAdmin over
 * SignAndEncrypt, takes PEM keys only and restarts its endpoints on ApplyChanges, so the engine
 * must reconnect to verify. Needs Node.js and {@code interop/node_modules} ({@code npm ci}).
 */
class NodeOpcuaPushTargetIT {

  static final Path INTEROP = Path.of("..", "interop").toAbsolutePath().normalize();

  PushFixture f;
  Process node;
  final StringBuffer output = new StringBuffer();

  @AfterEach
  void stop() throws Exception {
    if (node != null) {
      node.getOutputStream().close();
      node.destroy();
      if (!node.waitFor(10, TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
    }
    if (f != null) {
      f.close();
    }
  }

  @ParameterizedTest
  @EnumSource(KeyMode.class)
  void provisioningInstallsOurCaAndACertificateOnTheNodeOpcuaServer(KeyMode mode) throws Exception {
    assumeTrue(Files.isDirectory(INTEROP.resolve("node_modules/node-opcua-server-configuration")),
        "skipped: " + INTEROP + "/node_modules is missing; run `npm ci` in interop/ to enable this test");
    f = new PushFixture(PushFixture.autoApprove(), PushFixture.fastSettings(0.66));
    int port = PushFixture.freePort();
    String uri = "urn:gdsvault:interop:node-opcua-target:" + port;
    String endpoint = startNode(port, uri);
    UUID app = f.register(uri, endpoint);
    X509Certificate selfSigned = PushFixture.advertised(endpoint);

    String pinned = f.engine().enable(Caller.system(), new PushEngine.EnableRequest(app, endpoint, PushFixture.POLICY,
        PushFixture.TARGET_ADMIN, PushFixture.TARGET_PASSWORD.toCharArray(), PushEngine.thumbprint(selfSigned), mode));
    assertThat(pinned).isEqualTo(PushEngine.thumbprint(selfSigned));
    PushTarget ok = f.awaitSucceeded(app, null);

    X509Certificate advertised = PushFixture.advertised(endpoint);
    assertThat(PushEngine.thumbprint(advertised)).isEqualTo(ok.certificateThumbprint());
    var ca = f.gds.certificates().groups().requireGroup(CertificateGroup.DEFAULT_APPLICATION_GROUP).defaultType().ca();
    PushFixture.assertChainsTo(advertised, ca.currentCaCertificate());
    assertThat(PushEngine.thumbprint(f.handshakeAsGds(endpoint))).isEqualTo(ok.certificateThumbprint());
    var trust = TrustLists.read(f, endpoint);
    assertThat(trust.trustedCertificates()).contains(ca.currentCaCertificate(), f.gds.server().certificate());

    // node-opcua 2.157.0 answers CloseAndUpdate with Good but ignores the upload: the engine saw
    // that in the read-back and added our certificates with AddCertificate (CRLs cannot travel so)
  }

  private String startNode(int port, String uri) throws Exception {
    Path dir = f.dir.resolve("node-target");
    Files.createDirectories(dir);
    Path gdsCert = Files.write(dir.resolve("gds.der"), f.gds.server().certificate().getEncoded());
    Map<String, Object> cfg = new LinkedHashMap<>();
    cfg.put("port", port);
    cfg.put("pki", dir.resolve("pki").toString());
    cfg.put("user", PushFixture.TARGET_ADMIN);
    cfg.put("password", PushFixture.TARGET_PASSWORD);
    cfg.put("applicationUri", uri);
    cfg.put("trustCertificate", gdsCert.toString());
    Path cfgFile = dir.resolve("config.json");
    new ObjectMapper().writeValue(cfgFile.toFile(), cfg);
    try {
      ProcessBuilder pb = new ProcessBuilder("node", "push-target.js", cfgFile.toString());
      pb.environment().put("DEBUG", System.getProperty("node.debug", ""));
      node = pb
          .directory(INTEROP.toFile()).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.PIPE)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "node-push-target.log").toFile()))
          .start();
    } catch (java.io.IOException e) {
      assumeTrue(false, "skipped: Node.js (`node`) is not on the PATH");
    }
    CountDownLatch up = new CountDownLatch(1);
    Thread reader = new Thread(() -> {
      for (int i = 0; i < 900; i++) {
        try {
          String log = Files.readString(Path.of("target", "node-push-target.log"));
          if (log.contains("node-opcua push target listening on opc.tcp://127.0.0.1:" + port)) {
            up.countDown();
            return;
          }
          Thread.sleep(100);
        } catch (Exception e) {
          return;
        }
      }
    }, "node-push-target-output");
    reader.setDaemon(true);
    reader.start();
    assertThat(up.await(90, TimeUnit.SECONDS)).as("node-opcua target started; output:\n%s", output).isTrue();
    return "opc.tcp://127.0.0.1:" + port;
  }
}
