#!/usr/bin/env python3
"""Generates GdsNodeSetNodes.java: the nodes of the OPC UA GDS NodeSet that the GDS serves.

Run once per NodeSet release, from the repository root, after `npm ci` in interop/:

    python3 gds-server/src/main/scripts/generate_gds_nodeset.py

It reads the NodeSet shipped by the npm package node-opcua-nodesets (interop/node_modules/
gds-nodeset/nodesets/Opc.Ua.Gds.NodeSet2.xml), keeps every node except the instances of services
GDS Vault does not offer (KeyCredentialManagement, AuthorizationServices), and writes one NodeSpec
per node. The output is committed; the XML is not. Then run `mvn spotless:apply`.
"""
import base64
import os
import sys
import xml.etree.ElementTree as ET

# gds-server/src/main/scripts/ -> the repository root
ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", ".."))
SOURCE = os.path.join(ROOT, "interop", "node_modules", "gds-nodeset", "nodesets", "Opc.Ua.Gds.NodeSet2.xml")
TARGET = os.path.join(ROOT, "gds-server", "src", "main", "java", "io", "gdsvault", "gds", "opcua",
                      "server", "GdsNodeSetNodes.java")
U = "{http://opcfoundation.org/UA/2011/03/UANodeSet.xsd}"
T = "{http://opcfoundation.org/UA/2008/02/Types.xsd}"
# instances of services GDS Vault does not implement: not served (see docs/conformance.md)
NOT_SERVED = {"ns=1;i=1008", "ns=1;i=959"}
CLASSES = {"UAObject": "Object", "UAObjectType": "ObjectType", "UAMethod": "Method",
           "UAVariable": "Variable", "UADataType": "DataType"}


def short(node_id, aliases):
    """'ns=1;i=141' -> '1:141', 'i=85' -> '0:85' (numeric ids only in this NodeSet)."""
    node_id = aliases.get(node_id, node_id)
    ns = 0
    if node_id.startswith("ns="):
        ns_part, node_id = node_id.split(";", 1)
        ns = int(ns_part[3:])
    if not node_id.startswith("i="):
        raise SystemExit("non-numeric NodeId " + node_id)
    return "%d:%s" % (ns, node_id[2:])


def qualified(name):
    """'1:Directory' stays, 'Open' -> '0:Open'."""
    head, sep, tail = name.partition(":")
    return name if sep and head.isdigit() else "0:" + name


def java(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def value_expr(v, aliases):
    if v is None:
        return "null"
    items = list(v)
    if len(items) != 1:
        raise SystemExit("unexpected value shape")
    x = items[0]
    tag = x.tag.replace(T, "")
    if tag == "ListOfExtensionObject":
        args = []
        for xo in x:
            a = xo.find(T + "Body/" + T + "Argument")
            dims = [d.text for d in a.findall(T + "ArrayDimensions/" + T + "UInt32")]
            desc = a.find(T + "Description/" + T + "Text")
            args.append("new NodeSpec.ArgumentSpec(%s, %s, %s, %s, %s)" % (
                java(a.find(T + "Name").text),
                java(short(a.find(T + "DataType/" + T + "Identifier").text, aliases)),
                a.find(T + "ValueRank").text,
                java(",".join(dims)),
                "null" if desc is None else java(desc.text or "")))
        return "new NodeSpec.ArgumentSpec[] {" + ", ".join(args) + "}"
    if tag == "String":
        return java(x.text or "")
    if tag == "Boolean":
        return "true" if x.text.strip() == "true" else "false"
    if tag == "DateTime":
        return "java.time.Instant.parse(%s)" % java(x.text.strip())
    if tag == "ListOfInt32":
        return "new Integer[] {" + ", ".join(i.text for i in x) + "}"
    if tag == "ListOfString":
        return "new String[] {" + ", ".join(java(i.text or "") for i in x) + "}"
    if tag == "ByteString":
        raw = base64.b64decode("".join(x.text.split()))
        b64 = base64.b64encode(raw).decode()
        chunks = [b64[i:i + 80] for i in range(0, len(b64), 80)]
        return "new NodeSpec.Base64Value(" + " + ".join(java(c) for c in chunks) + ")"
    raise SystemExit("unsupported value " + tag)


def main():
    root = ET.parse(SOURCE).getroot()
    aliases = {a.get("Alias"): a.text for a in root.find(U + "Aliases")}
    model = root.find(U + "Models/" + U + "Model")
    nodes = [n for n in root if n.tag.replace(U, "") in CLASSES and n.get("NodeId") not in NOT_SERVED]
    specs = []
    for n in nodes:
        refs = []
        for r in n.find(U + "References"):
            target = r.get("IsForward", "true") == "true"
            if r.text in NOT_SERVED:
                continue
            refs.append(("" if target else "!") + short(r.get("ReferenceType"), aliases).split(":")[1]
                        + ">" + short(r.text.strip(), aliases))
        rp = n.find(U + "RolePermissions")
        perms = "" if rp is None else " ".join(
            short(p.text.strip(), aliases) + "=" + p.get("Permissions") for p in rp)
        desc = n.find(U + "Description")
        cls = n.tag.replace(U, "")
        specs.append("new NodeSpec(NodeClass.%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)" % (
            CLASSES[cls],
            java(short(n.get("NodeId"), aliases)),
            java(qualified(n.get("BrowseName"))),
            java(n.find(U + "DisplayName").text),
            "null" if desc is None else java(desc.text),
            java(" ".join(refs)),
            "true" if n.get("IsAbstract") == "true" else "false",
            "null" if cls != "UAVariable" else java(short(n.get("DataType", "i=24"), aliases)),
            n.get("ValueRank", "-1"),
            java(n.get("ArrayDimensions", "")),
            n.get("AccessLevel", "1"),
            n.get("AccessRestrictions", "-1"),
            java(perms),
            "false" if n.get("Executable") == "false" else "true",
            value_expr(n.find(U + "Value"), aliases)))
    parts = [specs[i:i + 40] for i in range(0, len(specs), 40)]
    out = []
    out.append("package io.gdsvault.gds.opcua.server;\n")
    out.append("import java.util.ArrayList;")
    out.append("import java.util.List;")
    out.append("import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;\n")
    out.append("/**")
    out.append(" * The nodes of the OPC UA GDS NodeSet %s (%s) that the GDS serves, as written by {@code"
               % (model.get("Version"), model.get("PublicationDate")[:10]))
    out.append(" * gds-server/src/main/scripts/generate_gds_nodeset.py}: generated, do not edit. Not served:")
    out.append(" * KeyCredentialManagement ({@code i=1008}) and AuthorizationServices ({@code i=959}).")
    out.append(" */")
    out.append("final class GdsNodeSetNodes {\n")
    out.append("  /** The NodeSet's model version. */")
    out.append("  static final String VERSION = %s;\n" % java(model.get("Version")))
    out.append("  /** The NodeSet's publication date. */")
    out.append("  static final String PUBLICATION_DATE = %s;\n" % java(model.get("PublicationDate")))
    out.append("  private GdsNodeSetNodes() {}\n")
    out.append("  static List<NodeSpec> nodes() {")
    out.append("    List<NodeSpec> out = new ArrayList<>();")
    for i in range(len(parts)):
        out.append("    part%d(out);" % i)
    out.append("    return out;")
    out.append("  }")
    for i, p in enumerate(parts):
        out.append("\n  private static void part%d(List<NodeSpec> out) {" % i)
        for s in p:
            out.append("    out.add(%s);" % s)
        out.append("  }")
    out.append("}")
    with open(TARGET, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print("wrote %d nodes to %s" % (len(specs), os.path.relpath(TARGET, ROOT)), file=sys.stderr)


if __name__ == "__main__":
    main()
