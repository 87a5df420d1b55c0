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
  void anExceptionEndsAWaitThatTakesExceptionsAsAnswers() {
    // a device that must react to a lost connection: the exception is not "not yet"
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                Await.until("a finished request")
                    .every(Duration.ofMillis(1))
                    .valueUnlessThrown(
                        () -> {
                          if (calls.incrementAndGet() == 2) {
                            throw new java.io.IOException("connection lost");
                          }
                          return "not yet";
                        },
                        "done"::equals))
        .isInstanceOf(java.io.IOException.class)
        .hasMessage("connection lost");
    assertThat(calls).hasValue(2);
  }

  @Test
  void aWaitThatTakesExceptionsAsAnswersIsStillBounded() {
    assertThatThrownBy(
            () ->
                Await.until("a finished request")
                    .atMost(Duration.ofMillis(30))
                    .every(Duration.ofMillis(5))
                    .valueUnlessThrown(() -> "not yet", "done"::equals))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("waiting for a finished request")
        .hasMessageContaining("last answer: not yet");
  }

  @Test
  void theClockMovesOnlyWhenTold() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    clock.advance(Duration.ofHours(2));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T02:00:00Z"));
  }
}
