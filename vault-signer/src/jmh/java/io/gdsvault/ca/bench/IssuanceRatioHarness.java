package io.gdsvault.ca.bench;

import io.gdsvault.ca.CertificateType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Issuance rate versus raw signature rate, measured in alternating short slices so that both
 * see the same background load (the JMH numbers on a shared 2-core machine swing by ±50% between
 * runs). Prints one markdown table row per key type and thread count.
 *
 * <p>Args: {@code [slices] [sliceMillis] [warmupSeconds]}, defaults 40, 500, 20.
 */
public final class IssuanceRatioHarness {

  private interface Op {
    void run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    int slices = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    long sliceMillis = args.length > 1 ? Long.parseLong(args[1]) : 500;
    long warmupSeconds = args.length > 2 ? Long.parseLong(args[2]) : 20;
    System.out.println("| key | threads | raw signatures/s | issued from CSR/s | issuance / raw |");
    System.out.println("|---|---|---|---|---|");
    for (CertificateType type : List.of(CertificateType.RSA_SHA256, CertificateType.ECC_NIST_P256)) {
      BenchFixture f = new BenchFixture(type, false);
      Op raw = () -> f.signer.sign(f.tbs);
      Op issue = () -> f.ca.issue(f.csr, f.request);
      long warmEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
      while (System.nanoTime() < warmEnd) {
        slice(raw, 2, 200);
        slice(issue, 2, 200);
      }
      for (int threads : new int[] {1, 2}) {
        long rawOps = 0;
        long issueOps = 0;
        for (int i = 0; i < slices; i++) {
          boolean rawFirst = i % 2 == 0; // alternate the order too
          long a = slice(rawFirst ? raw : issue, threads, sliceMillis);
          long b = slice(rawFirst ? issue : raw, threads, sliceMillis);
          rawOps += rawFirst ? a : b;
          issueOps += rawFirst ? b : a;
        }
        double seconds = slices * sliceMillis / 1000.0;
        double rawRate = rawOps / seconds;
        double issueRate = issueOps / seconds;
        System.out.printf("| %s | %d | %.0f | %.0f | %.0f%% |%n",
            type == CertificateType.RSA_SHA256 ? "RSA-2048" : "P-256", threads, rawRate, issueRate,
            100 * issueRate / rawRate);
      }
    }
  }

  /** Runs {@code op} on {@code threads} threads for {@code millis} ms; returns operations done. */
  private static long slice(Op op, int threads, long millis) throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    LongAdder count = new LongAdder();
    CountDownLatch done = new CountDownLatch(threads);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread w = new Thread(() -> {
        try {
          while (!stop.get()) {
            op.run();
            count.increment();
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        } finally {
          done.countDown();
        }
      });
      workers.add(w);
      w.start();
    }
    Thread.sleep(millis);
    stop.set(true);
    done.await();
    return count.sum();
  }
}
