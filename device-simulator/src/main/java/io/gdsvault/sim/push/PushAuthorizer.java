package io.gdsvault.sim.push;

import java.util.List;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * Decides whether a session may use ServerConfiguration push methods. The encrypted-channel rule is
 * enforced separately by {@link ServerConfigurationSupport} and cannot be relaxed here.
 */
@FunctionalInterface
public interface PushAuthorizer {

  boolean mayConfigure(Session session);

  /** Grants access to sessions whose roles (from the server's RoleMapper) include SecurityAdmin. */
  static PushAuthorizer securityAdminRole() {
    return session ->
        session
            .getRoleIds()
            .map((List<NodeId> roles) -> roles.contains(NodeIds.WellKnownRole_SecurityAdmin))
            .orElse(false);
  }
}
