package io.gdsvault.gds.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.cli.ClientIdentity;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.opcua.server.VendorNamespace;
import io.gdsvault.gds.testing.GdsIntegrationTest;
import io.gdsvault.gds.testing.TestClients;
import io.gdsvault.testing.Await;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.encoding.binary.OpcUaBinaryDecoder;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.TrustListDataType;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.junit.jupiter.api.BeforeAll;

/**
 * Shared pieces of the pull-flow integration tests: users with the Part 12 roles, device identities
 * whose certificate carries the registered ApplicationUri, CSRs, TrustList reading and PKIX
 * validation, all through the real Milo client.
 */
abstract class PullSupport extends GdsIntegrationTest {

  static final String PASSWORD = "correct horse battery";

  /** CertificateAuthorityAdmin + DiscoveryAdmin: requests for devices. */
  static final String REQUESTER = "requester";

  /** RegistrationAuthorityAdmin: approves. */
  static final String APPROVER = "approver";

  /** Both roles: must not approve its own requests. */
  static final String BOTH = "both";

  /** Only DiscoveryAdmin: no say over certificates. */
  static final String NOBODY = "nobody";

  @BeforeAll
  static void users() {
    var users = gds.app().users();
    users.addUser(
        Caller.system(),
        REQUESTER,
        PASSWORD.toCharArray(),
        Set.of(Role.CERTIFICATE_AUTHORITY_ADMIN, Role.DISCOVERY_ADMIN));
    users.addUser(
        Caller.system(),
        APPROVER,
        PASSWORD.toCharArray(),
        Set.of(Role.REGISTRATION_AUTHORITY_ADMIN));
    users.addUser(
        Caller.system(),
        BOTH,
        PASSWORD.toCharArray(),
        Set.of(Role.CERTIFICATE_AUTHORITY_ADMIN, Role.REGISTRATION_AUTHORITY_ADMIN));
    users.addUser(Caller.system(), NOBODY, PASSWORD.toCharArray(), Set.of(Role.DISCOVERY_ADMIN));
  }

  /** A device: an application registered by admin and a self-signed certificate with its URI. */
  record Device(NodeId applicationId, String uri, ClientIdentity identity) {}

  static Device device(String name) throws Exception {
    var record = server(name);
    NodeId id = register(record);
    return new Device(id, record.applicationUri(), selfSigned(record.applicationUri(), rsa()));
  }

  static KeyPair rsa() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    return g.generateKeyPair();
  }

  static KeyPair ec(String curve) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec(curve));
    return g.generateKeyPair();
  }

  static ClientIdentity selfSigned(String uri, KeyPair kp) throws Exception {
    X509Certificate cert =
        new SelfSignedCertificateBuilder(kp)
            .setCommonName("device " + UUID.randomUUID())
            .setApplicationUri(uri)
            .addDnsName("localhost")
            .setValidityPeriod(Period.ofDays(30))
            .build();
    return new ClientIdentity(kp, cert, uri);
  }

  /** A client with the identity's certificate, as a user (null: anonymous). */
  static OpcUaClient connect(ClientIdentity identity, String user) throws Exception {
    return TestClients.connect(
        gds,
        SecurityPolicy.Basic256Sha256,
        MessageSecurityMode.SignAndEncrypt,
        user == null ? new AnonymousProvider() : new UsernameProvider(user, PASSWORD),
        identity);
  }

  static byte[] csr(KeyPair kp, String uri) throws Exception {
    ExtensionsGenerator ext = new ExtensionsGenerator();
    ext.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.uniformResourceIdentifier, uri),
              new GeneralName(GeneralName.dNSName, "localhost")
            }));
    var b =
        new JcaPKCS10CertificationRequestBuilder(
            new X500Name("CN=pull test device, O=GDS Vault IT"), kp.getPublic());
    b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
    String alg = "RSA".equals(kp.getPublic().getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
    return b.build(new JcaContentSignerBuilder(alg).build(kp.getPrivate())).getEncoded();
  }

  static int ns(OpcUaClient c) {
    return gdsNs(c);
  }

  static CallMethodResult startSigning(OpcUaClient c, NodeId app, byte[] csr) throws Exception {
    return callDirectory(
        c,
        GdsNodeIds.StartSigningRequest,
        new Variant(app),
        new Variant(NodeId.NULL_VALUE),
        new Variant(NodeId.NULL_VALUE),
        new Variant(ByteString.of(csr)));
  }

  static CallMethodResult startNewKeyPair(OpcUaClient c, NodeId app, String format, String password)
      throws Exception {
    return callDirectory(
        c,
        GdsNodeIds.StartNewKeyPairRequest,
        new Variant(app),
        new Variant(NodeId.NULL_VALUE),
        new Variant(NodeId.NULL_VALUE),
        new Variant("CN=new key pair device, O=GDS Vault IT"),
        new Variant(new String[] {"localhost", "127.0.0.1"}),
        new Variant(format),
        new Variant(password));
  }

  static CallMethodResult finish(OpcUaClient c, NodeId app, NodeId request) throws Exception {
    return callDirectory(c, GdsNodeIds.FinishRequest, new Variant(app), new Variant(request));
  }

  /** Polls FinishRequest while it answers Bad_NothingToDo (key generation is asynchronous). */
  static CallMethodResult finishWhenReady(OpcUaClient c, NodeId app, NodeId request)
      throws Exception {
    return Await.until("FinishRequest past Bad_NothingToDo")
        .atMost(Duration.ofSeconds(10))
        .every(Duration.ofMillis(50))
        .valueUnlessThrown(
            () -> finish(c, app, request),
            r -> r.getStatusCode().getValue() != StatusCodes.Bad_NothingToDo);
  }

  static NodeId requestId(CallMethodResult r) {
    assertThat(r.getStatusCode().isGood()).as("start: %s", r.getStatusCode()).isTrue();
    return (NodeId) r.getOutputArguments()[0].value();
  }

  static CallMethodResult callVendor(
      OpcUaClient c, String objectPath, String methodPath, Variant... inputs) throws Exception {
    NodeId o = VendorNamespace.id(objectPath).toNodeId(c.getNamespaceTable()).orElseThrow();
    NodeId m = VendorNamespace.id(methodPath).toNodeId(c.getNamespaceTable()).orElseThrow();
    return c.call(List.of(new CallMethodRequest(o, m, inputs))).getResults()[0];
  }

  static CallMethodResult approve(OpcUaClient c, NodeId request, String comment) throws Exception {
    return callVendor(
        c,
        "GdsVault.CertificateRequests",
        "GdsVault.CertificateRequests.ApproveRequest",
        new Variant(request.toParseableString()),
        new Variant(comment));
  }

  static CallMethodResult reject(OpcUaClient c, NodeId request, String reason) throws Exception {
    return callVendor(
        c,
        "GdsVault.CertificateRequests",
        "GdsVault.CertificateRequests.RejectRequest",
        new Variant(request.toParseableString()),
        new Variant(reason));
  }

  static long status(CallMethodResult r) {
    return r.getStatusCode().getValue();
  }

  static X509Certificate x509(byte[] der) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  static byte[] bytes(Variant v) {
    return ((ByteString) v.value()).bytesOrEmpty();
  }

  /** Reads a group's TrustList through GetTrustList, OpenWithMasks, Read and Close. */
  static TrustListDataType readTrustList(OpcUaClient c, NodeId app) throws Exception {
    CallMethodResult tl =
        callDirectory(c, GdsNodeIds.GetTrustList, new Variant(app), new Variant(NodeId.NULL_VALUE));
    assertThat(tl.getStatusCode().isGood()).as("GetTrustList %s", tl.getStatusCode()).isTrue();
    NodeId trustList = (NodeId) tl.getOutputArguments()[0].value();
    assertThat(trustList)
        .isEqualTo(
            GdsNodeIds.resolve(
                GdsNodeIds.DefaultApplicationGroup_TrustList, c.getNamespaceTable()));
    return readTrustListNode(c, 616, 15);
  }

  static TrustListDataType readTrustListNode(OpcUaClient c, int trustListId, long masks)
      throws Exception {
    NodeId tl = GdsNodeIds.resolve(GdsNodeIds.gds(trustListId), c.getNamespaceTable());
    NodeId open = GdsNodeIds.resolve(GdsNodeIds.gds(trustListId + 22), c.getNamespaceTable());
    NodeId read = GdsNodeIds.resolve(GdsNodeIds.gds(trustListId + 11), c.getNamespaceTable());
    NodeId close = GdsNodeIds.resolve(GdsNodeIds.gds(trustListId + 9), c.getNamespaceTable());
    CallMethodResult o =
        c.call(List.of(new CallMethodRequest(tl, open, new Variant[] {new Variant(uint(masks))})))
            .getResults()[0];
    assertThat(o.getStatusCode().isGood()).as("OpenWithMasks %s", o.getStatusCode()).isTrue();
    UInteger handle = (UInteger) o.getOutputArguments()[0].value();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    while (true) {
      CallMethodResult r =
          c.call(
                  List.of(
                      new CallMethodRequest(
                          tl, read, new Variant[] {new Variant(handle), new Variant(1000)})))
              .getResults()[0];
      assertThat(r.getStatusCode().isGood()).as("Read %s", r.getStatusCode()).isTrue();
      byte[] chunk = bytes(r.getOutputArguments()[0]);
      if (chunk.length == 0) {
        break;
      }
      all.write(chunk);
    }
    CallMethodResult cl =
        c.call(List.of(new CallMethodRequest(tl, close, new Variant[] {new Variant(handle)})))
            .getResults()[0];
    assertThat(cl.getStatusCode().isGood()).isTrue();
    var ctx = c.getStaticEncodingContext();
    return new TrustListDataType.Codec()
        .decodeType(
            ctx, new OpcUaBinaryDecoder(ctx).setBuffer(Unpooled.wrappedBuffer(all.toByteArray())));
  }

  static List<X509Certificate> certs(ByteString[] list) throws Exception {
    List<X509Certificate> out = new ArrayList<>();
    for (ByteString b : list == null ? new ByteString[0] : list) {
      out.add(x509(b.bytesOrEmpty()));
    }
    return out;
  }

  static List<X509CRL> crls(ByteString[] list) throws Exception {
    List<X509CRL> out = new ArrayList<>();
    for (ByteString b : list == null ? new ByteString[0] : list) {
      out.add(
          (X509CRL)
              CertificateFactory.getInstance("X.509")
                  .generateCRL(new ByteArrayInputStream(b.bytesOrEmpty())));
    }
    return out;
  }

  /** PKIX validation of {@code cert} against the trust list's CAs, with its CRLs checked. */
  static void validate(X509Certificate cert, TrustListDataType trustList) throws Exception {
    Set<TrustAnchor> anchors = new HashSet<>();
    for (X509Certificate ca : certs(trustList.getTrustedCertificates())) {
      anchors.add(new TrustAnchor(ca, null));
    }
    PKIXParameters p = new PKIXParameters(anchors);
    p.setRevocationEnabled(true);
    p.addCertStore(
        CertStore.getInstance(
            "Collection", new CollectionCertStoreParameters(crls(trustList.getTrustedCrls()))));
    CertPathValidator.getInstance("PKIX")
        .validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(cert)), p);
  }
}
