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
}
