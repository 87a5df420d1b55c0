package io.gdsvault.gds.certificates;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs submitted work only when the test says so, on the test's thread (no timing). */
final class ManualExecutor extends AbstractExecutorService {

  private final Deque<Runnable> pending = new ArrayDeque<>();
  private final List<Runnable> ran = new ArrayList<>();
  private boolean shutdown;

  @Override
  public synchronized void execute(Runnable command) {
    if (shutdown) {
      throw new IllegalStateException("shut down");
    }
    pending.add(command);
  }

  /** Runs what was submitted, in order; returns how many. */
  int runPending() {
    int n = 0;
    Runnable next;
    while ((next = poll()) != null) {
      next.run();
      synchronized (this) {
        ran.add(next);
      }
      n++;
    }
    return n;
  }

  /** Runs everything that already ran once more (a worker resumed after a restart). */
  void runAgain() {
    List<Runnable> again;
    synchronized (this) {
      again = List.copyOf(ran);
    }
    again.forEach(Runnable::run);
  }

  synchronized int pendingCount() {
    return pending.size();
  }

  private synchronized Runnable poll() {
    return pending.poll();
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    List<Runnable> left = new ArrayList<>(pending);
    pending.clear();
    return left;
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }
}
