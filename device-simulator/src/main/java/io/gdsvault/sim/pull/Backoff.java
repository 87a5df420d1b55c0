package io.gdsvault.sim.pull;

import java.time.Duration;

/** Exponential backoff: initial, doubled after every attempt, capped at max. */
final class Backoff {

  private final Duration max;
  private Duration next;

  Backoff(Duration initial, Duration max) {
    this.max = max;
    this.next = initial;
  }

  /** The delay before the next attempt; each call doubles the following one up to the cap. */
  Duration next() {
    Duration d = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    return d;
  }
}
