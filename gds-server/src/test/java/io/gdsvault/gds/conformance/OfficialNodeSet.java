package io.gdsvault.gds.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The official GDS NodeSet, read at test time from the npm package node-opcua-nodesets (installed
 * under the alias {@code gds-nodeset} in {@code interop/}): never from a copy in this repository.
 * NodeIds are kept as the file writes them ({@code ns=1;i=141}, {@code i=85}), aliases resolved.
 */
public final class OfficialNodeSet {

  /** Where {@code npm ci} in interop/ puts the NodeSet, seen from a module directory. */
  public static final Path INTEROP = Path.of("..", "interop").toAbsolutePath().normalize();

  public static final Path FILE =
      INTEROP.resolve("node_modules/gds-nodeset/nodesets/Opc.Ua.Gds.NodeSet2.xml");

  /** One reference as the NodeSet lists it on its source node. */
  public record Ref(String type, boolean forward, String target) {}

  /** An Argument of an InputArguments/OutputArguments value. */
  public record Arg(String name, String dataType, int valueRank, List<Long> dims, String desc) {}

  /** One node: its element name (UAObject, ...), attributes, references, value and permissions. */
  public record UaNodeXml(
      String nodeClass,
      String nodeId,
      String browseName,
      String displayName,
      String description,
      Map<String, String> attributes,
      List<Ref> references,
      Map<String, Long> rolePermissions,
      Object value,
      List<String[]> definitionFields) {

    public String attribute(String name, String otherwise) {
      return attributes.getOrDefault(name, otherwise);
    }
  }

  private final Map<String, UaNodeXml> nodes;
  private final String version;
  private final String publicationDate;

  private OfficialNodeSet(Map<String, UaNodeXml> nodes, String version, String publicationDate) {
    this.nodes = nodes;
    this.version = version;
    this.publicationDate = publicationDate;
  }

  public static boolean available() {
    return Files.isRegularFile(FILE);
  }

  public static String missingMessage() {
    return "skipped: "
        + FILE
        + " is missing; run `npm ci` in interop/ (it installs node-opcua-nodesets as gds-nodeset)";
  }

  public Map<String, UaNodeXml> nodes() {
    return nodes;
  }

  public String version() {
    return version;
  }

  public String publicationDate() {
    return publicationDate;
  }

  public static OfficialNodeSet load() throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = f.newDocumentBuilder().parse(FILE.toFile());
    Element root = doc.getDocumentElement();
    Map<String, String> aliases = new HashMap<>();
    for (Element a : children(child(root, "Aliases"), "Alias")) {
      aliases.put(a.getAttribute("Alias"), a.getTextContent().trim());
    }
    Element model = child(child(root, "Models"), "Model");
    Map<String, UaNodeXml> out = new LinkedHashMap<>();
    for (Element e : children(root, null)) {
      String tag = e.getLocalName();
      if (!tag.startsWith("UA") || tag.equals("UANodeSet")) {
        continue;
      }
      Map<String, String> attrs = new LinkedHashMap<>();
      for (int i = 0; i < e.getAttributes().getLength(); i++) {
        Node a = e.getAttributes().item(i);
        attrs.put(a.getNodeName(), resolve(a.getNodeValue(), aliases));
      }
      List<Ref> refs = new ArrayList<>();
      for (Element r : children(child(e, "References"), "Reference")) {
        refs.add(
            new Ref(
                resolve(r.getAttribute("ReferenceType"), aliases),
                !"false".equals(r.getAttribute("IsForward")),
                resolve(r.getTextContent().trim(), aliases)));
      }
      Map<String, Long> perms = new LinkedHashMap<>();
      Element rp = child(e, "RolePermissions");
      if (rp != null) {
        for (Element p : children(rp, "RolePermission")) {
          perms.put(
              resolve(p.getTextContent().trim(), aliases),
              Long.parseLong(p.getAttribute("Permissions")));
        }
      }
      List<String[]> fields = new ArrayList<>();
      Element def = child(e, "Definition");
      if (def != null) {
        for (Element fe : children(def, "Field")) {
          fields.add(
              new String[] {
                fe.getAttribute("Name"),
                resolve(fe.getAttribute("DataType"), aliases),
                fe.hasAttribute("ValueRank") ? fe.getAttribute("ValueRank") : "-1"
              });
        }
      }
      out.put(
          attrs.get("NodeId"),
          new UaNodeXml(
              tag,
              attrs.get("NodeId"),
              attrs.get("BrowseName"),
              text(child(e, "DisplayName")),
              text(child(e, "Description")),
              attrs,
              refs,
              perms,
              value(child(e, "Value"), aliases),
              fields));
    }
    return new OfficialNodeSet(
        out, model.getAttribute("Version"), model.getAttribute("PublicationDate"));
  }

  private static Object value(Element v, Map<String, String> aliases) {
    if (v == null) {
      return null;
    }
    Element x = children(v, null).get(0);
    switch (x.getLocalName()) {
      case "ListOfExtensionObject" -> {
        List<Arg> args = new ArrayList<>();
        for (Element xo : children(x, "ExtensionObject")) {
          Element a = child(child(xo, "Body"), "Argument");
          List<Long> dims = new ArrayList<>();
          Element d = child(a, "ArrayDimensions");
          if (d != null) {
            for (Element u : children(d, "UInt32")) {
              dims.add(Long.parseLong(u.getTextContent().trim()));
            }
          }
          Element desc = child(a, "Description");
          args.add(
              new Arg(
                  text(child(a, "Name")),
                  resolve(text(child(child(a, "DataType"), "Identifier")), aliases),
                  Integer.parseInt(text(child(a, "ValueRank"))),
                  dims,
                  desc == null ? "" : text(child(desc, "Text"))));
        }
        return args;
      }
      case "String" -> {
        return x.getTextContent();
      }
      case "Boolean" -> {
        return Boolean.parseBoolean(x.getTextContent().trim());
      }
      case "DateTime" -> {
        return Instant.parse(x.getTextContent().trim());
      }
      case "ListOfInt32" -> {
        List<Integer> l = new ArrayList<>();
        children(x, "Int32").forEach(i -> l.add(Integer.parseInt(i.getTextContent().trim())));
        return l;
      }
      case "ListOfString" -> {
        List<String> l = new ArrayList<>();
        children(x, "String").forEach(i -> l.add(i.getTextContent()));
        return l;
      }
      case "ByteString" -> {
        return Base64.getMimeDecoder().decode(x.getTextContent().trim());
      }
      default -> throw new IllegalStateException("unsupported value " + x.getLocalName());
    }
  }

  private static String resolve(String s, Map<String, String> aliases) {
    return aliases.getOrDefault(s, s);
  }

  private static String text(Element e) {
    return e == null ? "" : e.getTextContent().trim();
  }

  private static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Element e : children(parent, name)) {
      return e;
    }
    return null;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && (name == null || name.equals(e.getLocalName()))) {
        out.add(e);
      }
    }
    return out;
  }
}
