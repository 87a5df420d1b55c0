package io.gdsvault.gds.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.testing.TestClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issuance policy over OPC UA, with the GDS as started by default: each violation is refused by
 * StartSigningRequest / StartNewKeyPairRequest (or RegisterApplication) with its status, the
 * refused argument marked and the rule's reason in that argument's DiagnosticInfo. CSRs with weak
 * cryptography are made by openssl; the issued profile is read back with openssl.
 */
class IssuancePolicyIT extends PullSupport {

  private static final int CSR_ARG = 3;
  private static final int SUBJECT_ARG = 3;
  private static final int NAMES_ARG = 4;

  @TempDir Path tmp;

  /** The reason the GDS gave with the refused argument. */
  private static String reason(CallMethodResult r, int argument) {
    assertThat(r.getInputArgumentResults()[argument].getValue()).isEqualTo(status(r));
    return r.getInputArgumentDiagnosticInfos()[argument].additionalInfo();
  }

  private static byte[] csr(KeyPair kp, String uri, String subject, String... dns)
      throws Exception {
    List<GeneralName> names = new ArrayList<>();
    names.add(new GeneralName(GeneralName.uniformResourceIdentifier, uri));
    for (String d : dns) {
      names.add(new GeneralName(GeneralName.dNSName, d));
    }
    ExtensionsGenerator ext = new ExtensionsGenerator();
    ext.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(names.toArray(GeneralName[]::new)));
    var b = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), kp.getPublic());
    b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
    return b.build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate()))
        .getEncoded();
  }

  private static CallMethodResult newKeyPair(
      OpcUaClient c, NodeId app, ExpandedNodeId group, String subject, String... names)
      throws Exception {
    return callDirectory(
        c,
        GdsNodeIds.StartNewKeyPairRequest,
        new Variant(app),
        new Variant(GdsNodeIds.resolve(group, c.getNamespaceTable())),
        new Variant(NodeId.NULL_VALUE),
        new Variant(subject),
        new Variant(names),
        new Variant("PEM"),
        new Variant("pem-secret-1"));
  }

  private static String host(Device d) {
    // GdsIntegrationTest.server(name) registers opc.tcp://NAME.example:4840
    String url = gds.app().directory().findById(uuid(d)).orElseThrow().discoveryUrls().get(0);
    return url.substring("opc.tcp://".length(), url.lastIndexOf(':'));
  }

  private static UUID uuid(Device d) {
    return (UUID) d.applicationId().getIdentifier();
  }

  @Test
  void namesTheApplicationNeverRegisteredAndWildcardsAreRefusedAtFiling() throws Exception {
    Device d = device("names");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    try {
      for (String name : List.of("scada.plant.example", "*.plant.example")) {
        CallMethodResult r =
            startSigning(device, d.applicationId(), csr(rsa(), d.uri(), "CN=names", name));
        assertThat(status(r)).as(name).isEqualTo(StatusCodes.Bad_RequestNotAllowed);
        assertThat(reason(r, CSR_ARG))
            .as(name)
            .contains(name.startsWith("*") ? "allows no wildcard DNS names" : "'" + name + "'");
      }
      CallMethodResult ip =
          callDirectory(
              device,
              GdsNodeIds.StartNewKeyPairRequest,
              new Variant(d.applicationId()),
              new Variant(NodeId.NULL_VALUE),
              new Variant(NodeId.NULL_VALUE),
              new Variant("CN=names"),
              new Variant(new String[] {host(d), "10.9.8.7"}),
              new Variant("PEM"),
              new Variant("pem-secret-1"));
      assertThat(status(ip)).isEqualTo(StatusCodes.Bad_RequestNotAllowed);
      assertThat(reason(ip, NAMES_ARG))
          .contains("'10.9.8.7' is neither a host of the application's registered DiscoveryUrls");
      // its registered host and the loopback names pass
      assertThat(
              startSigning(
                      device,
                      d.applicationId(),
                      csr(rsa(), d.uri(), "CN=names", host(d), "localhost"))
                  .getStatusCode()
                  .isGood())
          .isTrue();
    } finally {
      TestClients.disconnect(device);
    }
  }

  @Test
  void aSubjectEqualToOrImitatingTheCaIsRefused() throws Exception {
    Device d = device("ca-imitation");
    String ca =
        gds.app()
            .certificates()
            .groups()
            .allCaCertificates()
            .get(0)
            .getSubjectX500Principal()
            .getName();
    String cn =
        new X500Name(ca)
            .getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN)[0]
            .getFirst()
            .getValue()
            .toString();
    OpcUaClient device = connect(d.identity(), REQUESTER);
    try {
      for (String subject : List.of(ca, "CN=" + cn.toUpperCase(java.util.Locale.ROOT) + ", O=x")) {
        CallMethodResult r = startSigning(device, d.applicationId(), csr(rsa(), d.uri(), subject));
        assertThat(status(r)).as(subject).isEqualTo(StatusCodes.Bad_RequestNotAllowed);
        assertThat(reason(r, CSR_ARG)).contains("equals or imitates the CA");
      }
    } finally {
      TestClients.disconnect(device);
    }
  }

  @Test
  void httpsCertificatesOnlyForRegisteredHostsAndUserTokensNotForAdmin() throws Exception {
    Device d = device("groups");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    try {
      CallMethodResult bank =
          newKeyPair(
              device,
              d.applicationId(),
              GdsNodeIds.DefaultHttpsGroup,
              "CN=www",
              "www.bank.example");
      assertThat(status(bank)).isEqualTo(StatusCodes.Bad_RequestNotAllowed);
      assertThat(reason(bank, NAMES_ARG)).contains("issuance policy of DefaultHttpsGroup");
      // the loopback names are for application certificates, not HTTPS ones
      assertThat(
              status(
                  newKeyPair(
                      device,
                      d.applicationId(),
                      GdsNodeIds.DefaultHttpsGroup,
                      "CN=www",
                      "localhost")))
          .isEqualTo(StatusCodes.Bad_RequestNotAllowed);
      assertThat(
              newKeyPair(device, d.applicationId(), GdsNodeIds.DefaultHttpsGroup, "CN=www", host(d))
                  .getStatusCode()
                  .isGood())
          .isTrue();

      CallMethodResult admin =
          newKeyPair(device, d.applicationId(), GdsNodeIds.DefaultUserTokenGroup, "CN=admin");
      assertThat(status(admin)).isEqualTo(StatusCodes.Bad_RequestNotAllowed);
      assertThat(reason(admin, SUBJECT_ARG)).contains("refuses the common name 'admin'");
      assertThat(
              newKeyPair(device, d.applicationId(), GdsNodeIds.DefaultUserTokenGroup, "CN=jane")
                  .getStatusCode()
                  .isGood())
          .isTrue();
    } finally {
      TestClients.disconnect(device);
    }
  }

  @Test
  void theGdsOwnApplicationUriCannotBeRegistered() throws Exception {
    String own = gds.app().server().applicationUri();
    for (String uri : List.of(own, own.toUpperCase(java.util.Locale.ROOT))) {
      ApplicationRecord impostor =
          new ApplicationRecord(
              null,
              uri,
              ApplicationType.SERVER,
              List.of(new LocalizedName("en", "impostor")),
              "urn:it:product",
              List.of("opc.tcp://impostor.example:4840"),
              List.of());
      CallMethodResult r =
          callDirectory(
              admin, GdsNodeIds.RegisterApplication, new Variant(encode(admin, impostor)));
      assertThat(status(r)).as(uri).isEqualTo(StatusCodes.Bad_RequestNotAllowed);
      assertThat(reason(r, 0)).contains("the GDS's own and reserved");
    }
  }

  // openssl-made CSRs: RSA exponent 3, and a SHA-1 signature
  @Test
  void opensslCsrsWithAWeakExponentOrSha1AreRefused() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is installed");
    Device d = device("openssl");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    try {
      Path e3 = tmp.resolve("e3.pem");
      openssl(
          "genpkey",
          "-algorithm",
          "RSA",
          "-pkeyopt",
          "rsa_keygen_bits:2048",
          "-pkeyopt",
          "rsa_keygen_pubexp:3",
          "-out",
          e3.toString());
      CallMethodResult weak = startSigning(device, d.applicationId(), opensslCsr(e3, d, "-sha256"));
      assertThat(status(weak)).isEqualTo(StatusCodes.Bad_InvalidArgument);
      assertThat(reason(weak, CSR_ARG)).contains("exponent 3");

      Path f4 = tmp.resolve("f4.pem");
      openssl(
          "genpkey",
          "-algorithm",
          "RSA",
          "-pkeyopt",
          "rsa_keygen_bits:2048",
          "-out",
          f4.toString());
      CallMethodResult sha1 = startSigning(device, d.applicationId(), opensslCsr(f4, d, "-sha1"));
      assertThat(status(sha1)).isEqualTo(StatusCodes.Bad_InvalidArgument);
      assertThat(reason(sha1, CSR_ARG)).contains("SHA-256 or better");
      assertThat(
              startSigning(device, d.applicationId(), opensslCsr(f4, d, "-sha256"))
                  .getStatusCode()
                  .isGood())
          .isTrue();
    } finally {
      TestClients.disconnect(device);
    }
  }

  // the profile as the reference GDS issues it: a Server's certificate serves and connects out
  @Test
  void aServersCertificateCarriesServerAuthAndClientAuth() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is installed");
    Device d = device("eku");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    OpcUaClient approver = TestClients.secure(gds, APPROVER, PASSWORD);
    try {
      NodeId req = requestId(startSigning(device, d.applicationId(), csr(rsa(), d.uri())));
      assertThat(approve(approver, req, "ok").getStatusCode().isGood()).isTrue();
      byte[] der = bytes(finish(device, d.applicationId(), req).getOutputArguments()[0]);
      Path cert = tmp.resolve("server.der");
      Files.write(cert, der);
      String text = openssl("x509", "-inform", "DER", "-in", cert.toString(), "-noout", "-text");
      assertThat(text)
          .contains("X509v3 Extended Key Usage")
          .contains("TLS Web Server Authentication")
          .contains("TLS Web Client Authentication");
    } finally {
      TestClients.disconnect(device, approver);
    }
  }

  private byte[] opensslCsr(Path key, Device d, String digest) throws Exception {
    Path out = tmp.resolve(UUID.randomUUID() + ".der");
    openssl(
        "req",
        "-new",
        "-key",
        key.toString(),
        "-subj",
        "/CN=openssl device",
        digest,
        "-addext",
        "subjectAltName=URI:" + d.uri() + ",DNS:localhost",
        "-outform",
        "DER",
        "-out",
        out.toString());
    return Files.readAllBytes(out);
  }

  private static String openssl(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add("/usr/bin/openssl");
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    boolean done = p.waitFor(60, TimeUnit.SECONDS);
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      p.destroyForcibly();
    }
    assertThat(done && p.exitValue() == 0).as("openssl %s: %s", cmd, output).isTrue();
    return output;
  }
}
