package io.gdsvault.gds.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {

  private final MutableClock clock = MutableClock.startingNow();

  @Test
  void onlyTheVerifiedPasswordMatchesAndOnlyWithinTheTtl() {
    CredentialCache cache = new CredentialCache(Duration.ofSeconds(60), 10, clock);
    cache.remember("u", "right password".toCharArray());
    assertThat(cache.matches("u", "right password".toCharArray())).isTrue();
    assertThat(cache.matches("u", "wrong password".toCharArray())).isFalse();
    assertThat(cache.matches("u", "right passwor".toCharArray())).isFalse();
    assertThat(cache.matches("v", "right password".toCharArray())).isFalse();
    clock.advance(Duration.ofSeconds(61));
    assertThat(cache.matches("u", "right password".toCharArray())).isFalse();
    assertThat(cache.size()).isZero();
  }

  @Test
  void forgetDropsTheEntryAndTheSizeIsBounded() {
    CredentialCache cache = new CredentialCache(Duration.ofSeconds(60), 3, clock);
    for (int i = 0; i < 10; i++) {
      cache.remember("u" + i, "pw".toCharArray());
    }
    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.matches("u9", "pw".toCharArray())).isTrue();
    assertThat(cache.matches("u0", "pw".toCharArray())).isFalse();
    cache.forget("u9");
    assertThat(cache.matches("u9", "pw".toCharArray())).isFalse();
  }

  @Test
  void twoProcessesDoNotShareTheirKeys() {
    CredentialCache a = new CredentialCache(Duration.ofSeconds(60), 3, clock);
    CredentialCache b = new CredentialCache(Duration.ofSeconds(60), 3, clock);
    a.remember("u", "pw".toCharArray());
    assertThat(a.matches("u", "pw".toCharArray())).isTrue();
    assertThat(b.matches("u", "pw".toCharArray())).isFalse();
    assertThat(new CredentialCache(Duration.ZERO, 3, clock).enabled()).isFalse();
  }
}
