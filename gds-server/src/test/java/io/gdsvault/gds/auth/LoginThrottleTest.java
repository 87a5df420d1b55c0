package io.gdsvault.gds.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final MutableClock clock = MutableClock.startingNow();
  private final LoginThrottle throttle =
      new LoginThrottle(
          new LoginThrottle.Settings(
              3,
              20,
              50,
              500,
              Duration.ofSeconds(1),
              Duration.ofMinutes(1),
              Duration.ofMinutes(15),
              1000),
          clock);

  @Test
  void theDelayGrowsAfterTheFreeFailuresAndEndsByItself() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.check("u", "10.0.0.1")).isEmpty();
      throttle.failed("u", "10.0.0.1");
    }
    assertThat(throttle.check("u", "10.0.0.1")).isEmpty();
    throttle.failed("u", "10.0.0.1"); // 4th: waits 1 s
    assertThat(throttle.check("u", "10.0.0.2")).contains(LoginThrottle.Refusal.DELAYED);
    clock.advance(Duration.ofMillis(1001));
    assertThat(throttle.check("u", "10.0.0.1")).isEmpty();
    throttle.failed("u", "10.0.0.1"); // 5th: waits 2 s
    clock.advance(Duration.ofMillis(1500));
    assertThat(throttle.check("u", "10.0.0.1")).contains(LoginThrottle.Refusal.DELAYED);
    clock.advance(Duration.ofMillis(600));
    assertThat(throttle.check("u", "10.0.0.1")).isEmpty();
    // another user from the same address is not delayed (the address is below its own limit)
    assertThat(throttle.check("other", "10.0.0.1")).isEmpty();
  }

  @Test
  void enoughFailuresLockUntilTheLockoutEndsOrAnOperatorUnlocks() {
    LoginThrottle.Failure last = null;
    int lockedNow = 0;
    for (int i = 0; i < 30; i++) {
      last = throttle.failed("u", null);
      lockedNow += last.userLockedNow() ? 1 : 0;
    }
    assertThat(lockedNow).isEqualTo(1);
    assertThat(throttle.isLocked("u")).isTrue();
    assertThat(throttle.check("u", null)).contains(LoginThrottle.Refusal.LOCKED);
    clock.advance(Duration.ofMinutes(14));
    assertThat(throttle.check("u", null)).contains(LoginThrottle.Refusal.LOCKED);
    assertThat(throttle.unlock("u")).isTrue();
    assertThat(throttle.check("u", null)).isEmpty();
    assertThat(throttle.unlock("u")).isFalse();
  }

  @Test
  void aLockoutEndsAfterItsTime() {
    for (int i = 0; i < 20; i++) {
      throttle.failed("u", null);
    }
    assertThat(throttle.isLocked("u")).isTrue();
    clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    assertThat(throttle.check("u", null)).isEmpty();
  }

  @Test
  void anAddressSprayingManyUsersIsDelayedAndSuccessClearsIt() {
    for (int i = 0; i < 51; i++) {
      throttle.failed("user" + i, "10.0.0.9");
    }
    assertThat(throttle.check("fresh", "10.0.0.9")).contains(LoginThrottle.Refusal.DELAYED);
    assertThat(throttle.check("fresh", "10.0.0.8")).isEmpty();
    throttle.succeeded("fresh", "10.0.0.9");
    assertThat(throttle.check("fresh", "10.0.0.9")).isEmpty();
  }
}
