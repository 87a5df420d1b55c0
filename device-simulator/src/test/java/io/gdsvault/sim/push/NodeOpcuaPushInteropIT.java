package io.gdsvault.sim.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability: node-opcua 2.157.0 with node-opcua-server-configuration, a third-party push
 * client, drives the simulator (CreateSigningRequest, UpdateCertificate, trust list write,
 * ApplyChanges). Needs Node.js and {@code interop/node_modules} ({@code npm ci} in interop/).
 */
class NodeOpcuaPushInteropIT {

  @TempDir Path tmp;

  @Test
  void nodeOpcuaPushClientUpdatesCertificateAndTrustList() throws Exception {
    Path interop = Path.of("..", "interop").toAbsolutePath().normalize();
    assumeTrue(
        Files.isDirectory(interop.resolve("node_modules/node-opcua-server-configuration")),
        "skipped: "
            + interop
            + "/node_modules is missing; run `npm ci` in interop/ to enable this test");
    assumeTrue(commandWorks("node", "--version"), "skipped: Node.js (`node`) is not on the PATH");

    // the client identity node-opcua uses, trusted by the device before start
    KeyPair clientKeys = TestCa.rsa(2048);
    String clientUri = "urn:gdsvault:test:node-opcua-push";
    X509Certificate clientCert = TestCa.selfSigned(clientKeys, "node-opcua push client", clientUri);
    Path pki = tmp.resolve("device-pki");
    Files.createDirectories(pki.resolve("trusted/certs"));
    Files.write(pki.resolve("trusted/certs/node-opcua.der"), clientCert.getEncoded());

    int port;
    try (var s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (var device =
        PushTargetDevice.start(
            new PushTargetDevice.Settings(
                "127.0.0.1",
                port,
                pki,
                List.of(
                    new PushTargetDevice.User(
                        "admin", "interop-secret".getBytes(StandardCharsets.UTF_8), true)),
                false,
                1024 * 1024))) {
      X509Certificate original = device.support().currentCertificate();
      var ca = new TestCa("Interop CA");
      KeyPair newKeys = TestCa.rsa(2048);
      X509Certificate newCert =
          ca.issue(newKeys.getPublic(), "pushed by node-opcua", device.support().applicationUri());

      Map<String, Object> cfg = new LinkedHashMap<>();
      cfg.put("url", device.endpointUrl());
      cfg.put("user", "admin");
      cfg.put("password", "interop-secret");
      cfg.put("clientApplicationUri", clientUri);
      cfg.put(
          "clientCertFile",
          write(
                  "client-cert.pem",
                  CertificateCodec.toPem(clientCert).getBytes(StandardCharsets.US_ASCII))
              .toString());
      cfg.put("clientCertDerFile", write("client-cert.der", clientCert.getEncoded()).toString());
      cfg.put(
          "clientKeyFile",
          write("client-key.pem", TestCa.pkcs8Pem(clientKeys.getPrivate())).toString());
      cfg.put("pkiDir", tmp.resolve("node-pki").toString());
      cfg.put("newCertFile", write("new-cert.der", newCert.getEncoded()).toString());
      cfg.put("newKeyFile", write("new-key.pem", TestCa.pkcs8Pem(newKeys.getPrivate())).toString());
      cfg.put("caCertFile", write("ca.der", ca.certificate.getEncoded()).toString());
      cfg.put("caCrlFile", write("ca.crl", ca.crl().getEncoded()).toString());
      Path cfgFile = tmp.resolve("interop.json");
      new ObjectMapper().writeValue(cfgFile.toFile(), cfg);

      Process p =
          new ProcessBuilder("node", "push-client.js", cfgFile.toString())
              .directory(interop.toFile())
              .redirectError(tmp.resolve("node-stderr.txt").toFile())
              .redirectOutput(tmp.resolve("node-stdout.txt").toFile())
              .start();
      boolean done = p.waitFor(180, TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly();
      }
      String stderr = Files.readString(tmp.resolve("node-stderr.txt"));
      assertThat(done).as("node-opcua client finished").isTrue();
      assertThat(p.exitValue()).as("node-opcua client exit code; stderr: %s", stderr).isZero();

      String stdout = Files.readString(tmp.resolve("node-stdout.txt")).strip();
      JsonNode r = new ObjectMapper().readTree(stdout.substring(stdout.lastIndexOf('\n') + 1));
      assertThat(r.get("supportedPrivateKeyFormats").toString()).contains("PEM", "PFX");
      assertThat(r.get("createSigningRequest").asText()).isEqualTo("Good");
      var csr =
          new JcaPKCS10CertificationRequest(
              new PKCS10CertificationRequest(Base64.getDecoder().decode(r.get("csr").asText())));
      assertThat(csr.getPublicKey()).isEqualTo(original.getPublicKey());
      assertThat(r.get("updateCertificate").asText()).isEqualTo("Good");
      assertThat(r.get("applyChangesRequired").asBoolean()).isTrue();
      assertThat(r.get("applyChanges").asText()).isEqualTo("Good");
      assertThat(Base64.getDecoder().decode(r.get("endpointCertificate").asText()))
          .isEqualTo(newCert.getEncoded());
      assertThat(r.get("secondSession").asText()).isEqualTo("ok");
      assertThat(r.get("trustedCertificatesRead").asInt()).isEqualTo(2);
      assertThat(device.support().currentCertificate()).isEqualTo(newCert);
      assertThat(device.support().trustList().trustedCertificates())
          .containsExactlyInAnyOrder(ca.certificate, clientCert);
    }
  }

  private Path write(String name, byte[] bytes) throws Exception {
    return Files.write(tmp.resolve(name), bytes);
  }

  private static boolean commandWorks(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
