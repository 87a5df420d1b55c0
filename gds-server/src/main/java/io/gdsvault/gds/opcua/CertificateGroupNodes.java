package io.gdsvault.gds.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ulong;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort;

import io.gdsvault.gds.trust.CertificateGroup;
import io.gdsvault.gds.trust.CertificateGroupService;
import io.gdsvault.gds.trust.GroupCertificateType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.server.model.variables.PropertyTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNodeContext;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Builds Directory/CertificateGroups: one CertificateGroupType object per group with its
 * CertificateTypes and a read-only TrustList (TrustListType) at the standard NodeIds, and keeps the
 * TrustList's Size and LastUpdateTime current after every trust change.
 */
public final class CertificateGroupNodes {

  private final GdsNamespace ns;
  private final CertificateGroupService groups;
  private final TrustListFiles files;
  private final Map<String, PropertyTypeNode[]> live = new HashMap<>();

  public CertificateGroupNodes(
      GdsNamespace ns, CertificateGroupService groups, TrustListFiles files) {
    this.ns = ns;
    this.groups = groups;
    this.files = files;
  }

  /** Creates the nodes (after the namespace started) and subscribes to trust changes. */
  public void install() {
    UaNodeContext c = ns.getNodeContext();
    for (CertificateGroup g : groups.groups()) {
      CertificateNodeIds.GroupIds ids = CertificateNodeIds.group(g.name());
      UaObjectNode group =
          UaNodes.object(
              c,
              ns.local(ids.groupId()),
              qn(g.name()),
              NodeIds.CertificateGroupType,
              ns.certificateGroupsFolder(),
              NodeIds.HasComponent);
      NodeId[] types =
          g.types().stream()
              .map(GroupCertificateType::name)
              .map(CertificateNodeIds::typeNodeId)
              .toArray(NodeId[]::new);
      UaNodes.property(
          c,
          group,
          ns.local(
              org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId.parse(
                  "nsu="
                      + io.gdsvault.gds.model.ua.GdsNodeIds.NAMESPACE_URI
                      + ";i="
                      + ids.certificateTypes())),
          new QualifiedName(0, "CertificateTypes"),
          NodeIds.NodeId,
          1,
          types);
      UaObjectNode trustList =
          UaNodes.object(
              c,
              ns.local(ids.trustListId()),
              new QualifiedName(0, "TrustList"),
              NodeIds.TrustListType,
              group,
              NodeIds.HasComponent);
      PropertyTypeNode size =
          UaNodes.property(
              c,
              trustList,
              ns.local(ids.member(CertificateNodeIds.SIZE)),
              new QualifiedName(0, "Size"),
              NodeIds.UInt64,
              -1,
              ulong(0));
      UaNodes.property(
          c,
          trustList,
          ns.local(ids.member(CertificateNodeIds.WRITABLE)),
          new QualifiedName(0, "Writable"),
          NodeIds.Boolean,
          -1,
          false);
      UaNodes.property(
          c,
          trustList,
          ns.local(ids.member(CertificateNodeIds.USER_WRITABLE)),
          new QualifiedName(0, "UserWritable"),
          NodeIds.Boolean,
          -1,
          false);
      PropertyTypeNode openCount =
          UaNodes.property(
              c,
              trustList,
              ns.local(ids.member(CertificateNodeIds.OPEN_COUNT)),
              new QualifiedName(0, "OpenCount"),
              NodeIds.UInt16,
              -1,
              ushort(0));
      PropertyTypeNode lastUpdate =
          UaNodes.property(
              c,
              trustList,
              ns.local(ids.member(CertificateNodeIds.LAST_UPDATE_TIME)),
              new QualifiedName(0, "LastUpdateTime"),
              NodeIds.UtcTime,
              -1,
              DateTime.now());
      live.put(g.name(), new PropertyTypeNode[] {size, lastUpdate, openCount});
      ns.addMethods(trustList, trustListMethods(ids, g.name()));
    }
    refresh();
    groups.onChange(s -> refresh());
  }

  /** Updates Size and LastUpdateTime of every TrustList. */
  public void refresh() {
    for (CertificateGroup g : groups.groups()) {
      PropertyTypeNode[] p = live.get(g.name());
      if (p == null) {
        continue;
      }
      p[0].setValue(
          new DataValue(new Variant(ulong(files.encode(g.name(), TrustListFiles.ALL).length))));
      p[1].setValue(new DataValue(new Variant(new DateTime(groups.lastUpdate()))));
      p[2].setValue(new DataValue(new Variant(ushort(files.openCount(g.name())))));
    }
  }

  private List<MethodBinding> trustListMethods(CertificateNodeIds.GroupIds ids, String group) {
    List<MethodBinding> b = new ArrayList<>();
    b.add(
        binding(
            ids,
            CertificateNodeIds.OPEN,
            "Open",
            true,
            true,
            (c, n) -> new TrustListOpenHandler(c, n, files, group)));
    b.add(
        binding(
            ids,
            CertificateNodeIds.CLOSE,
            "Close",
            true,
            false,
            (c, n) -> new TrustListCloseHandler(c, n, files, group)));
    b.add(
        binding(
            ids,
            CertificateNodeIds.READ,
            "Read",
            true,
            true,
            (c, n) -> new TrustListReadHandler(c, n, files, group)));
    b.add(
        binding(
            ids,
            CertificateNodeIds.GET_POSITION,
            "GetPosition",
            true,
            true,
            (c, n) -> new TrustListGetPositionHandler(c, n, files, group)));
    b.add(
        binding(
            ids,
            CertificateNodeIds.SET_POSITION,
            "SetPosition",
            true,
            false,
            (c, n) -> new TrustListSetPositionHandler(c, n, files, group)));
    b.add(
        binding(
            ids,
            CertificateNodeIds.OPEN_WITH_MASKS,
            "OpenWithMasks",
            true,
            true,
            (c, n) -> new TrustListOpenWithMasksHandler(c, n, files, group)));
    Argument handle = Arguments.scalar("FileHandle", NodeIds.UInt32);
    b.add(
        binding(
            ids,
            CertificateNodeIds.WRITE,
            "Write",
            true,
            false,
            (c, n) ->
                new TrustListReadOnlyHandler(
                    c,
                    n,
                    new Argument[] {handle, Arguments.scalar("Data", NodeIds.ByteString)},
                    new Argument[0])));
    b.add(
        binding(
            ids,
            CertificateNodeIds.CLOSE_AND_UPDATE,
            "CloseAndUpdate",
            true,
            true,
            (c, n) ->
                new TrustListReadOnlyHandler(
                    c,
                    n,
                    new Argument[] {handle},
                    new Argument[] {Arguments.scalar("ApplyChangesRequired", NodeIds.Boolean)})));
    b.add(
        binding(
            ids,
            CertificateNodeIds.ADD_CERTIFICATE,
            "AddCertificate",
            true,
            false,
            (c, n) ->
                new TrustListReadOnlyHandler(
                    c,
                    n,
                    new Argument[] {
                      Arguments.scalar("Certificate", NodeIds.ByteString),
                      Arguments.scalar("IsTrustedCertificate", NodeIds.Boolean)
                    },
                    new Argument[0])));
    b.add(
        binding(
            ids,
            CertificateNodeIds.REMOVE_CERTIFICATE,
            "RemoveCertificate",
            true,
            false,
            (c, n) ->
                new TrustListReadOnlyHandler(
                    c,
                    n,
                    new Argument[] {
                      Arguments.scalar("Thumbprint", NodeIds.String),
                      Arguments.scalar("IsTrustedCertificate", NodeIds.Boolean)
                    },
                    new Argument[0])));
    return b;
  }

  private static MethodBinding binding(
      CertificateNodeIds.GroupIds ids,
      int offset,
      String name,
      boolean in,
      boolean out,
      java.util.function.BiFunction<
              HandlerContext,
              org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode,
              GdsMethodHandler>
          f) {
    return new MethodBinding(
        ids.member(offset),
        name,
        in ? ids.member(offset + 1) : null,
        out ? ids.member(offset + 2) : null,
        f);
  }

  private QualifiedName qn(String name) {
    return new QualifiedName(ns.getNamespaceIndex(), name);
  }
}
