package io.gdsvault.gds.conformance;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.conformance.OfficialNodeSet.Arg;
import io.gdsvault.gds.conformance.OfficialNodeSet.Ref;
import io.gdsvault.gds.conformance.OfficialNodeSet.UaNodeXml;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.AccessRestrictionType;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.RolePermissionType;
import org.eclipse.milo.opcua.stack.core.types.structured.StructureDefinition;
import org.eclipse.milo.opcua.stack.core.types.structured.StructureField;

/**
 * Compares what a running GDS serves with the official GDS NodeSet, node by node: NodeClass,
 * BrowseName with its namespace, DisplayName, Description, IsAbstract, every reference (type,
 * direction, target), DataType, ValueRank, ArrayDimensions, AccessLevel, Executable,
 * AccessRestrictions, RolePermissions, the DataTypeDefinition and the values the NodeSet gives
 * (Arguments field by field). Instance variables the NodeSet gives no value must have one. Returns
 * one line per difference, NodeIds written as in the NodeSet file ({@code ns=1} is the GDS
 * namespace).
 */
public final class AddressSpaceConformance {

  private final OpcUaClient client;
  private final OfficialNodeSet nodeSet;
  private final int gds;

  public AddressSpaceConformance(OpcUaClient client, OfficialNodeSet nodeSet) {
    this.client = client;
    this.nodeSet = nodeSet;
    this.gds = client.getNamespaceTable().getIndex("http://opcfoundation.org/UA/GDS/").intValue();
  }

  /** Every difference, sorted. */
  public List<String> differences() throws Exception {
    Set<String> out = new TreeSet<>();
    List<UaNodeXml> nodes = new ArrayList<>(nodeSet.nodes().values());
    Map<String, Set<Ref>> expectedRefs = expectedReferences();
    for (int i = 0; i < nodes.size(); i += 50) {
      List<UaNodeXml> batch = nodes.subList(i, Math.min(nodes.size(), i + 50));
      compareAttributes(batch, out);
      compareReferences(batch, expectedRefs, out);
    }
    return new ArrayList<>(out);
  }

  // ---- references

  private Map<String, Set<Ref>> expectedReferences() {
    Map<String, Set<Ref>> m = new LinkedHashMap<>();
    for (UaNodeXml n : nodeSet.nodes().values()) {
      for (Ref r : n.references()) {
        m.computeIfAbsent(n.nodeId(), k -> new LinkedHashSet<>()).add(r);
        if (nodeSet.nodes().containsKey(r.target())) {
          m.computeIfAbsent(r.target(), k -> new LinkedHashSet<>())
              .add(new Ref(r.type(), !r.forward(), n.nodeId()));
        }
      }
    }
    return m;
  }

  private void compareReferences(
      List<UaNodeXml> batch, Map<String, Set<Ref>> expected, Set<String> out) throws Exception {
    List<BrowseDescription> bds = new ArrayList<>();
    for (UaNodeXml n : batch) {
      bds.add(
          new BrowseDescription(
              served(n.nodeId()),
              BrowseDirection.Both,
              NodeIds.References,
              true,
              uint(0),
              uint(BrowseResultMask.All.getValue())));
    }
    List<BrowseResult> results = client.browse(bds);
    for (int i = 0; i < batch.size(); i++) {
      UaNodeXml n = batch.get(i);
      BrowseResult r = results.get(i);
      if (r.getStatusCode().isBad()) {
        if (r.getStatusCode().value() == StatusCodes.Bad_NodeIdUnknown) {
          continue; // reported once by the attribute check
        }
        out.add(line(n, "browse", "status " + r.getStatusCode()));
        continue;
      }
      Set<Ref> actual = new HashSet<>();
      for (ReferenceDescription d :
          r.getReferences() == null ? new ReferenceDescription[0] : r.getReferences()) {
        actual.add(
            new Ref(written(d.getReferenceTypeId()), d.getIsForward(), written(d.getNodeId())));
      }
      Set<Ref> want = expected.getOrDefault(n.nodeId(), Set.of());
      for (Ref ref : want) {
        if (!actual.contains(ref)) {
          out.add(line(n, "reference missing", describe(ref)));
        }
      }
      for (Ref ref : actual) {
        if (!want.contains(ref)) {
          out.add(line(n, "reference extra", describe(ref)));
        }
      }
    }
  }

  private static String describe(Ref r) {
    return (r.forward() ? "" : "inverse ") + r.type() + " " + r.target();
  }

  // ---- attributes

  private record Read(UaNodeXml node, AttributeId attribute) {}

  private void compareAttributes(List<UaNodeXml> batch, Set<String> out) throws Exception {
    List<Read> reads = new ArrayList<>();
    for (UaNodeXml n : batch) {
      for (AttributeId a :
          List.of(
              AttributeId.NodeClass,
              AttributeId.BrowseName,
              AttributeId.DisplayName,
              AttributeId.Description,
              AttributeId.RolePermissions,
              AttributeId.AccessRestrictions)) {
        reads.add(new Read(n, a));
      }
      switch (n.nodeClass()) {
        case "UAObjectType", "UADataType" -> {
          reads.add(new Read(n, AttributeId.IsAbstract));
          if (n.nodeClass().equals("UADataType")) {
            reads.add(new Read(n, AttributeId.DataTypeDefinition));
          }
        }
        case "UAVariable" -> {
          for (AttributeId a :
              List.of(
                  AttributeId.Value,
                  AttributeId.DataType,
                  AttributeId.ValueRank,
                  AttributeId.ArrayDimensions,
                  AttributeId.AccessLevel)) {
            reads.add(new Read(n, a));
          }
        }
        case "UAMethod" -> reads.add(new Read(n, AttributeId.Executable));
        default -> {}
      }
    }
    List<ReadValueId> ids = new ArrayList<>();
    for (Read r : reads) {
      ids.add(
          new ReadValueId(
              served(r.node().nodeId()), r.attribute().uid(), null, QualifiedName.NULL_VALUE));
    }
    DataValue[] values = client.read(0.0, TimestampsToReturn.Neither, ids).getResults();
    Set<String> unknown = new HashSet<>();
    for (int i = 0; i < reads.size(); i++) {
      UaNodeXml n = reads.get(i).node();
      if (unknown.contains(n.nodeId())) {
        continue;
      }
      DataValue v = values[i];
      if (v.statusCode() != null && v.statusCode().value() == StatusCodes.Bad_NodeIdUnknown) {
        unknown.add(n.nodeId());
        out.add(line(n, "node", "not served"));
        continue;
      }
      compare(n, reads.get(i).attribute(), v, out);
    }
  }

  private void compare(UaNodeXml n, AttributeId a, DataValue dv, Set<String> out) {
    Object v = dv.value().value();
    boolean good = dv.statusCode() == null || dv.statusCode().isGood();
    switch (a) {
      case NodeClass -> {
        String want = n.nodeClass().substring(2);
        NodeClass nc =
            v instanceof NodeClass c
                ? c
                : v instanceof Number num ? NodeClass.from(num.intValue()) : null;
        if (nc == null || !nc.name().equals(want)) {
          out.add(line(n, "NodeClass", "expected " + want + ", served " + v));
        }
      }
      case BrowseName -> {
        QualifiedName want = qualified(n.browseName());
        if (!want.equals(v)) {
          out.add(line(n, "BrowseName", "expected " + n.browseName() + ", served " + written(v)));
        }
      }
      case DisplayName -> {
        String served = v instanceof LocalizedText t ? Objects.toString(t.text(), "") : "";
        if (!served.equals(n.displayName())) {
          out.add(line(n, "DisplayName", "expected " + n.displayName() + ", served " + served));
        }
      }
      case Description -> {
        String served = v instanceof LocalizedText t ? Objects.toString(t.text(), "") : "";
        if (!served.equals(n.description())) {
          out.add(
              line(
                  n, "Description", "expected '" + n.description() + "', served '" + served + "'"));
        }
      }
      case IsAbstract -> {
        boolean want = Boolean.parseBoolean(n.attribute("IsAbstract", "false"));
        if (!Objects.equals(v, want)) {
          out.add(line(n, "IsAbstract", "expected " + want + ", served " + v));
        }
      }
      case DataType -> {
        String want = n.attribute("DataType", "i=24");
        if (!want.equals(written(v))) {
          out.add(line(n, "DataType", "expected " + want + ", served " + written(v)));
        }
      }
      case ValueRank -> {
        int want = Integer.parseInt(n.attribute("ValueRank", "-1"));
        if (!Objects.equals(v, want)) {
          out.add(line(n, "ValueRank", "expected " + want + ", served " + v));
        }
      }
      case ArrayDimensions -> {
        List<Long> want = new ArrayList<>();
        String dims = n.attribute("ArrayDimensions", "");
        if (!dims.isEmpty()) {
          for (String d : dims.split(",", -1)) {
            want.add(Long.parseLong(d.trim()));
          }
        }
        List<Long> served = longs(v);
        if (!want.equals(served)) {
          out.add(line(n, "ArrayDimensions", "expected " + want + ", served " + served));
        }
      }
      case AccessLevel -> {
        long want = Long.parseLong(n.attribute("AccessLevel", "1"));
        if (!(v instanceof Number num) || num.longValue() != want) {
          out.add(line(n, "AccessLevel", "expected " + want + ", served " + v));
        }
      }
      case Executable -> {
        boolean want = !"false".equals(n.attribute("Executable", "true"));
        if (!Objects.equals(v, want)) {
          out.add(line(n, "Executable", "expected " + want + ", served " + v));
        }
      }
      case AccessRestrictions -> {
        long want = Long.parseLong(n.attribute("AccessRestrictions", "0"));
        long served =
            v instanceof AccessRestrictionType t
                ? t.getValue().longValue()
                : v instanceof Number num ? num.longValue() : 0;
        if (want != served
            || (!good && dv.statusCode().value() != StatusCodes.Bad_AttributeIdInvalid)) {
          out.add(
              line(
                  n,
                  "AccessRestrictions",
                  "expected " + want + ", served " + (good ? served : dv.statusCode())));
        }
      }
      case RolePermissions -> {
        Map<String, Long> served = new LinkedHashMap<>();
        if (v instanceof Object[] rps) {
          for (Object o : rps) {
            RolePermissionType rp =
                o instanceof ExtensionObject xo
                    ? (RolePermissionType) xo.decode(client.getStaticEncodingContext())
                    : (RolePermissionType) o;
            served.put(written(rp.getRoleId()), rp.getPermissions().getValue().longValue());
          }
        }
        if (!served.equals(n.rolePermissions())) {
          out.add(
              line(n, "RolePermissions", "expected " + n.rolePermissions() + ", served " + served));
        }
      }
      case DataTypeDefinition -> {
        List<String> want = new ArrayList<>();
        n.definitionFields().forEach(f -> want.add(f[0] + ":" + f[1] + ":" + f[2]));
        List<String> served = new ArrayList<>();
        if (v instanceof ExtensionObject xo
            && xo.decode(client.getStaticEncodingContext()) instanceof StructureDefinition sd) {
          for (StructureField f : sd.getFields()) {
            served.add(f.getName() + ":" + written(f.getDataType()) + ":" + f.getValueRank());
          }
        }
        if (!want.equals(served)) {
          out.add(line(n, "DataTypeDefinition", "expected " + want + ", served " + served));
        }
      }
      case Value -> compareValue(n, dv, out);
      default -> {}
    }
  }

  private void compareValue(UaNodeXml n, DataValue dv, Set<String> out) {
    Object v = dv.value().value();
    Object want = n.value();
    if (want == null) {
      boolean declaration = n.references().stream().anyMatch(r -> r.type().equals("i=37"));
      if (!declaration && (v == null || !dv.statusCode().isGood())) {
        out.add(line(n, "Value", "no value served (status " + dv.statusCode() + ", " + dv + ")"));
      }
      return;
    }
    Object served = comparable(v);
    if (want instanceof byte[] b) {
      want = Arrays.toString(b);
      served = served instanceof byte[] sb ? Arrays.toString(sb) : served;
    }
    if (!Objects.equals(want, served)) {
      out.add(line(n, "Value", "expected " + want + ", served " + served));
    }
  }

  private Object comparable(Object v) {
    if (v instanceof ExtensionObject[] xos) {
      List<Arg> args = new ArrayList<>();
      for (ExtensionObject xo : xos) {
        args.add(arg((Argument) xo.decode(client.getStaticEncodingContext())));
      }
      return args;
    }
    if (v instanceof Argument[] a) {
      List<Arg> args = new ArrayList<>();
      Arrays.stream(a).forEach(x -> args.add(arg(x)));
      return args;
    }
    if (v instanceof DateTime t) {
      return t.getJavaInstant();
    }
    if (v instanceof ByteString b) {
      return b.bytesOrEmpty();
    }
    if (v instanceof Object[] array) {
      return Arrays.asList(array);
    }
    return v;
  }

  private Arg arg(Argument a) {
    LocalizedText d = a.getDescription();
    return new Arg(
        a.getName(),
        written(a.getDataType()),
        a.getValueRank(),
        longs(a.getArrayDimensions()),
        d == null ? "" : Objects.toString(d.text(), ""));
  }

  private static List<Long> longs(Object v) {
    List<Long> out = new ArrayList<>();
    if (v instanceof UInteger[] dims) {
      Arrays.stream(dims).forEach(d -> out.add(d.longValue()));
    }
    return out;
  }

  // ---- ids

  private NodeId served(String written) {
    int ns = 0;
    String id = written;
    if (written.startsWith("ns=")) {
      ns = Integer.parseInt(written.substring(3, written.indexOf(';'))) == 1 ? gds : -1;
      id = written.substring(written.indexOf(';') + 1);
    }
    return new NodeId(ns, uint(Long.parseLong(id.substring(2))));
  }

  private QualifiedName qualified(String name) {
    int colon = name.indexOf(':');
    if (colon > 0 && name.substring(0, colon).chars().allMatch(Character::isDigit)) {
      return new QualifiedName(gds, name.substring(colon + 1));
    }
    return new QualifiedName(0, name);
  }

  private String written(Object id) {
    if (id instanceof ExpandedNodeId x) {
      return x.toNodeId(client.getNamespaceTable())
          .map(this::written)
          .orElse(x.toParseableString());
    }
    if (id instanceof QualifiedName q) {
      return q.namespaceIndex().intValue() == 0
          ? q.name()
          : (q.namespaceIndex().intValue() == gds ? "1:" : q.namespaceIndex() + "?:") + q.name();
    }
    if (id instanceof NodeId n) {
      String local = n.toParseableString().replaceFirst("^ns=\\d+;", "");
      int ns = n.getNamespaceIndex().intValue();
      return ns == 0 ? local : ns == gds ? "ns=1;" + local : n.toParseableString() + "(foreign)";
    }
    return String.valueOf(id);
  }

  private static String line(UaNodeXml n, String aspect, String detail) {
    return n.nodeId() + " " + n.browseName() + " " + aspect + ": " + detail;
  }
}
