package io.gdsvault.gds.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SessionAdmissionTest {

  private final AtomicLong now = new AtomicLong();
  private final SessionAdmission admission =
      new SessionAdmission(new SessionAdmission.Limits(4, 2, 3, 2, 1_000), now::get);

  private String session(boolean none, String address) throws Exception {
    SessionAdmission.Admitted a = admission.admit(none, address);
    String id = "s" + now.incrementAndGet();
    admission.bind(a.ticket(), id);
    return id;
  }

  @Test
  void noneSessionsAreCappedPerAddressAndInTotal() throws Exception {
    session(true, "a");
    session(true, "a");
    assertThatThrownBy(() -> admission.admit(true, "a"))
        .isInstanceOf(SessionAdmission.Refused.class);
    session(true, "b");
    String last = session(true, "c");
    assertThatThrownBy(() -> admission.admit(true, "d"))
        .isInstanceOf(SessionAdmission.Refused.class);
    admission.closed(last);
    session(true, "d");
  }

  @Test
  void aFullPendingPoolGivesUpItsOldestButNeverOneBeingActivated() throws Exception {
    String first = session(false, "a");
    String second = session(false, "a");
    SessionAdmission.Admitted third = admission.admit(false, "a");
    assertThat(third.evict()).isEqualTo(first);
    admission.bind(third.ticket(), "s3");
    // sessions in ActivateSession leave the pool: a burst of password checks locks nobody out
    admission.activating(second);
    admission.activating("s3");
    SessionAdmission.Admitted fourth = admission.admit(false, "a");
    assertThat(fourth.evict()).isNull();
    admission.bind(fourth.ticket(), "s4");
    now.incrementAndGet();
    SessionAdmission.Admitted fifth = admission.admit(false, "a");
    assertThat(fifth.evict()).isNull();
    admission.bind(fifth.ticket(), "s5");
    assertThat(admission.admit(false, "a").evict()).isEqualTo("s4");
    assertThat(admission.kind(second)).contains(SessionAdmission.Kind.ACTIVATING);
  }

  @Test
  void unauthenticatedSessionsAreCappedButPrivilegedOnesAreNot() throws Exception {
    for (int i = 0; i < 3; i++) {
      String s = session(false, "a");
      admission.activated(s, null, Set.of(), false);
    }
    String fourth = session(false, "a");
    assertThatThrownBy(() -> admission.activated(fourth, null, Set.of(), false))
        .isInstanceOf(SessionAdmission.Refused.class);
    assertThat(admission.kind(fourth)).contains(SessionAdmission.Kind.PENDING);
    admission.activated(fourth, null, Set.of(), true);
    assertThat(admission.privileged(fourth)).isTrue();
    String user = session(false, "a");
    admission.activated(user, "carol", Set.of(Role.DISCOVERY_ADMIN), false);
    assertThat(admission.kind(user)).contains(SessionAdmission.Kind.PRIVILEGED);
    // a user without any role is no more than anonymous
    String roleless = session(false, "a");
    assertThatThrownBy(() -> admission.activated(roleless, "nobody", Set.of(), false))
        .isInstanceOf(SessionAdmission.Refused.class);
  }

  @Test
  void rolesAreResolvedOncePerSessionAndRefreshedOnChange() throws Exception {
    String s = session(false, "a");
    admission.activated(s, "carol", Set.of(Role.DISCOVERY_ADMIN), false);
    assertThat(admission.roles(s, "carol")).contains(Set.of(Role.DISCOVERY_ADMIN));
    assertThat(admission.roles(s, "mallory")).isEmpty();
    admission.refreshRoles("carol", Set.of(Role.SECURITY_ADMIN));
    assertThat(admission.roles(s, "carol")).contains(Set.of(Role.SECURITY_ADMIN));
    assertThat(admission.sessionsOf("carol")).containsExactly(s);
    admission.closed(s);
    assertThat(admission.sessionsOf("carol")).isEmpty();
  }

  @Test
  void pendingSessionsExpire() throws Exception {
    String s = session(false, "a");
    assertThat(admission.expiredPending()).isEmpty();
    now.addAndGet(2_000);
    assertThat(admission.expiredPending()).containsExactly(s);
  }
}
