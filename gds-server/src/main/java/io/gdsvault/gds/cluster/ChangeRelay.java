package io.gdsvault.gds.cluster;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Carries "something changed" between nodes through a counter in the database: a local change bumps
 * the counter ({@link #localChange()}); {@link #poll()} (scheduled every few seconds) runs {@code
 * onRemoteChange} when another node bumped it. The callback runs on the polling thread and does not
 * bump again.
 */
public final class ChangeRelay {

  private final ClusterStore store;
  private final String topic;
  private final Runnable onRemoteChange;
  private final AtomicLong seen;
  private final ThreadLocal<Boolean> relaying = ThreadLocal.withInitial(() -> false);

  public ChangeRelay(ClusterStore store, String topic, Runnable onRemoteChange) {
    this.store = store;
    this.topic = topic;
    this.onRemoteChange = onRemoteChange;
    this.seen = new AtomicLong(store.version(topic));
  }

  /** Call after a change made on this node; ignored while relaying a remote change. */
  public void localChange() {
    if (relaying.get()) {
      return;
    }
    long v = store.bump(topic);
    // this node already published its own state, which includes any earlier remote change
    seen.accumulateAndGet(v, Math::max);
  }

  /** Runs the callback once if the counter moved since the last look; true when it did. */
  public boolean poll() {
    long v = store.version(topic);
    long before = seen.get();
    if (v <= before || !seen.compareAndSet(before, v)) {
      return false;
    }
    relaying.set(true);
    try {
      onRemoteChange.run();
    } finally {
      relaying.set(false);
    }
    return true;
  }

  public String topic() {
    return topic;
  }
}
