package io.gdsvault.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

  @Test
  void returnsTheFirstAcceptableAnswerAndTreatsExceptionsAsNotYet() {
    AtomicInteger calls = new AtomicInteger();
    int v =
        Await.until("the third call")
            .every(Duration.ofMillis(1))
            .value(
                () -> {
                  int n = calls.incrementAndGet();
                  if (n == 1) {
                    throw new IllegalStateException("not ready");
                  }
                  return n;
                },
                n -> n >= 3);
    assertThat(v).isEqualTo(3);
  }

  @Test
  void failsWithWhatItWaitedForAndTheLastAnswer() {
    assertThatThrownBy(
            () ->
                Await.until("a present value")
                    .atMost(Duration.ofMillis(30))
                    .every(Duration.ofMillis(5))
                    .present(Optional::empty))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("waiting for a present value")
        .hasMessageContaining("last answer: Optional.empty");
  }

  @Test
  void theClockMovesOnlyWhenTold() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    clock.advance(Duration.ofHours(2));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T02:00:00Z"));
  }
}
