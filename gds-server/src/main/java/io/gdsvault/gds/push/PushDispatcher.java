package io.gdsvault.gds.push;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs push jobs on this node: claims due jobs (row locks that other nodes skip, a lease renewed by
 * every step) as long as it has free slots, and hands them to the workers. A job whose node died is
 * due again when its lease runs out, and the next node to poll takes it over.
 *
 * <p>Two executors: one scheduler thread that polls and runs the periodic tasks, and the workers (a
 * fixed pool of {@code maxConcurrentPushes} threads, or the executor a test passes).
 */
final class PushDispatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PushDispatcher.class);

  private final PushJobs jobs;
  private final Consumer<PushTarget> work;
  private final String nodeId;
  private final Semaphore slots;
  private final Executor workers;
  private final @Nullable ExecutorService ownWorkers;
  private final ScheduledExecutorService scheduler;
  private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean started;
  private volatile boolean closed;

  /**
   * @param workers where jobs run; null: a pool of {@code slots} threads owned by the dispatcher
   */
  PushDispatcher(
      PushJobs jobs,
      String nodeId,
      int slots,
      @Nullable Executor workers,
      Consumer<PushTarget> work) {
    this.jobs = jobs;
    this.nodeId = nodeId;
    this.work = work;
    this.slots = new Semaphore(slots);
    if (workers == null) {
      ExecutorService pool = Executors.newFixedThreadPool(slots, daemon("gds-push"));
      this.ownWorkers = pool;
      this.workers = pool;
    } else {
      this.ownWorkers = null;
      this.workers = workers;
    }
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("gds-push-scheduler"));
  }

  String nodeId() {
    return nodeId;
  }

  boolean closed() {
    return closed;
  }

  /** Runs {@code task} every {@code period} (at least {@code floor}) from now on. */
  void every(Duration period, Duration floor, Runnable task) {
    long ms = Math.max(floor.toMillis(), period.toMillis());
    // the futures are not kept: safe() logs every failure and close() stops the scheduler
    var unused = scheduler.scheduleWithFixedDelay(safe(task), ms, ms, TimeUnit.MILLISECONDS);
  }

  /** From now on, {@link #wake()} dispatches at once; also dispatches what is due now. */
  void start() {
    started = true;
    wake();
  }

  /** Looks for due jobs now instead of at the next poll (once started). */
  void wake() {
    if (started && !closed) {
      try {
        scheduler.execute(safe(this::dispatchDue));
      } catch (RejectedExecutionException e) {
        // stopping
      }
    }
  }

  /** Claims due jobs (as many as free slots) and runs them on the workers. */
  void dispatchDue() {
    if (closed) {
      return;
    }
    int free = slots.availablePermits();
    if (free <= 0) {
      return;
    }
    List<PushTarget> claimed = jobs.claimDue(nodeId, free, inFlight);
    for (PushTarget t : claimed) {
      if (!slots.tryAcquire()) {
        jobs.release(t, "no free push slot");
        continue;
      }
      inFlight.add(t.applicationId());
      try {
        workers.execute(() -> run(t));
      } catch (RuntimeException e) {
        inFlight.remove(t.applicationId());
        slots.release();
        jobs.release(t, "engine is stopping");
      }
    }
  }

  private void run(PushTarget t) {
    try {
      work.accept(t);
    } finally {
      inFlight.remove(t.applicationId());
      slots.release();
      wake();
    }
  }

  private static Runnable safe(Runnable r) {
    return () -> {
      try {
        r.run();
      } catch (RuntimeException e) {
        log.warn("push scheduler task failed", e);
      }
    };
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    closed = true;
    scheduler.shutdownNow();
    if (ownWorkers != null) {
      ownWorkers.shutdownNow();
      try {
        ownWorkers.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
