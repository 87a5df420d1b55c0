package io.gdsvault.gds.opcua.server;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.auth.User;
import io.gdsvault.gds.auth.UserService;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.opcua.handlers.RoleManagementHandler;
import io.gdsvault.gds.opcua.security.CallerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.IdentityCriteriaType;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;
import org.eclipse.milo.opcua.stack.core.types.structured.IdentityMappingRuleType;
import org.jspecify.annotations.Nullable;

/**
 * The GDS well-known roles under Server/ServerCapabilities/RoleSet with real values: Identities
 * lists a UserName rule for each user holding the role (readable by a SecurityAdmin on an encrypted
 * channel only, as its RolePermissions and AccessRestrictions say); no application or endpoint
 * restriction applies (ApplicationsExclude and EndpointsExclude true, empty lists). Users and roles
 * are managed with GdsVault/Users; the roles' Add/Remove methods are not offered.
 */
final class RoleNodes {

  /** Role object id -> our role (null: a role GDS Vault does not grant). */
  private static final Map<ExpandedNodeId, Role> ROLES =
      Map.of(
          GdsNodeIds.Role_DiscoveryAdmin, Role.DISCOVERY_ADMIN,
          GdsNodeIds.Role_CertificateAuthorityAdmin, Role.CERTIFICATE_AUTHORITY_ADMIN,
          GdsNodeIds.Role_RegistrationAuthorityAdmin, Role.REGISTRATION_AUTHORITY_ADMIN);

  private static final List<ExpandedNodeId> ALL =
      List.of(
          GdsNodeIds.Role_DiscoveryAdmin,
          GdsNodeIds.Role_CertificateAuthorityAdmin,
          GdsNodeIds.Role_RegistrationAuthorityAdmin,
          GdsNodeIds.Role_KeyCredentialAdmin,
          GdsNodeIds.Role_AuthorizationServiceAdmin);

  private final GdsNamespace ns;
  private final UserService users;
  private final CallerFactory callers;

  RoleNodes(GdsNamespace ns, UserService users, CallerFactory callers) {
    this.ns = ns;
    this.users = users;
    this.callers = callers;
  }

  void install() {
    for (ExpandedNodeId id : ALL) {
      int role = ((Number) id.getIdentifier()).intValue();
      @Nullable Role ours = ROLES.get(id);
      // ApplicationsExclude / EndpointsExclude true with empty lists: no restriction
      set(role + 2, true);
      set(role + 3, new String[0]);
      set(role + 4, true);
      set(role + 5, new ExtensionObject[0]);
      UaNode identities = ns.node(GdsNodeIds.gds(role + 1));
      identities.getFilterChain().addLast(identities(ours));
      // AddIdentity, RemoveIdentity, AddApplication, RemoveApplication, AddEndpoint, RemoveEndpoint
      for (int method = role + 7; method <= role + 17; method += 2) {
        if (ns.node(GdsNodeIds.gds(method)) instanceof UaMethodNode m
            && ns.node(GdsNodeIds.gds(method + 1)) instanceof UaVariableNode args
            && args.getValue().value().value() instanceof Argument[] declared) {
          m.setInvocationHandler(new RoleManagementHandler(ns.handlerContext(), m, declared));
        }
      }
    }
  }

  private void set(int id, Object value) {
    if (ns.node(GdsNodeIds.gds(id)) instanceof UaVariableNode v) {
      v.setValue(new DataValue(new Variant(value)));
    }
  }

  // overrides getAttribute, not readAttribute: a filter before it (UserRolePermissions) hands on
  // through getAttribute
  private AttributeFilter identities(@Nullable Role role) {
    return new AttributeFilter() {
      @Override
      public @Nullable Object getAttribute(AttributeFilterContext ctx, AttributeId attributeId) {
        if (attributeId == AttributeId.UserAccessLevel && ctx.getSession().isPresent()) {
          // Milo's read check refuses the Value (Bad_UserAccessDenied) to everyone else
          Caller caller = callers.callerOf(ctx.getSession());
          boolean admin =
              AccessAttributes.allowed(AccessAttributes.Rule.ENCRYPTED, caller)
                  && caller.hasRole(Role.SECURITY_ADMIN);
          return admin ? ctx.getAttribute(attributeId) : ubyte(0);
        }
        if (attributeId == AttributeId.Value) {
          return new DataValue(new Variant(rules(role)));
        }
        return ctx.getAttribute(attributeId);
      }
    };
  }

  private ExtensionObject[] rules(@Nullable Role role) {
    List<ExtensionObject> out = new ArrayList<>();
    if (role != null) {
      for (User u : users.list(Caller.system())) {
        if (u.roles().contains(role)) {
          out.add(
              ExtensionObject.encode(
                  ns.handlerContext().server().getStaticEncodingContext(),
                  new IdentityMappingRuleType(IdentityCriteriaType.UserName, u.name())));
        }
      }
    }
    return out.toArray(ExtensionObject[]::new);
  }
}
