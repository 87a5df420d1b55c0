package io.gdsvault.gds.opcua.server;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.ChannelSecurity;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.opcua.security.CallerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.structured.RolePermissionType;
import org.jspecify.annotations.Nullable;

/**
 * UserExecutable and UserRolePermissions computed for the caller of each session: UserExecutable
 * says whether this caller, on this channel, may call the method (the rule the handler enforces);
 * UserRolePermissions are the node's RolePermissions for the roles the session holds. Every session
 * holds Anonymous (what anyone may do, an authenticated user may do too), an authenticated one
 * AuthenticatedUser as well, plus the well-known roles of its user.
 */
final class AccessAttributes {

  /** Who may call a method. */
  enum Rule {
    /** Nobody: the GDS does not offer it (read-only trust lists, role management). */
    NOBODY,
    /** Any caller on a SignAndEncrypt channel. */
    ENCRYPTED,
    /** DiscoveryAdmin on a SignAndEncrypt channel. */
    DISCOVERY_ADMIN,
    /**
     * CertificateAuthorityAdmin, or an application acting for itself (ApplicationSelfAdmin: a
     * SignAndEncrypt channel with an application certificate, which the method checks against the
     * ApplicationId).
     */
    CERTIFICATE_ADMIN_OR_SELF
  }

  static final NodeId ANONYMOUS = new NodeId(0, 15644);
  static final NodeId AUTHENTICATED_USER = new NodeId(0, 15656);
  static final NodeId SECURITY_ADMIN = new NodeId(0, 15704);

  private static final Map<String, Rule> DIRECTORY =
      Map.ofEntries(
          Map.entry("FindApplications", Rule.ENCRYPTED),
          Map.entry("GetApplication", Rule.ENCRYPTED),
          Map.entry("QueryApplications", Rule.ENCRYPTED),
          Map.entry("QueryServers", Rule.ENCRYPTED),
          Map.entry("CheckRevocationStatus", Rule.ENCRYPTED),
          Map.entry("RegisterApplication", Rule.DISCOVERY_ADMIN),
          Map.entry("UpdateApplication", Rule.DISCOVERY_ADMIN),
          Map.entry("UnregisterApplication", Rule.DISCOVERY_ADMIN),
          Map.entry("StartSigningRequest", Rule.CERTIFICATE_ADMIN_OR_SELF),
          Map.entry("StartNewKeyPairRequest", Rule.CERTIFICATE_ADMIN_OR_SELF),
          Map.entry("FinishRequest", Rule.CERTIFICATE_ADMIN_OR_SELF),
          Map.entry("RevokeCertificate", Rule.CERTIFICATE_ADMIN_OR_SELF),
          Map.entry("GetCertificateGroups", Rule.CERTIFICATE_ADMIN_OR_SELF),
          Map.entry("GetCertificates", Rule.CERTIFICATE_ADMIN_OR_SELF),
          Map.entry("GetTrustList", Rule.CERTIFICATE_ADMIN_OR_SELF),
          Map.entry("GetCertificateStatus", Rule.CERTIFICATE_ADMIN_OR_SELF));

  private static final Set<String> TRUST_LIST_READ =
      Set.of("Open", "Read", "Close", "GetPosition", "SetPosition", "OpenWithMasks");

  private final CallerFactory callers;
  private final NamespaceTable namespaces;

  AccessAttributes(CallerFactory callers, NamespaceTable namespaces) {
    this.callers = callers;
    this.namespaces = namespaces;
  }

  /** Installs the filters on the served NodeSet nodes. */
  void install(Map<NodeId, UaNode> nodes) {
    Set<NodeId> directories =
        Set.of(
            GdsNodeIds.resolve(GdsNodeIds.Directory, namespaces),
            GdsNodeIds.resolve(GdsNodeIds.DirectoryType, namespaces),
            GdsNodeIds.resolve(GdsNodeIds.CertificateDirectoryType, namespaces));
    for (UaNode n : nodes.values()) {
      if (n instanceof UaMethodNode m) {
        Rule rule = rule(m, directories, nodes);
        m.getFilterChain().addLast(userExecutable(rule));
      }
      RolePermissionType[] permissions = n.getRolePermissions();
      if (permissions != null && permissions.length > 0) {
        n.getFilterChain().addLast(userRolePermissions());
      }
    }
  }

  private Rule rule(UaMethodNode m, Set<NodeId> directories, Map<NodeId, UaNode> nodes) {
    NodeId parent = parent(m);
    String name = String.valueOf(m.getBrowseName().name());
    if (parent != null && directories.contains(parent)) {
      return DIRECTORY.getOrDefault(name, Rule.NOBODY);
    }
    UaNode p = parent == null ? null : nodes.get(parent);
    boolean trustList =
        p != null
            && p.getReferences().stream()
                .anyMatch(
                    r ->
                        r.isForward()
                            && r.getReferenceTypeId().equals(NodeIds.HasTypeDefinition)
                            && r.getTargetNodeId().equals(NodeIds.TrustListType.expanded()));
    if (trustList && m.getBrowseName().namespaceIndex().intValue() == 0) {
      return TRUST_LIST_READ.contains(name) ? Rule.ENCRYPTED : Rule.NOBODY;
    }
    return Rule.NOBODY;
  }

  private static @Nullable NodeId parent(UaMethodNode m) {
    for (Reference r : m.getReferences()) {
      if (r.isInverse() && r.getReferenceTypeId().equals(NodeIds.HasComponent)) {
        return r.getTargetNodeId().toNodeId(m.getNodeContext().getNamespaceTable()).orElse(null);
      }
    }
    return null;
  }

  /** Whether the caller may call a method of this rule. */
  static boolean allowed(Rule rule, Caller caller) {
    boolean encrypted = caller.channelSecurity() == ChannelSecurity.SIGN_AND_ENCRYPT;
    return switch (rule) {
      case NOBODY -> false;
      case ENCRYPTED -> encrypted;
      case DISCOVERY_ADMIN -> encrypted && caller.hasRole(Role.DISCOVERY_ADMIN);
      case CERTIFICATE_ADMIN_OR_SELF ->
          encrypted
              && (caller.hasRole(Role.CERTIFICATE_AUTHORITY_ADMIN)
                  || caller.clientCertificateThumbprint() != null);
    };
  }

  /** The role NodeIds a caller holds. */
  List<NodeId> roleIds(Caller caller) {
    List<NodeId> out = new ArrayList<>(List.of(ANONYMOUS));
    if (!caller.isAnonymous()) {
      out.add(AUTHENTICATED_USER);
    }
    for (Role r : caller.roles()) {
      out.add(
          switch (r) {
            case DISCOVERY_ADMIN -> GdsNodeIds.resolve(GdsNodeIds.Role_DiscoveryAdmin, namespaces);
            case CERTIFICATE_AUTHORITY_ADMIN ->
                GdsNodeIds.resolve(GdsNodeIds.Role_CertificateAuthorityAdmin, namespaces);
            case REGISTRATION_AUTHORITY_ADMIN ->
                GdsNodeIds.resolve(GdsNodeIds.Role_RegistrationAuthorityAdmin, namespaces);
            case SECURITY_ADMIN -> SECURITY_ADMIN;
          });
    }
    return out;
  }

  private AttributeFilter userExecutable(Rule rule) {
    return new AttributeFilter() {
      @Override
      public @Nullable Object getAttribute(AttributeFilterContext ctx, AttributeId attributeId) {
        Optional<Session> session = ctx.getSession();
        if (attributeId == AttributeId.UserExecutable && session.isPresent()) {
          return allowed(rule, callers.callerOf(session));
        }
        return ctx.getAttribute(attributeId);
      }
    };
  }

  private AttributeFilter userRolePermissions() {
    return new AttributeFilter() {
      @Override
      public @Nullable Object getAttribute(AttributeFilterContext ctx, AttributeId attributeId) {
        Optional<Session> session = ctx.getSession();
        if (attributeId == AttributeId.UserRolePermissions && session.isPresent()) {
          List<NodeId> held = roleIds(callers.callerOf(session));
          RolePermissionType[] all = ctx.getNode().getRolePermissions();
          List<RolePermissionType> mine = new ArrayList<>();
          for (RolePermissionType p : all == null ? new RolePermissionType[0] : all) {
            if (held.contains(p.getRoleId())) {
              mine.add(p);
            }
          }
          return mine.toArray(RolePermissionType[]::new);
        }
        return ctx.getAttribute(attributeId);
      }
    };
  }
}
