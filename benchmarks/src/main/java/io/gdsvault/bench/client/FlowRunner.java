package io.gdsvault.bench.client;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;

/**
 * Runs a flow once per device, {@code concurrency} devices at a time: each worker takes the next
 * device, opens its session, runs the flow, closes the session. A failure (connect refused, bad
 * status, timeout) counts and the worker moves on, so one broken flow cannot hide the others.
 */
public final class FlowRunner {

  private static final int MAX_DISTINCT_ERRORS = 20;

  private FlowRunner() {}

  public static Batch run(Connector connector, Flow flow, List<Device> devices, int concurrency)
      throws InterruptedException {
    int n = devices.size();
    AtomicLongArray latency = new AtomicLongArray(n);
    AtomicLongArray doneAt = new AtomicLongArray(n);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    Map<String, Integer> errors = new TreeMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    long t0 = System.nanoTime();
    try {
      List<Future<?>> workers = new java.util.ArrayList<>();
      for (int w = 0; w < concurrency; w++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    long s = System.nanoTime();
                    try {
                      once(connector, flow, devices.get(i));
                      long e = System.nanoTime();
                      latency.set(i, (e - s) / 1000);
                      doneAt.set(i, (e - t0) / 1_000_000);
                    } catch (Exception e) {
                      failures.incrementAndGet();
                      latency.set(i, -1);
                      record(errors, e);
                    }
                  }
                }));
      }
      for (Future<?> f : workers) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("a worker died", e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long[] ok =
        java.util.stream.IntStream.range(0, n)
            .mapToLong(latency::get)
            .filter(v -> v >= 0)
            .toArray();
    long[] done =
        java.util.stream.IntStream.range(0, n)
            .filter(i -> latency.get(i) >= 0)
            .mapToLong(doneAt::get)
            .sorted()
            .toArray();
    synchronized (errors) {
      return new Batch(n, failures.get(), seconds, ok, done, Map.copyOf(errors));
    }
  }

  private static void once(Connector connector, Flow flow, Device device) throws Exception {
    OpcUaClient client = connector.open(device, flow.usesIssuedCertificate(), flow.identity());
    try {
      flow.run(client, device);
    } finally {
      Connector.close(client);
    }
  }

  private static void record(Map<String, Integer> errors, Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String key = root.getClass().getSimpleName() + ": " + root.getMessage();
    synchronized (errors) {
      if (errors.containsKey(key) || errors.size() < MAX_DISTINCT_ERRORS) {
        errors.merge(key, 1, Integer::sum);
      }
    }
  }
}
