package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.trust.CertificateGroup;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.jspecify.annotations.Nullable;

/**
 * Standard NodeIds of the certificate groups, their TrustList objects and methods (NodeSet 1.05.07:
 * the three default groups lay out their TrustList members at the same offsets from the TrustList
 * id) and the CertificateTypes, with the mapping to the domain's names.
 */
public final class CertificateNodeIds {

  private CertificateNodeIds() {}

  /** Standard certificate groups: name, group id, TrustList id, CertificateTypes property id. */
  public record GroupIds(String name, int group, int trustList, int certificateTypes) {
    public ExpandedNodeId groupId() {
      return GdsNodeIds.gds(group);
    }

    public ExpandedNodeId trustListId() {
      return GdsNodeIds.gds(trustList);
    }

    /**
     * A member of the TrustList: Size +1, Writable +2, UserWritable +3, OpenCount +4, Open +6 ...
     */
    public ExpandedNodeId member(int offset) {
      return GdsNodeIds.gds(trustList + offset);
    }
  }

  public static final List<GroupIds> GROUPS =
      List.of(
          new GroupIds(CertificateGroup.DEFAULT_APPLICATION_GROUP, 615, 616, 648),
          new GroupIds(CertificateGroup.DEFAULT_HTTPS_GROUP, 649, 650, 682),
          new GroupIds(CertificateGroup.DEFAULT_USER_TOKEN_GROUP, 683, 684, 716));

  // offsets of TrustList members from the TrustList id
  public static final int SIZE = 1;
  public static final int WRITABLE = 2;
  public static final int USER_WRITABLE = 3;
  public static final int OPEN_COUNT = 4;
  public static final int OPEN = 6;
  public static final int CLOSE = 9;
  public static final int READ = 11;
  public static final int WRITE = 14;
  public static final int GET_POSITION = 16;
  public static final int SET_POSITION = 19;
  public static final int LAST_UPDATE_TIME = 21;
  public static final int OPEN_WITH_MASKS = 22;
  public static final int CLOSE_AND_UPDATE = 25;
  public static final int ADD_CERTIFICATE = 28;
  public static final int REMOVE_CERTIFICATE = 30;

  /** CertificateType BrowseNames (the domain's type names) and their ns=0 NodeIds. */
  public static final Map<String, NodeId> CERTIFICATE_TYPES =
      Map.of(
          "RsaSha256ApplicationCertificateType", NodeIds.RsaSha256ApplicationCertificateType,
          "EccNistP256ApplicationCertificateType", NodeIds.EccNistP256ApplicationCertificateType,
          "EccNistP384ApplicationCertificateType", NodeIds.EccNistP384ApplicationCertificateType,
          "HttpsCertificateType", NodeIds.HttpsCertificateType,
          "UserCertificateType", new NodeId(0, 19323));

  public static GroupIds group(String name) {
    return GROUPS.stream()
        .filter(g -> g.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no standard ids for group " + name));
  }

  /** The group name of a CertificateGroupId; null NodeId means null (the default group). */
  public static @Nullable String groupName(@Nullable NodeId id, NamespaceTable ns) {
    if (id == null || id.isNull()) {
      return null;
    }
    for (GroupIds g : GROUPS) {
      if (id.equals(GdsNodeIds.resolve(g.groupId(), ns))) {
        return g.name();
      }
    }
    throw GdsException.invalid("unknown CertificateGroupId");
  }

  public static NodeId groupNodeId(String name, NamespaceTable ns) {
    return GdsNodeIds.resolve(group(name).groupId(), ns);
  }

  public static NodeId trustListNodeId(String name, NamespaceTable ns) {
    return GdsNodeIds.resolve(group(name).trustListId(), ns);
  }

  /** The type name of a CertificateTypeId; null NodeId means null (the group's default type). */
  public static @Nullable String typeName(@Nullable NodeId id) {
    if (id == null || id.isNull()) {
      return null;
    }
    return CERTIFICATE_TYPES.entrySet().stream()
        .filter(e -> e.getValue().equals(id))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> GdsException.invalid("unknown CertificateTypeId"));
  }

  public static NodeId typeNodeId(String name) {
    NodeId id = CERTIFICATE_TYPES.get(name);
    if (id == null) {
      throw new IllegalArgumentException("no NodeId for certificate type " + name);
    }
    return id;
  }
}
