package io.gdsvault.gds.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.opcua.server.VendorNamespace;
import io.gdsvault.gds.testing.GdsIntegrationTest;
import io.gdsvault.gds.testing.TestClients;
import io.gdsvault.testing.Await;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.Test;

/**
 * Over OPC UA: wrong passwords lock a user (audited), the right one is refused while locked, an
 * operator's UnlockUser restores it; a password change or removal ends the user's other sessions
 * and leaves the session that made the change.
 */
class LoginProtectionIT extends GdsIntegrationTest {

  private static final ExpandedNodeId USERS = VendorNamespace.id("GdsVault.Users");

  private static CallMethodResult users(OpcUaClient c, String method, Variant... in)
      throws Exception {
    return call(c, USERS, VendorNamespace.id("GdsVault.Users." + method), in);
  }

  private static long loginStatus(String user, String password) {
    try {
      TestClients.disconnect(TestClients.secure(gds, user, password));
      return StatusCodes.Good;
    } catch (Exception e) {
      Throwable t = e;
      while (t != null && !(t instanceof UaException)) {
        t = t.getCause();
      }
      return t == null
          ? StatusCodes.Bad_UnexpectedError
          : ((UaException) t).getStatusCode().value();
    }
  }

  @Test
  void thirtyWrongPasswordsLockTheUserUntilAnOperatorUnlocksIt() throws Exception {
    gds.app()
        .users()
        .addUser(
            Caller.system(),
            "guessed",
            "guessed-password-1".toCharArray(),
            Set.of(Role.DISCOVERY_ADMIN));
    for (int i = 0; i < 30; i++) {
      assertThat(loginStatus("guessed", "not-the-password-" + i))
          .isEqualTo(StatusCodes.Bad_UserAccessDenied);
    }
    assertThat(gds.app().users().isLocked("guessed")).isTrue();
    assertThat(
            gds.app().auditTrail().list(Caller.system(), null, 1000).stream()
                .filter(r -> r.action().equals("method.LoginLockout"))
                .filter(r -> r.target().equals("guessed")))
        .hasSize(1);
    assertThat(loginStatus("guessed", "guessed-password-1"))
        .isEqualTo(StatusCodes.Bad_UserAccessDenied);

    CallMethodResult unlock = users(admin, "UnlockUser", new Variant("guessed"));
    assertThat(unlock.getStatusCode().isGood()).as("%s", unlock.getStatusCode()).isTrue();
    assertThat(unlock.getOutputArguments()[0].value()).isEqualTo(true);
    assertThat(loginStatus("guessed", "guessed-password-1")).isEqualTo(StatusCodes.Good);
    assertThat(
            gds.app().auditTrail().list(Caller.system(), null, 1000).stream()
                .map(r -> r.action() + " " + r.target()))
        .contains("method.UnlockUser guessed");
  }

  @Test
  void aPasswordChangeEndsTheUsersOtherSessionsButNotTheOneThatMadeIt() throws Exception {
    gds.app()
        .users()
        .addUser(
            Caller.system(),
            "rotating",
            "rotating-password-1".toCharArray(),
            Set.of(Role.SECURITY_ADMIN));
    OpcUaClient changer = TestClients.secure(gds, "rotating", "rotating-password-1");
    OpcUaClient other = TestClients.secure(gds, "rotating", "rotating-password-1");
    try {
      assertThat(users(other, "ListUsers").getStatusCode().isGood()).isTrue();
      CallMethodResult set =
          users(
              changer, "SetPassword", new Variant("rotating"), new Variant("rotating-password-2"));
      assertThat(set.getStatusCode().isGood()).as("%s", set.getStatusCode()).isTrue();
      assertThat(users(changer, "ListUsers").getStatusCode().isGood()).isTrue();
      Await.until("the other session of the user has ended")
          .atMost(Duration.ofSeconds(10))
          .every(Duration.ofMillis(100))
          .isTrue(() -> sessionEnded(other));
      assertThat(loginStatus("rotating", "rotating-password-1"))
          .isEqualTo(StatusCodes.Bad_UserAccessDenied);
    } finally {
      TestClients.disconnect(changer, other);
    }
  }

  @Test
  void removingAUserEndsItsSessions() throws Exception {
    gds.app()
        .users()
        .addUser(
            Caller.system(),
            "leaving",
            "leaving-password-1".toCharArray(),
            Set.of(Role.SECURITY_ADMIN));
    OpcUaClient leaving = TestClients.secure(gds, "leaving", "leaving-password-1");
    try {
      assertThat(users(leaving, "ListUsers").getStatusCode().isGood()).isTrue();
      assertThat(users(admin, "RemoveUser", new Variant("leaving")).getStatusCode().isGood())
          .isTrue();
      Await.until("the removed user's session has ended")
          .atMost(Duration.ofSeconds(10))
          .every(Duration.ofMillis(100))
          .isTrue(() -> sessionEnded(leaving));
      assertThat(users(admin, "ListUsers").getStatusCode().isGood()).isTrue();
    } finally {
      TestClients.disconnect(leaving);
    }
  }

  @Test
  void rolesAreReadOnceWhenTheSessionIsActivatedNotOnEveryCall() throws Exception {
    try (Connection c = gds.app().database().dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute("SET QUERY_STATISTICS TRUE");
    }
    OpcUaClient caller = TestClients.admin(gds);
    try {
      long before = userStatements();
      for (int i = 0; i < 20; i++) {
        CallMethodResult r =
            callDirectory(
                caller,
                io.gdsvault.gds.model.ua.GdsNodeIds.FindApplications,
                new Variant("urn:nobody:" + i));
        assertThat(r.getStatusCode().isGood()).as("%s", r.getStatusCode()).isTrue();
      }
      // 20 calls as admin: no statement on users or user_roles (before: two per call)
      assertThat(userStatements() - before).isZero();
    } finally {
      TestClients.disconnect(caller);
      try (Connection c = gds.app().database().dataSource().getConnection();
          Statement st = c.createStatement()) {
        st.execute("SET QUERY_STATISTICS FALSE");
      }
    }
  }

  /** Executions of statements on the users tables so far (H2's query statistics). */
  private static long userStatements() throws Exception {
    long n = 0;
    try (Connection c = gds.app().database().dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
      while (rs.next()) {
        String sql = rs.getString(1).toLowerCase(java.util.Locale.ROOT);
        if (sql.contains("from users") || sql.contains("from user_roles")) {
          n += rs.getLong(2);
        }
      }
    }
    return n;
  }

  /** Whether a call of the client fails or is refused now that its session was ended. */
  private static boolean sessionEnded(OpcUaClient c) {
    try {
      CallMethodResult r = users(c, "ListUsers");
      return r.getStatusCode().isBad();
    } catch (Exception e) {
      return true;
    }
  }

  @Test
  void unlockNeedsASecurityAdmin() throws Exception {
    gds.app()
        .users()
        .addUser(
            Caller.system(),
            "plain",
            "plain-password-1".toCharArray(),
            Set.of(Role.DISCOVERY_ADMIN));
    OpcUaClient plain = TestClients.secure(gds, "plain", "plain-password-1");
    try {
      assertThat(users(plain, "UnlockUser", new Variant("plain")).getStatusCode().getValue())
          .isEqualTo(StatusCodes.Bad_UserAccessDenied);
      assertThat(users(admin, "UnlockUser", new Variant("no-such-user")).getStatusCode().getValue())
          .isEqualTo(StatusCodes.Bad_NotFound);
    } finally {
      TestClients.disconnect(plain);
    }
  }
}
