package io.gdsvault.sim.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The renewal point and the polling backoff, without a network. */
class RenewalScheduleTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void renewalIsDueAfterTheConfiguredFractionOfTheLifetime() {
    Instant notAfter = T0.plus(Duration.ofDays(100));
    assertThat(RenewalSchedule.renewalDue(T0, notAfter, 0.8))
        .isEqualTo(T0.plus(Duration.ofDays(80)));
    assertThat(RenewalSchedule.renewalDue(T0, notAfter, 0.0)).isEqualTo(T0);
    assertThat(RenewalSchedule.renewalDue(T0, notAfter, 1.0)).isEqualTo(notAfter);
    assertThatThrownBy(() -> RenewalSchedule.renewalDue(T0, notAfter, 1.1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pollingBacksOffExponentiallyUpToTheCap() {
    Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3));
    assertThat(b.next()).isEqualTo(Duration.ofMillis(500));
    assertThat(b.next()).isEqualTo(Duration.ofSeconds(1));
    assertThat(b.next()).isEqualTo(Duration.ofSeconds(2));
    assertThat(b.next()).isEqualTo(Duration.ofSeconds(3));
    assertThat(b.next()).isEqualTo(Duration.ofSeconds(3));
  }
}
