package io.gdsvault.bench.client;

import java.util.Map;

/**
 * The outcome of running one flow for a list of devices: how many completed and failed, the wall
 * time, each successful flow's latency (session open to close, µs) and completion time (ms after
 * the start), and the distinct failure messages with their counts.
 */
public record Batch(
    int flows,
    int failures,
    double seconds,
    @SuppressWarnings("ArrayRecordComponent") long[] latencyMicros,
    @SuppressWarnings("ArrayRecordComponent") long[] doneAtMillis,
    Map<String, Integer> errors) {

  /** Completed flows per second. */
  public double rate() {
    return (flows - failures) / seconds;
  }
}
