package io.gdsvault.gds.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.testing.GdsIntegrationTest;
import io.gdsvault.gds.testing.TestClients;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.IdentityMappingRuleType;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.RolePermissionType;
import org.junit.jupiter.api.Test;

/**
 * UserExecutable and UserRolePermissions are computed for the caller (role and channel security),
 * and the roles' Identities are readable by a SecurityAdmin only (Part 3 §5.2.9, Part 18).
 */
class AccessAttributesIT extends GdsIntegrationTest {

  @Test
  void userExecutableFollowsTheCallersRoleAndChannel() throws Exception {
    OpcUaClient anonymous = TestClients.secure(gds, null, null);
    OpcUaClient none = TestClients.insecure(gds);
    try {
      // RegisterApplication needs DiscoveryAdmin; FindApplications any encrypted caller
      assertThat(userExecutable(admin, GdsNodeIds.RegisterApplication)).isTrue();
      assertThat(userExecutable(anonymous, GdsNodeIds.RegisterApplication)).isFalse();
      assertThat(userExecutable(anonymous, GdsNodeIds.FindApplications)).isTrue();
      // ApplicationSelfAdmin: an anonymous caller with an application certificate may try
      assertThat(userExecutable(anonymous, GdsNodeIds.StartSigningRequest)).isTrue();
      // on SecurityPolicy None nothing is executable
      assertThat(userExecutable(none, GdsNodeIds.FindApplications)).isFalse();
      // (StartSigningRequest's AccessRestrictions keep a None session from even reading it)
      assertThat(
              read(none, GdsNodeIds.StartSigningRequest, AttributeId.UserExecutable)
                  .statusCode()
                  .value())
          .isEqualTo(StatusCodes.Bad_SecurityModeInsufficient);
      // the TrustLists are read-only for everyone: Write is not executable, Read is
      assertThat(userExecutable(admin, GdsNodeIds.gds(630))).isFalse();
      assertThat(userExecutable(admin, GdsNodeIds.gds(627))).isTrue();
      // Executable itself is the NodeSet's
      assertThat(read(none, GdsNodeIds.FindApplications, AttributeId.Executable).value().value())
          .isEqualTo(true);
    } finally {
      TestClients.disconnect(anonymous, none);
    }
  }

  @Test
  void userRolePermissionsAreTheRolePermissionsOfTheRolesTheSessionHolds() throws Exception {
    OpcUaClient anonymous = TestClients.secure(gds, null, null);
    try {
      NodeId discoveryAdmin =
          GdsNodeIds.resolve(GdsNodeIds.Role_DiscoveryAdmin, admin.getNamespaceTable());
      assertThat(roles(admin, GdsNodeIds.RegisterApplication))
          .containsExactlyInAnyOrder(new NodeId(0, 15644), discoveryAdmin);
      assertThat(roles(anonymous, GdsNodeIds.RegisterApplication))
          .containsExactly(new NodeId(0, 15644));
    } finally {
      TestClients.disconnect(anonymous);
    }
  }

  @Test
  void roleIdentitiesNameTheUsersAndOnlyASecurityAdminReadsThem() throws Exception {
    OpcUaClient anonymous = TestClients.secure(gds, null, null);
    try {
      DataValue mine = read(admin, GdsNodeIds.gds(1662), AttributeId.Value);
      assertThat(mine.statusCode().isGood()).as("%s", mine).isTrue();
      List<String> users = new ArrayList<>();
      for (Object o : (Object[]) mine.value().value()) {
        users.add(
            ((IdentityMappingRuleType)
                    ((ExtensionObject) o).decode(admin.getStaticEncodingContext()))
                .getCriteria());
      }
      assertThat(users).contains("admin");
      DataValue theirs = read(anonymous, GdsNodeIds.gds(1662), AttributeId.Value);
      assertThat(theirs.statusCode().value()).isEqualTo(StatusCodes.Bad_UserAccessDenied);
    } finally {
      TestClients.disconnect(anonymous);
    }
  }

  @Test
  void theRoleSetHoldsTheGdsRolesAndServerConfigurationIsNotAdvertised() throws Exception {
    DataValue profiles = read(admin, NodeIds.Server_ServerCapabilities_ServerProfileArray);
    assertThat((String[]) profiles.value().value())
        .contains("http://opcfoundation.org/UA-Profile/Server/GlobalDiscoveryServer2017");
    DataValue config = read(admin, new NodeId(0, 12637), AttributeId.NodeClass);
    assertThat(config.statusCode().value()).isEqualTo(StatusCodes.Bad_NodeIdUnknown);
  }

  private static boolean userExecutable(OpcUaClient c, ExpandedNodeId method) throws Exception {
    return (Boolean) read(c, method, AttributeId.UserExecutable).value().value();
  }

  private static List<NodeId> roles(OpcUaClient c, ExpandedNodeId node) throws Exception {
    List<NodeId> out = new ArrayList<>();
    for (Object o : (Object[]) read(c, node, AttributeId.UserRolePermissions).value().value()) {
      RolePermissionType rp =
          o instanceof ExtensionObject xo
              ? (RolePermissionType) xo.decode(c.getStaticEncodingContext())
              : (RolePermissionType) o;
      out.add(rp.getRoleId());
    }
    return out;
  }

  private static DataValue read(OpcUaClient c, ExpandedNodeId id, AttributeId a) throws Exception {
    return read(c, GdsNodeIds.resolve(id, c.getNamespaceTable()), a);
  }

  private static DataValue read(OpcUaClient c, NodeId id) throws Exception {
    return read(c, id, AttributeId.Value);
  }

  private static DataValue read(OpcUaClient c, NodeId id, AttributeId a) throws Exception {
    return c.read(
            0.0,
            TimestampsToReturn.Neither,
            List.of(new ReadValueId(id, a.uid(), null, QualifiedName.NULL_VALUE)))
        .getResults()[0];
  }
}
