package io.gdsvault.gds.opcua.server;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ulong;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort;

import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.opcua.handlers.Arguments;
import io.gdsvault.gds.opcua.handlers.CertificateNodeIds;
import io.gdsvault.gds.opcua.handlers.GdsMethodHandler;
import io.gdsvault.gds.opcua.handlers.HandlerContext;
import io.gdsvault.gds.opcua.trustlist.TrustListCloseHandler;
import io.gdsvault.gds.opcua.trustlist.TrustListFiles;
import io.gdsvault.gds.opcua.trustlist.TrustListGetPositionHandler;
import io.gdsvault.gds.opcua.trustlist.TrustListOpenHandler;
import io.gdsvault.gds.opcua.trustlist.TrustListOpenWithMasksHandler;
import io.gdsvault.gds.opcua.trustlist.TrustListReadHandler;
import io.gdsvault.gds.opcua.trustlist.TrustListReadOnlyHandler;
import io.gdsvault.gds.opcua.trustlist.TrustListSetPositionHandler;
import io.gdsvault.gds.trust.CertificateGroup;
import io.gdsvault.gds.trust.CertificateGroupService;
import io.gdsvault.gds.trust.GroupCertificateType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilters;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Directory/CertificateGroups as the NodeSet declares it, made live: each default group's
 * CertificateTypes, its read-only TrustList's methods, Size, OpenCount and LastUpdateTime.
 */
public final class CertificateGroupNodes {

  private final GdsNamespace ns;
  private final CertificateGroupService groups;
  private final TrustListFiles files;
  private final Map<String, UaVariableNode[]> live = new HashMap<>();

  public CertificateGroupNodes(
      GdsNamespace ns, CertificateGroupService groups, TrustListFiles files) {
    this.ns = ns;
    this.groups = groups;
    this.files = files;
  }

  /**
   * Binds the TrustList methods of each group's NodeSet nodes (after the namespace started), fills
   * in CertificateTypes, Writable and UserWritable, serves OpenCount live and keeps Size and
   * LastUpdateTime current after every trust change.
   */
  public void install() {
    for (CertificateGroup g : groups.groups()) {
      CertificateNodeIds.GroupIds ids = CertificateNodeIds.group(g.name());
      NodeId[] types =
          g.types().stream()
              .map(GroupCertificateType::name)
              .map(CertificateNodeIds::typeNodeId)
              .toArray(NodeId[]::new);
      variable(GdsNodeIds.gds(ids.certificateTypes())).setValue(new DataValue(new Variant(types)));
      variable(ids.member(CertificateNodeIds.WRITABLE)).setValue(new DataValue(new Variant(false)));
      variable(ids.member(CertificateNodeIds.USER_WRITABLE))
          .setValue(new DataValue(new Variant(false)));
      UaVariableNode openCount = variable(ids.member(CertificateNodeIds.OPEN_COUNT));
      String name = g.name();
      openCount
          .getFilterChain()
          .addLast(
              AttributeFilters.getValue(
                  ctx -> new DataValue(new Variant(ushort(files.openCount(name))))));
      live.put(
          g.name(),
          new UaVariableNode[] {
            variable(ids.member(CertificateNodeIds.SIZE)),
            variable(ids.member(CertificateNodeIds.LAST_UPDATE_TIME))
          });
      ns.bindMethods(trustListMethods(ids, g.name()));
    }
    refresh();
    groups.onChange(s -> refresh());
  }

  /** Updates Size and LastUpdateTime of every TrustList. */
  public void refresh() {
    for (CertificateGroup g : groups.groups()) {
      UaVariableNode[] p = live.get(g.name());
      if (p == null) {
        continue;
      }
      p[0].setValue(
          new DataValue(new Variant(ulong(files.encode(g.name(), TrustListFiles.ALL).length))));
      p[1].setValue(new DataValue(new Variant(new DateTime(groups.lastUpdate()))));
    }
  }

  private UaVariableNode variable(ExpandedNodeId id) {
    if (ns.node(id) instanceof UaVariableNode v) {
      return v;
    }
    throw new IllegalStateException("not a variable: " + id);
  }

  private List<MethodBinding> trustListMethods(CertificateNodeIds.GroupIds ids, String group) {
    List<MethodBinding> b = new ArrayList<>(fileMethods(ids, group));
    b.addAll(updateMethods(ids));
    return b;
  }

  /** FileType's reading methods (and Close, SetPosition), served from the group's trust list. */
  private List<MethodBinding> fileMethods(CertificateNodeIds.GroupIds ids, String group) {
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
    return b;
  }

  /** The writing methods, which answer that the GDS's trust lists are read-only. */
  private static List<MethodBinding> updateMethods(CertificateNodeIds.GroupIds ids) {
    Argument handle = Arguments.scalar("FileHandle", NodeIds.UInt32);
    Argument[] none = new Argument[0];
    return List.of(
        readOnly(
            ids,
            CertificateNodeIds.WRITE,
            "Write",
            new Argument[] {handle, Arguments.scalar("Data", NodeIds.ByteString)},
            none),
        readOnly(
            ids,
            CertificateNodeIds.CLOSE_AND_UPDATE,
            "CloseAndUpdate",
            new Argument[] {handle},
            new Argument[] {Arguments.scalar("ApplyChangesRequired", NodeIds.Boolean)}),
        readOnly(
            ids,
            CertificateNodeIds.ADD_CERTIFICATE,
            "AddCertificate",
            new Argument[] {
              Arguments.scalar("Certificate", NodeIds.ByteString),
              Arguments.scalar("IsTrustedCertificate", NodeIds.Boolean)
            },
            none),
        readOnly(
            ids,
            CertificateNodeIds.REMOVE_CERTIFICATE,
            "RemoveCertificate",
            new Argument[] {
              Arguments.scalar("Thumbprint", NodeIds.String),
              Arguments.scalar("IsTrustedCertificate", NodeIds.Boolean)
            },
            none));
  }

  private static MethodBinding readOnly(
      CertificateNodeIds.GroupIds ids, int offset, String name, Argument[] in, Argument[] out) {
    return binding(
        ids,
        offset,
        name,
        in.length > 0,
        out.length > 0,
        (c, n) -> new TrustListReadOnlyHandler(c, n, in, out));
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
}
