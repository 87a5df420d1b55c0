package io.gdsvault.gds.push;

import java.time.Duration;
import java.util.List;

/**
 * Tuning of the push engine.
 *
 * @param maxConcurrentPushes pushes running at once on this node (the executor size)
 * @param maxAttempts failed attempts before a job stays failed until the next trigger
 * @param retryBase first retry delay; doubled per attempt up to {@code retryMax}
 * @param lease how long a claimed job belongs to this node without a heartbeat
 * @param poll how often due jobs are looked for (and approvals checked)
 * @param renewAfterShare share of a certificate's lifetime after which it is renewed (0..1)
 * @param renewalScan how often the renewal scan runs
 * @param verifyTimeout how long to wait for the target's endpoints after ApplyChanges
 * @param allowedEndpoints endpoints ({@code opc.tcp://HOST:PORT} or {@code HOST:PORT}) push may be
 *     enabled for although they are not a registered DiscoveryUrl of the application
 */
public record PushSettings(
    int maxConcurrentPushes,
    int maxAttempts,
    Duration retryBase,
    Duration retryMax,
    Duration lease,
    Duration poll,
    double renewAfterShare,
    Duration renewalScan,
    Duration verifyTimeout,
    List<String> allowedEndpoints) {

  public PushSettings {
    allowedEndpoints = List.copyOf(allowedEndpoints);
    if (maxConcurrentPushes < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("push concurrency and attempts must be at least 1");
    }
    if (!(renewAfterShare > 0 && renewAfterShare < 1)) {
      throw new IllegalArgumentException("push renewAfterShare must be between 0 and 1");
    }
  }

  /** Settings with no allowed endpoints beyond the registered DiscoveryUrls. */
  public PushSettings(
      int maxConcurrentPushes,
      int maxAttempts,
      Duration retryBase,
      Duration retryMax,
      Duration lease,
      Duration poll,
      double renewAfterShare,
      Duration renewalScan,
      Duration verifyTimeout) {
    this(
        maxConcurrentPushes,
        maxAttempts,
        retryBase,
        retryMax,
        lease,
        poll,
        renewAfterShare,
        renewalScan,
        verifyTimeout,
        List.of());
  }

  /** The {@code push} section of gds.yaml (already validated by the settings loader). */
  public static PushSettings of(io.gdsvault.gds.config.GdsSettings.PushConfig c) {
    return new PushSettings(
        c.maxConcurrentPushes(),
        c.maxAttempts(),
        Duration.ofMillis(c.retryBaseMs()),
        Duration.ofMillis(c.retryMaxMs()),
        Duration.ofMillis(c.leaseMs()),
        Duration.ofMillis(c.pollMs()),
        c.renewAfterShare(),
        Duration.ofMillis(c.renewalScanMs()),
        Duration.ofMillis(c.verifyTimeoutMs()),
        c.allowedEndpoints());
  }

  /** The built-in defaults (the same as gds-default.yaml). */
  public static PushSettings defaults() {
    return new PushSettings(
        8,
        6,
        Duration.ofSeconds(10),
        Duration.ofMinutes(15),
        Duration.ofMinutes(2),
        Duration.ofSeconds(2),
        2.0 / 3.0,
        Duration.ofMinutes(10),
        Duration.ofSeconds(30));
  }

  /** The delay before retry number {@code attempts} (1-based), capped. */
  public Duration backoff(int attempts) {
    Duration d = retryBase;
    for (int i = 1; i < attempts && d.compareTo(retryMax) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(retryMax) > 0 ? retryMax : d;
  }
}
