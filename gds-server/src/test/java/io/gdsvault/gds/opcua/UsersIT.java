package io.gdsvault.gds.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdsvault.gds.opcua.server.VendorNamespace;
import io.gdsvault.gds.testing.GdsIntegrationTest;
import io.gdsvault.gds.testing.TestClients;
import java.util.Arrays;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.Test;

/** User management over the vendor namespace methods (Objects/GdsVault/Users). */
class UsersIT extends GdsIntegrationTest {

  private static final ExpandedNodeId USERS = VendorNamespace.id("GdsVault.Users");

  private static ExpandedNodeId method(String name) {
    return VendorNamespace.id("GdsVault.Users." + name);
  }

  private static CallMethodResult users(OpcUaClient c, String method, Variant... in)
      throws Exception {
    return call(c, USERS, method(method), in);
  }

  @Test
  void aSecurityAdminAddsAUserWhoCanThenLogIn() throws Exception {
    CallMethodResult add =
        users(
            admin,
            "AddUser",
            new Variant("carol"),
            new Variant("carol-password-1"),
            new Variant(new String[] {"DiscoveryAdmin"}));
    assertThat(add.getStatusCode().isGood()).as("%s", add.getStatusCode()).isTrue();

    OpcUaClient carol = TestClients.secure(gds, "carol", "carol-password-1");
    try {
      CallMethodResult list = users(admin, "ListUsers");
      List<String> names = Arrays.asList((String[]) list.getOutputArguments()[0].value());
      String[] roles = (String[]) list.getOutputArguments()[1].value();
      assertThat(names).contains("admin", "carol");
      assertThat(roles[names.indexOf("carol")]).isEqualTo("DiscoveryAdmin");
      // carol is no SecurityAdmin
      assertThat(users(carol, "ListUsers").getStatusCode().value())
          .isEqualTo(StatusCodes.Bad_UserAccessDenied);
      assertThat(
              users(
                      carol,
                      "AddUser",
                      new Variant("mallory"),
                      new Variant("mallory-password"),
                      new Variant(new String[] {"SecurityAdmin"}))
                  .getStatusCode()
                  .value())
          .isEqualTo(StatusCodes.Bad_UserAccessDenied);
    } finally {
      TestClients.disconnect(carol);
    }
  }

  @Test
  void setPasswordReplacesTheOldPasswordAndRemoveUserEndsLogins() throws Exception {
    users(
        admin,
        "AddUser",
        new Variant("dave"),
        new Variant("dave-password-1"),
        new Variant(new String[] {"DiscoveryAdmin"}));
    assertThat(
            users(admin, "SetPassword", new Variant("dave"), new Variant("dave-password-2"))
                .getStatusCode()
                .isGood())
        .isTrue();
    assertThatThrownBy(() -> TestClients.secure(gds, "dave", "dave-password-1"))
        .isInstanceOf(UaException.class);
    TestClients.disconnect(TestClients.secure(gds, "dave", "dave-password-2"));

    assertThat(users(admin, "RemoveUser", new Variant("dave")).getStatusCode().isGood()).isTrue();
    assertThatThrownBy(() -> TestClients.secure(gds, "dave", "dave-password-2"))
        .isInstanceOf(UaException.class);
    assertThat(users(admin, "RemoveUser", new Variant("dave")).getStatusCode().value())
        .isEqualTo(StatusCodes.Bad_NotFound);
  }

  @Test
  void badUserInputIsRefusedWithClearStatusCodes() throws Exception {
    assertThat(
            users(
                    admin,
                    "AddUser",
                    new Variant("erin"),
                    new Variant("short"),
                    new Variant(new String[] {"DiscoveryAdmin"}))
                .getStatusCode()
                .value())
        .isEqualTo(StatusCodes.Bad_InvalidArgument);
    assertThat(
            users(
                    admin,
                    "AddUser",
                    new Variant("erin"),
                    new Variant("erin-password-1"),
                    new Variant(new String[] {"KingOfTheHill"}))
                .getStatusCode()
                .value())
        .isEqualTo(StatusCodes.Bad_InvalidArgument);
    assertThat(
            users(
                    admin,
                    "AddUser",
                    new Variant("bad name!"),
                    new Variant("erin-password-1"),
                    new Variant(new String[] {"DiscoveryAdmin"}))
                .getStatusCode()
                .value())
        .isEqualTo(StatusCodes.Bad_InvalidArgument);
    assertThat(
            users(
                    admin,
                    "AddUser",
                    new Variant("admin"),
                    new Variant("admin-password-9"),
                    new Variant(new String[] {"DiscoveryAdmin"}))
                .getStatusCode()
                .value())
        .isEqualTo(StatusCodes.Bad_EntryExists);
    // the last SecurityAdmin cannot be removed
    assertThat(users(admin, "RemoveUser", new Variant("admin")).getStatusCode().value())
        .isEqualTo(StatusCodes.Bad_InvalidState);
  }

  @Test
  void userMethodsRefuseUnencryptedSessions() throws Exception {
    OpcUaClient none = TestClients.insecure(gds);
    try {
      assertThat(users(none, "ListUsers").getStatusCode().value())
          .isEqualTo(StatusCodes.Bad_SecurityModeInsufficient);
    } finally {
      TestClients.disconnect(none);
    }
  }
}
