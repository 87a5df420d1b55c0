package io.gdsvault.gds.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refused calls of unauthenticated callers, counted per caller, action and reason and written to
 * the audit trail as one row per interval instead of one row per call: a flood of refused anonymous
 * calls (each one a hash-chained row, about 13 KB of H2 file) no longer grows the database with the
 * number of calls. The row's detail says how many calls and when the first and the last came; the
 * chain stays verifiable as every row is appended as usual.
 *
 * <p>At most {@link #MAX_KEYS} distinct callers per interval are told apart; refusals of further
 * callers are counted under {@link #OTHER_CALLERS}, so memory is bounded too.
 */
public final class RefusalSummary implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RefusalSummary.class);

  /** Distinct (caller, action, reason) counted per interval before the rest is merged. */
  public static final int MAX_KEYS = 1000;

  /** The actor of refusals beyond {@link #MAX_KEYS}. */
  public static final String OTHER_CALLERS = "(other unauthenticated callers)";

  private record Key(String actor, String action, String outcome) {}

  private static final class Count {
    final LongAdder calls = new LongAdder();
    final Instant first;
    volatile Instant last;

    Count(Instant at) {
      this.first = at;
      this.last = at;
    }
  }

  private final AuditTrail trail;
  private final Clock clock;
  private final long intervalSeconds;
  private final Map<Key, Count> counts = new ConcurrentHashMap<>();
  private @Nullable ScheduledExecutorService scheduler;

  /**
   * @param intervalSeconds how often the counts become rows (at least 1)
   */
  public RefusalSummary(AuditTrail trail, Clock clock, long intervalSeconds) {
    this.trail = trail;
    this.clock = clock;
    this.intervalSeconds = Math.max(1, intervalSeconds);
  }

  /** Writes the counts every interval, on a daemon thread, until {@link #close()}. */
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    ScheduledExecutorService s =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gds-refusal-summary");
              t.setDaemon(true);
              return t;
            });
    ScheduledFuture<?> unused =
        s.scheduleWithFixedDelay(
            this::flushSafely, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    scheduler = s;
  }

  /** Counts one refused call. */
  public void refused(String actor, String action, String outcome) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Key key = new Key(actor, action, outcome);
    if (!counts.containsKey(key) && counts.size() >= MAX_KEYS) {
      key = new Key(OTHER_CALLERS, action, outcome);
    }
    Count c = counts.computeIfAbsent(key, k -> new Count(now));
    c.calls.increment();
    c.last = now;
  }

  /** Calls counted and not yet written (tests, health). */
  public long pending() {
    return counts.values().stream().mapToLong(c -> c.calls.sum()).sum();
  }

  /** Writes one audit row per counted (caller, action, reason) and starts counting afresh. */
  public void flush() {
    List<Map.Entry<Key, Count>> taken = new ArrayList<>();
    for (Key k : new ArrayList<>(counts.keySet())) {
      Count c = counts.remove(k);
      if (c != null) {
        taken.add(Map.entry(k, c));
      }
    }
    for (Map.Entry<Key, Count> e : taken) {
      Key k = e.getKey();
      Count c = e.getValue();
      long n = c.calls.sum();
      trail.append(
          k.actor(),
          k.action(),
          "",
          "refused " + n + (n == 1 ? " call" : " calls") + " from " + c.first + " to " + c.last,
          k.outcome());
    }
  }

  private void flushSafely() {
    try {
      flush();
    } catch (RuntimeException e) {
      log.warn("could not write the summary of refused calls: {}", e.toString());
    }
  }

  /** Stops the schedule and writes what is counted. */
  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
    flushSafely();
  }
}
