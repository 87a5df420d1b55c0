package io.gdsvault.gds.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.testing.GdsIntegrationTest;
import io.gdsvault.gds.testing.TestClients;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.StructureDefinition;
import org.eclipse.milo.opcua.stack.core.types.structured.StructureField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client that knows only the GDS NodeSet (namespace URI and numeric ids) and plain Milo: it
 * browses Objects/Directory, reads the method arguments and the ApplicationRecordDataType
 * definition, and registers an application with an ExtensionObject it encoded byte by byte.
 */
class GenericClientIT extends GdsIntegrationTest {

  private static final String GDS_URI = "http://opcfoundation.org/UA/GDS/";
  private static OpcUaClient generic;
  private static int ns;

  @BeforeAll
  static void genericClient() throws Exception {
    generic =
        TestClients.connectWithoutCodecs(
            gds,
            SecurityPolicy.Aes256_Sha256_RsaPss,
            MessageSecurityMode.SignAndEncrypt,
            new UsernameProvider("admin", gds.adminPassword()),
            TestClients.defaultIdentity());
    ns = generic.readNamespaceTable().getIndex(GDS_URI).intValue();
  }

  @AfterAll
  static void close() {
    TestClients.disconnect(generic);
  }

  @Test
  void theDirectoryIsUnderObjectsWithItsStandardMethodsAndFolders() throws Exception {
    ReferenceDescription directory =
        browse(NodeIds.ObjectsFolder).stream()
            .filter(r -> r.getBrowseName().equals(new QualifiedName(ns, "Directory")))
            .findFirst()
            .orElseThrow();
    assertThat(directory.getNodeId().getIdentifier()).isEqualTo(uint(141));
    assertThat(directory.getTypeDefinition().getIdentifier()).isEqualTo(uint(63));

    NodeId dir = new NodeId(ns, 141);
    List<ReferenceDescription> children = browse(dir);
    assertThat(children)
        .extracting(r -> r.getBrowseName().name())
        .contains(
            "Applications",
            "CertificateGroups",
            "RegisterApplication",
            "UpdateApplication",
            "UnregisterApplication",
            "GetApplication",
            "FindApplications",
            "QueryApplications",
            "QueryServers");
    assertThat(children)
        .filteredOn(r -> r.getNodeClass() == NodeClass.Method)
        .extracting(r -> ((Number) r.getNodeId().getIdentifier()).intValue())
        .contains(146, 200, 149, 216, 143, 992, 151);
  }

  @Test
  void methodArgumentsCarryTheNodeSetNamesAndTypes() throws Exception {
    // InputArguments of RegisterApplication (ns=1;i=147 in the NodeSet)
    Argument[] register = arguments(new NodeId(ns, 147));
    assertThat(register).hasSize(1);
    assertThat(register[0].getName()).isEqualTo("Application");
    assertThat(register[0].getDataType()).isEqualTo(new NodeId(ns, 1));
    assertThat(register[0].getValueRank()).isEqualTo(-1);

    Argument[] query = arguments(new NodeId(ns, 993));
    assertThat(query)
        .extracting(Argument::getName)
        .containsExactly(
            "StartingRecordId",
            "MaxRecordsToReturn",
            "ApplicationName",
            "ApplicationUri",
            "ApplicationType",
            "ProductUri",
            "Capabilities");
    assertThat(query)
        .extracting(Argument::getDataType)
        .containsExactly(
            NodeIds.UInt32,
            NodeIds.UInt32,
            NodeIds.String,
            NodeIds.String,
            NodeIds.UInt32,
            NodeIds.String,
            NodeIds.String);
    assertThat(query[6].getValueRank()).isEqualTo(1);

    Argument[] queryOut = arguments(new NodeId(ns, 994));
    assertThat(queryOut)
        .extracting(Argument::getName)
        .containsExactly("LastCounterResetTime", "NextRecordId", "Applications");
    assertThat(queryOut[2].getDataType()).isEqualTo(NodeIds.ApplicationDescription);
  }

  @Test
  void theDataTypeDefinitionDescribesTheRecordWithTheStandardEncoding() throws Exception {
    DataValue dv = read(new NodeId(ns, 1), AttributeId.DataTypeDefinition);
    StructureDefinition def =
        (StructureDefinition)
            ((ExtensionObject) dv.value().value()).decode(generic.getStaticEncodingContext());
    assertThat(def.getDefaultEncodingId()).isEqualTo(new NodeId(ns, 134));
    assertThat(def.getBaseDataType()).isEqualTo(NodeIds.Structure);
    assertThat(Arrays.stream(def.getFields()).map(StructureField::getName))
        .containsExactly(
            "ApplicationId",
            "ApplicationUri",
            "ApplicationType",
            "ApplicationNames",
            "ProductUri",
            "DiscoveryUrls",
            "ServerCapabilities");
  }

  @Test
  void aHandEncodedRecordRegistersAndReadsBack() throws Exception {
    String uri = "urn:generic:" + UUID.randomUUID();
    byte[] body =
        encodeRecord(uri, 0, "Generic press", "urn:generic:product", "opc.tcp://generic:4840");
    ExtensionObject xo = ExtensionObject.of(ByteString.of(body), new NodeId(ns, 134));

    CallMethodResult res = call(new NodeId(ns, 146), new Variant(xo));
    assertThat(res.getStatusCode().isGood()).as("status %s", res.getStatusCode()).isTrue();
    NodeId id = (NodeId) res.getOutputArguments()[0].value();

    CallMethodResult got = call(new NodeId(ns, 216), new Variant(id));
    assertThat(got.getStatusCode().isGood()).isTrue();
    ExtensionObject back = (ExtensionObject) got.getOutputArguments()[0].value();
    assertThat(back.getEncodingOrTypeId()).isEqualTo(new NodeId(ns, 134));
    byte[] returned = ((ByteString) back.getBody()).bytesOrEmpty();
    // the server fills in the ApplicationId; everything after it is what we sent
    byte[] idPrefix = new byte[19];
    ByteBuffer.wrap(idPrefix).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0x04).putShort((short) ns);
    assertThat(Arrays.copyOfRange(returned, 19, returned.length))
        .isEqualTo(Arrays.copyOfRange(body, 2, body.length));

    // Milo's generic (DataTypeDefinition-driven) codec can decode it as well
    Object dynamic = back.decode(generic.getDynamicEncodingContext());
    assertThat(dynamic.toString()).contains(uri);
  }

  private static List<ReferenceDescription> browse(NodeId node) throws Exception {
    BrowseResult r =
        generic.browse(
            new BrowseDescription(
                node,
                BrowseDirection.Forward,
                NodeIds.HierarchicalReferences,
                true,
                uint(0),
                uint(BrowseResultMask.All.getValue())));
    return r.getReferences() == null ? List.of() : List.of(r.getReferences());
  }

  private static Argument[] arguments(NodeId property) throws Exception {
    Object[] raw = (Object[]) read(property, AttributeId.Value).value().value();
    return Arrays.stream(raw)
        .map(
            o ->
                o instanceof ExtensionObject xo ? xo.decode(generic.getStaticEncodingContext()) : o)
        .toArray(Argument[]::new);
  }

  private static DataValue read(NodeId node, AttributeId attribute) throws Exception {
    return generic.read(
            0.0,
            TimestampsToReturn.Neither,
            List.of(new ReadValueId(node, attribute.uid(), null, null)))
        .getResults()[0];
  }

  private static CallMethodResult call(NodeId method, Variant... in) throws Exception {
    return generic.call(List.of(new CallMethodRequest(new NodeId(ns, 141), method, in)))
        .getResults()[0];
  }

  /** Part 6 binary encoding of ApplicationRecordDataType written field by field. */
  private static byte[] encodeRecord(
      String uri, int type, String name, String product, String url) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x00, 0x00}); // ApplicationId: null NodeId (two-byte encoding)
    string(out, uri);
    int32(out, type);
    int32(out, 1); // ApplicationNames: one LocalizedText
    out.write(0x03); // locale and text present
    string(out, "en");
    string(out, name);
    string(out, product);
    int32(out, 1);
    string(out, url);
    int32(out, 0); // no ServerCapabilities
    return out.toByteArray();
  }

  private static void string(ByteArrayOutputStream out, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    int32(out, b.length);
    out.writeBytes(b);
  }

  private static void int32(ByteArrayOutputStream out, int v) {
    out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
  }
}
