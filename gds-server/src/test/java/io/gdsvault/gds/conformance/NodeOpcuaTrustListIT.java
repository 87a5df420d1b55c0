package io.gdsvault.gds.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gdsvault.gds.testing.GdsTestServer;
import io.gdsvault.gds.trust.CertificateGroup;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * node-opcua 2.157.0's own ClientFile and TrustListClient (interop/pull-trust-list.js) read every
 * group's TrustList found by standard BrowseNames, by the FileType ids and by OpenWithMasks, and
 * the pull client ends with the GDS's CA certificate and CRL in its trusted folder. Needs Node.js
 * and {@code interop/node_modules} ({@code npm ci}).
 */
class NodeOpcuaTrustListIT {

  @Test
  void nodeOpcuaReadsEveryTrustListByBrowseNameAndEndsWithTheCaAndCrlTrusted() throws Exception {
    assumeTrue(
        Files.isDirectory(OfficialNodeSet.INTEROP.resolve("node_modules/node-opcua-file-transfer")),
        "skipped: interop/node_modules is missing; run `npm ci` in interop/ to enable this test");
    try (GdsTestServer gds = GdsTestServer.start()) {
      Path work = Files.createTempDirectory("node-opcua-pull-");
      Path pki = work.resolve("pki");
      Path cfg = work.resolve("config.json");
      new ObjectMapper()
          .writeValue(
              cfg.toFile(),
              Map.of(
                  "url",
                  gds.endpointUrl(),
                  "pkiDir",
                  pki.toString(),
                  "clientApplicationUri",
                  "urn:gdsvault:interop:node-opcua-pull",
                  // Aes256_Sha256_RsaPss: see docs/conformance.md (node-opcua's signature URI)
                  "securityPolicy",
                  "Aes128_Sha256_RsaOaep"));
      Process node =
          new ProcessBuilder("node", "pull-trust-list.js", cfg.toString())
              .directory(OfficialNodeSet.INTEROP.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      node.getOutputStream().close();
      String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
      // node-opcua logs to stdout too: the result is the last JSON line
      String json =
          out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse("{\"error\":1}");
      JsonNode result = new ObjectMapper().readTree(json);
      assertThat(result.has("error")).as("node-opcua said %s", out).isFalse();

      var groups = gds.app().certificates().groups();
      for (String group :
          new String[] {
            CertificateGroup.DEFAULT_APPLICATION_GROUP,
            CertificateGroup.DEFAULT_HTTPS_GROUP,
            CertificateGroup.DEFAULT_USER_TOKEN_GROUP
          }) {
        JsonNode g = result.get("groups").get(group);
        assertThat(g.get("sameByTypeIds").asBoolean()).as(group + " by FileType ids").isTrue();
        assertThat(g.get("sameByMasks").asBoolean()).as(group + " by OpenWithMasks").isTrue();
        X509Certificate ca = groups.requireGroup(group).defaultType().ca().currentCaCertificate();
        assertThat(g.get("trustedCertificates").toString()).contains(thumbprint(ca.getEncoded()));
        assertThat(g.get("trustedCrls").asInt()).isGreaterThanOrEqualTo(1);
      }

      // the application group's CA and its CRL now sit in the node-opcua client's trusted folder
      X509Certificate ca =
          groups
              .requireGroup(CertificateGroup.DEFAULT_APPLICATION_GROUP)
              .defaultType()
              .ca()
              .currentCaCertificate();
      Path trusted = pki.resolve("trusted/certs/gds-ca-" + thumbprint(ca.getEncoded()) + ".der");
      assertThat(trusted).exists();
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      assertThat(cf.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(trusted))))
          .isEqualTo(ca);
      boolean crlOfTheCa = false;
      try (var crls = Files.list(pki.resolve("trusted/crl"))) {
        for (Path p : crls.filter(p -> p.getFileName().toString().startsWith("gds-ca-")).toList()) {
          X509CRL crl = (X509CRL) cf.generateCRL(new ByteArrayInputStream(Files.readAllBytes(p)));
          crlOfTheCa |= crl.getIssuerX500Principal().equals(ca.getSubjectX500Principal());
        }
      }
      assertThat(crlOfTheCa).as("a CRL of the application group's CA is trusted").isTrue();
      GdsTestServer.deleteTree(work);
    }
  }

  private static String thumbprint(byte[] der) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(der));
  }
}
