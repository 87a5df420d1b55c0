package io.gdsvault.gds.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.testing.GdsTestServer;
import io.gdsvault.gds.testing.TestClients;
import io.gdsvault.testing.Await;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
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
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowsePath;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowsePathResult;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.RelativePath;
import org.eclipse.milo.opcua.stack.core.types.structured.RelativePathElement;
import org.junit.jupiter.api.Test;

/**
 * The call patterns of other stacks' GDS clients, replayed with a plain Milo client: every
 * Directory method once by its Directory instance id and once by its DirectoryType /
 * CertificateDirectoryType id (Part 4 §5.11.2.2; OPC Foundation .NET master calls them so), the
 * .NET 1.5.378 mix (instance ids, CertificateDirectoryType ids for GetCertificates,
 * CheckRevocationStatus and RevokeCertificate, FileType ids on the TrustList) and the trust list
 * resolved by its standard BrowseNames (node-opcua's ClientFile). On H2 here; on PostgreSQL in
 * {@link PostgresForeignCallPatternsIT}.
 */
class ForeignCallPatternsIT {

  /** Directory method instance ids (NodeSet ns=1) and their MethodDeclaration ids on the types. */
  static final Map<String, int[]> METHODS =
      Map.ofEntries(
          Map.entry("FindApplications", new int[] {143, 15}),
          Map.entry("RegisterApplication", new int[] {146, 18}),
          Map.entry("UpdateApplication", new int[] {200, 188}),
          Map.entry("UnregisterApplication", new int[] {149, 21}),
          Map.entry("GetApplication", new int[] {216, 210}),
          Map.entry("QueryApplications", new int[] {992, 868}),
          Map.entry("QueryServers", new int[] {151, 23}),
          Map.entry("StartSigningRequest", new int[] {157, 79}),
          Map.entry("StartNewKeyPairRequest", new int[] {154, 76}),
          Map.entry("FinishRequest", new int[] {163, 85}),
          Map.entry("RevokeCertificate", new int[] {15005, 15003}),
          Map.entry("GetCertificateGroups", new int[] {508, 369}),
          Map.entry("GetCertificates", new int[] {174, 89}),
          Map.entry("GetTrustList", new int[] {204, 197}),
          Map.entry("GetCertificateStatus", new int[] {225, 222}),
          Map.entry("CheckRevocationStatus", new int[] {177, 126}));

  /** Which id a client uses for a method: 0 the instance's, 1 the type's. */
  interface IdForm {
    int of(String method);
  }

  static final IdForm INSTANCE = m -> 0;
  static final IdForm TYPE = m -> 1;

  /** .NET 1.5.378: the type ids for three of the newer methods, instance ids otherwise. */
  static final IdForm DOTNET_1_5_378 =
      m ->
          m.equals("GetCertificates")
                  || m.equals("CheckRevocationStatus")
                  || m.equals("RevokeCertificate")
              ? 1
              : 0;

  protected Consumer<ObjectNode> database() {
    return t -> {};
  }

  protected GdsTestServer start() throws Exception {
    Consumer<ObjectNode> db = database();
    return GdsTestServer.start(
        t -> {
          ((ObjectNode) t.get("certificates")).put("autoApprove", true);
          db.accept(t);
        });
  }

  @Test
  void everyDirectoryMethodAnswersByItsInstanceIdAndByItsTypeId() throws Exception {
    try (GdsTestServer gds = start()) {
      OpcUaClient c = TestClients.admin(gds);
      try {
        List<String> called = new ArrayList<>();
        pullCycle(c, INSTANCE, called);
        pullCycle(c, TYPE, called);
        assertThat(called).hasSize(2 * METHODS.size());
      } finally {
        TestClients.disconnect(c);
      }
    }
  }

  @Test
  void theDotNet1_5_378PatternAndTheFileTypeIdsOnTheTrustListWork() throws Exception {
    try (GdsTestServer gds = start()) {
      OpcUaClient c = TestClients.admin(gds);
      try {
        List<String> called = new ArrayList<>();
        pullCycle(c, DOTNET_1_5_378, called);
        assertThat(called).hasSize(METHODS.size());
        int ns = ns(c);
        NodeId trustList = new NodeId(ns, 616);
        // ReadTrustList of the .NET client: FileType Open/Read/Close ids on the TrustList object
        byte[] viaFileType = readFile(c, trustList, new NodeId(0, 11580), ubyte(1));
        // Milo 1.2 TrustListReader and .NET master: OpenWithMasks by the TrustListType id
        byte[] viaMasks = readFile(c, trustList, new NodeId(0, 12543), uint(15));
        assertThat(viaFileType).isNotEmpty().isEqualTo(viaMasks);
        // node-opcua ClientFile: Open resolved by its standard BrowseName 0:Open
        BrowsePathResult open =
            c.translateBrowsePaths(
                    List.of(
                        new BrowsePath(
                            trustList,
                            new RelativePath(
                                new RelativePathElement[] {
                                  new RelativePathElement(
                                      org.eclipse.milo.opcua.stack.core.NodeIds
                                          .HierarchicalReferences,
                                      false,
                                      true,
                                      new QualifiedName(0, "Open"))
                                }))))
                .getResults()[0];
        assertThat(open.getStatusCode().isGood()).as("%s", open.getStatusCode()).isTrue();
        assertThat(open.getTargets()[0].getTargetId().toNodeId(c.getNamespaceTable()))
            .contains(new NodeId(ns, 622));
        assertThat(readFile(c, trustList, new NodeId(ns, 622), ubyte(1))).isEqualTo(viaFileType);
      } finally {
        TestClients.disconnect(c);
      }
    }
  }

  /** Register, query, certificate by CSR and new key pair, status, revocation, unregister. */
  private static void pullCycle(OpcUaClient c, IdForm form, List<String> called) throws Exception {
    int ns = ns(c);
    String uri = "urn:foreign:" + UUID.randomUUID();
    ApplicationRecord r =
        new ApplicationRecord(
            null,
            uri,
            ApplicationType.SERVER,
            List.of(LocalizedName.of("Foreign pattern")),
            "urn:foreign:product",
            List.of("opc.tcp://foreign.example:4840"),
            List.of("DA"));
    NodeId app = (NodeId) ok(call(c, form, called, "RegisterApplication", xo(c, r, ns)))[0].value();
    ok(call(c, form, called, "FindApplications", new Variant(uri)));
    ok(call(c, form, called, "GetApplication", new Variant(app)));
    ok(
        call(
            c,
            form,
            called,
            "UpdateApplication",
            xo(c, r.withApplicationId((UUID) app.getIdentifier()), ns)));
    ok(
        call(
            c,
            form,
            called,
            "QueryApplications",
            new Variant(uint(0)),
            new Variant(uint(0)),
            new Variant(""),
            new Variant(""),
            new Variant(uint(0)),
            new Variant(""),
            new Variant(new String[0])));
    ok(
        call(
            c,
            form,
            called,
            "QueryServers",
            new Variant(uint(0)),
            new Variant(uint(0)),
            new Variant(""),
            new Variant(""),
            new Variant(""),
            new Variant(new String[0])));
    ok(
        call(
            c,
            form,
            called,
            "StartSigningRequest",
            new Variant(app),
            new Variant(NodeId.NULL_VALUE),
            new Variant(NodeId.NULL_VALUE),
            new Variant(ByteString.of(csr(uri)))));
    NodeId request =
        (NodeId)
            ok(
                call(
                    c,
                    form,
                    called,
                    "StartNewKeyPairRequest",
                    new Variant(app),
                    new Variant(NodeId.NULL_VALUE),
                    new Variant(NodeId.NULL_VALUE),
                    new Variant("CN=foreign pattern"),
                    new Variant(new String[] {"foreign.example"}),
                    new Variant("PEM"),
                    new Variant("")))[0]
                .value();
    List<String> finishCalls = new ArrayList<>();
    Variant[] finished =
        ok(
            Await.until("FinishRequest past Bad_NothingToDo")
                .atMost(Duration.ofSeconds(60))
                .every(Duration.ofMillis(100))
                .valueUnlessThrown(
                    () ->
                        call(
                            c,
                            form,
                            finishCalls,
                            "FinishRequest",
                            new Variant(app),
                            new Variant(request)),
                    res -> res.getStatusCode().getValue() != StatusCodes.Bad_NothingToDo));
    called.add("FinishRequest");
    byte[] certificate = ((ByteString) finished[0].value()).bytesOrEmpty();
    NodeId[] groups =
        (NodeId[]) ok(call(c, form, called, "GetCertificateGroups", new Variant(app)))[0].value();
    assertThat(groups).contains(new NodeId(ns, 615));
    NodeId trustList =
        (NodeId)
            ok(
                call(
                    c,
                    form,
                    called,
                    "GetTrustList",
                    new Variant(app),
                    new Variant(NodeId.NULL_VALUE)))[0]
                .value();
    assertThat(trustList).isEqualTo(new NodeId(ns, 616));
    ok(
        call(
            c,
            form,
            called,
            "GetCertificateStatus",
            new Variant(app),
            new Variant(NodeId.NULL_VALUE),
            new Variant(NodeId.NULL_VALUE)));
    Variant[] certs =
        ok(
            call(
                c,
                form,
                called,
                "GetCertificates",
                new Variant(app),
                new Variant(NodeId.NULL_VALUE)));
    assertThat((ByteString[]) certs[1].value()).isNotEmpty();
    Variant[] status =
        ok(call(c, form, called, "CheckRevocationStatus", new Variant(ByteString.of(certificate))));
    assertThat(((StatusCode) status[0].value()).isGood()).isTrue();
    assertThat(status[1].value()).isInstanceOf(DateTime.class);
    ok(
        call(
            c,
            form,
            called,
            "RevokeCertificate",
            new Variant(app),
            new Variant(ByteString.of(certificate))));
    Variant[] revoked =
        ok(
            call(
                c,
                INSTANCE,
                new ArrayList<>(),
                "CheckRevocationStatus",
                new Variant(ByteString.of(certificate))));
    assertThat(((StatusCode) revoked[0].value()).getValue())
        .isEqualTo(StatusCodes.Bad_CertificateRevoked);
    ok(call(c, form, called, "UnregisterApplication", new Variant(app)));
  }

  private static byte[] readFile(OpcUaClient c, NodeId file, NodeId openId, Object openArg)
      throws Exception {
    CallMethodResult open =
        c.call(List.of(new CallMethodRequest(file, openId, new Variant[] {new Variant(openArg)})))
            .getResults()[0];
    assertThat(open.getStatusCode().isGood()).as("open %s", open.getStatusCode()).isTrue();
    Object handle = open.getOutputArguments()[0].value();
    CallMethodResult read =
        c.call(
                List.of(
                    new CallMethodRequest(
                        file,
                        new NodeId(0, 11585),
                        new Variant[] {new Variant(handle), new Variant(1 << 20)})))
            .getResults()[0];
    assertThat(read.getStatusCode().isGood()).as("read %s", read.getStatusCode()).isTrue();
    CallMethodResult close =
        c.call(
                List.of(
                    new CallMethodRequest(
                        file, new NodeId(0, 11583), new Variant[] {new Variant(handle)})))
            .getResults()[0];
    assertThat(close.getStatusCode().isGood()).as("close %s", close.getStatusCode()).isTrue();
    return ((ByteString) read.getOutputArguments()[0].value()).bytesOrEmpty();
  }

  private static CallMethodResult call(
      OpcUaClient c, IdForm form, List<String> called, String method, Variant... in)
      throws Exception {
    int ns = ns(c);
    int id = METHODS.get(method)[form.of(method)];
    called.add(method);
    CallMethodResult r =
        c.call(List.of(new CallMethodRequest(new NodeId(ns, 141), new NodeId(ns, id), in)))
            .getResults()[0];
    assertThat(r.getStatusCode().getValue())
        .as("%s by ns=1;i=%d", method, id)
        .isNotEqualTo(StatusCodes.Bad_MethodInvalid);
    return r;
  }

  private static Variant[] ok(CallMethodResult r) {
    assertThat(r.getStatusCode().isGood()).as("status %s", r.getStatusCode()).isTrue();
    return r.getOutputArguments();
  }

  private static Variant xo(OpcUaClient c, ApplicationRecord r, int ns) {
    return new Variant(
        ExtensionObject.encode(c.getStaticEncodingContext(), ApplicationRecordMapper.toUa(r, ns)));
  }

  private static int ns(OpcUaClient c) {
    return c.getNamespaceTable().getIndex(GdsNodeIds.NAMESPACE_URI).intValue();
  }

  /** A PKCS#10 request (RSA 2048, the default type of the group) with the application's SAN URI. */
  static byte[] csr(String uri) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair kp = g.generateKeyPair();
    ExtensionsGenerator ext = new ExtensionsGenerator();
    ext.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, uri)));
    return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=foreign csr"), kp.getPublic())
        .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate())
        .build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate()))
        .getEncoded();
  }
}
