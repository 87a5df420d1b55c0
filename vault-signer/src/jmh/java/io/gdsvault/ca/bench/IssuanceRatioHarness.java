package io.gdsvault.ca.bench;

import io.gdsvault.ca.CertificateType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Issuance rates versus the raw signature rate, measured in interleaved short slices so that all
 * three see the same background load (separate JMH runs on a shared 2-core machine swing by ±50%).
 * Each round runs one slice of raw signing, of issuance from a verified request (approval) and of
 * issuance from a CSR (verify + issue), rotating the order every round. Prints one markdown row per
 * key type and thread count, and the spread of the per-round ratio. It also adds up the CPU time
 * the worker threads used, so a CPU-time ratio (µs of CPU per operation) can be read beside the
 * wall-clock one: it moves much less with the load of other processes.
 *
 * <p>Args: {@code [rounds] [sliceMillis] [warmupSeconds]}, defaults 40, 500, 20.
 */
public final class IssuanceRatioHarness {

  private interface Op {
    void run() throws Exception;
  }

  /** What the rounds of one key type and thread count add up to. */
  private static final class Totals {
    final long[] operations = new long[3];
    final long[] cpuNanos = new long[3];
    double worst = Double.MAX_VALUE; // per-round (a) / raw
    double best = 0;
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    long sliceMillis = args.length > 1 ? Long.parseLong(args[1]) : 500;
    long warmupSeconds = args.length > 2 ? Long.parseLong(args[2]) : 20;
    System.out.println(
        "| key | threads | raw signatures/s | (a) issued from verified request/s | (a) / raw"
            + " | (a) / raw, worst-best round | (b) verify + issue from CSR/s | (b) / raw"
            + " | CPU µs/op raw, (a), (b) | (a) / raw by CPU time |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (CertificateType type :
        List.of(CertificateType.RSA_SHA256, CertificateType.ECC_NIST_P256)) {
      BenchFixture f = new BenchFixture(type, false);
      Op[] ops = {() -> f.signer.sign(f.tbs), f::issueFromVerified, f::issueFromCsr};
      warmUp(ops, warmupSeconds);
      for (int threads : new int[] {1, 2}) {
        System.out.flush();
        Totals t = measure(ops, threads, rounds, sliceMillis);
        printRow(type, threads, t, rounds * sliceMillis / 1000.0);
      }
      System.out.println("<!-- " + type + " signer: " + f.signer + " -->");
    }
  }

  private static void warmUp(Op[] ops, long seconds) throws InterruptedException {
    long warmEnd = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < warmEnd) {
      for (Op op : ops) {
        slice(op, 2, 200);
      }
    }
  }

  private static Totals measure(Op[] ops, int threads, int rounds, long sliceMillis)
      throws InterruptedException {
    Totals t = new Totals();
    for (int i = 0; i < rounds; i++) {
      long[] counts = new long[3];
      for (int k = 0; k < 3; k++) {
        int which = (i + k) % 3; // rotate which operation goes first
        long[] r = slice(ops[which], threads, sliceMillis);
        counts[which] = r[0];
        t.cpuNanos[which] += r[1];
      }
      for (int k = 0; k < 3; k++) {
        t.operations[k] += counts[k];
      }
      double r = counts[0] == 0 ? 0 : (double) counts[1] / counts[0];
      t.worst = Math.min(t.worst, r);
      t.best = Math.max(t.best, r);
    }
    return t;
  }

  private static void printRow(CertificateType type, int threads, Totals t, double seconds) {
    double raw = t.operations[0] / seconds;
    double a = t.operations[1] / seconds;
    double b = t.operations[2] / seconds;
    double[] cpuPerOp = new double[3];
    for (int k = 0; k < 3; k++) {
      cpuPerOp[k] = t.cpuNanos[k] / 1000.0 / Math.max(1, t.operations[k]);
    }
    System.out.printf(
        "| %s | %d | %.0f | %.0f | %.0f%% | %.0f–%.0f%% | %.0f | %.0f%% | %.0f, %.0f, %.0f |"
            + " %.0f%% |%n",
        type == CertificateType.RSA_SHA256 ? "RSA-2048" : "P-256",
        threads,
        raw,
        a,
        100 * a / raw,
        100 * t.worst,
        100 * t.best,
        b,
        100 * b / raw,
        cpuPerOp[0],
        cpuPerOp[1],
        cpuPerOp[2],
        100 * cpuPerOp[0] / cpuPerOp[1]);
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * Runs {@code op} on {@code threads} threads for {@code millis} ms; returns the operations done
   * and the nanoseconds of CPU time the threads used.
   */
  private static long[] slice(Op op, int threads, long millis) throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    LongAdder count = new LongAdder();
    LongAdder cpuNanos = new LongAdder();
    AtomicReference<Exception> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      Thread w =
          new Thread(
              () -> {
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                try {
                  while (!stop.get()) {
                    op.run();
                    count.increment();
                  }
                } catch (Exception e) {
                  failure.set(e);
                } finally {
                  cpuNanos.add(THREADS.getCurrentThreadCpuTime() - cpu0);
                  done.countDown();
                }
              });
      w.start();
    }
    Thread.sleep(millis);
    stop.set(true);
    done.await();
    if (failure.get() != null) {
      throw new IllegalStateException("benchmark operation failed", failure.get());
    }
    return new long[] {count.sum(), cpuNanos.sum()};
  }
}
