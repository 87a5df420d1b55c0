package io.gdsvault.gds.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

  @Test
  void theChannelIsCheckedBeforeTheRole() {
    // an unencrypted call is refused for its channel even when the user holds the role
    Caller plain =
        new Caller("admin", Set.of(Role.DISCOVERY_ADMIN), null, null, ChannelSecurity.NONE);
    assertThatThrownBy(() -> plain.requireRole(Role.DISCOVERY_ADMIN))
        .isInstanceOfSatisfying(
            GdsException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.reason())
                    .isEqualTo(Reason.SECURITY_MODE_INSUFFICIENT));
    Caller signOnly =
        new Caller("admin", Set.of(Role.DISCOVERY_ADMIN), null, null, ChannelSecurity.SIGN);
    assertThatThrownBy(signOnly::requireSecureChannel).isInstanceOf(GdsException.class);
  }

  @Test
  void aMissingRoleIsAccessDenied() {
    Caller c =
        new Caller(
            "bob", Set.of(Role.SECURITY_ADMIN), null, null, ChannelSecurity.SIGN_AND_ENCRYPT);
    assertThatCode(() -> c.requireRole(Role.SECURITY_ADMIN)).doesNotThrowAnyException();
    assertThatThrownBy(() -> c.requireRole(Role.DISCOVERY_ADMIN))
        .isInstanceOfSatisfying(
            GdsException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.reason())
                    .isEqualTo(Reason.ACCESS_DENIED));
  }

  @Test
  void consoleCallersAreRecordedWithTheirChannelAndFourEyesComparesTheUser() {
    Caller web = Caller.console("alice", Set.of(Role.DISCOVERY_ADMIN), Caller.VIA_WEB);
    Caller api = Caller.console("alice", Set.of(Role.DISCOVERY_ADMIN), Caller.VIA_API);
    org.assertj.core.api.Assertions.assertThat(web.requesterName()).isEqualTo("alice via web");
    org.assertj.core.api.Assertions.assertThat(api.requesterName()).isEqualTo("alice via api");
    org.assertj.core.api.Assertions.assertThat(Caller.userOf(web.requesterName()))
        .isEqualTo("alice");
    // an OPC UA caller keeps its plain user name, even with a client URI of "web"
    Caller opcua =
        new Caller("alice", Set.of(), "ab12", Caller.VIA_WEB, ChannelSecurity.SIGN_AND_ENCRYPT);
    org.assertj.core.api.Assertions.assertThat(opcua.viaConsole()).isFalse();
    org.assertj.core.api.Assertions.assertThat(opcua.requesterName()).isEqualTo("alice");
    org.assertj.core.api.Assertions.assertThat(Caller.userOf("alice")).isEqualTo("alice");
  }
}
