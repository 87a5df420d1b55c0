package io.gdsvault.bench.report;

import java.util.Arrays;
import java.util.List;

/** Order statistics of small samples (rounds, latencies). */
public final class Stats {

  private Stats() {}

  /** The median; NaN for no values. */
  public static double median(List<Double> values) {
    return percentile(values, 50);
  }

  /** The nearest-rank percentile {@code p} (0..100); NaN for no values. */
  public static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (p == 50 && sorted.length % 2 == 0) {
      return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** The nearest-rank percentile of raw long samples (e.g. latencies in microseconds). */
  public static long percentile(long[] values, double p) {
    if (values.length == 0) {
      return 0;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
