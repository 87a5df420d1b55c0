package io.gdsvault.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A small property runner for the hostile-input tests. A property is a generator that makes one
 * input from a seeded {@link Random} and a check that must hold for every input.
 *
 * <ul>
 *   <li>Bounded: at most {@code tries} inputs and at most {@code budget} of wall time (whichever
 *       ends first; the time budget only stops generating, it asserts nothing about speed).
 *   <li>Never hangs: one input that runs past the hang limit (budget plus 30 s) fails the property
 *       and names that input.
 *   <li>Reproducible: the seed of a property is fixed (derived from its name), so CI runs the same
 *       inputs every time. {@code -Dfuzz.seed=N} runs other inputs, {@code -Dfuzz.tries=F}
 *       multiplies the tries (e.g. 20 for a long local run). Try {@code i} uses the seed {@code
 *       seed + i}, so a failure names the seed and try that replay it with {@link #replay}.
 *   <li>Reported: each run prints {@code fuzz property=... seed=... tries=... millis=...} to the
 *       test output (target/surefire-reports/*-output.txt).
 * </ul>
 *
 * Written for this project instead of using jqwik: see the README section on hostile input.
 */
public final class Fuzz {

  /** What must hold for one input; throw (an AssertionError or anything else) when it does not. */
  @FunctionalInterface
  public interface Check<T> {
    void check(T input) throws Exception;
  }

  /** How a property run went. */
  public record Outcome(String property, long seed, int tries, long millis) {}

  private static final Duration HANG_MARGIN = Duration.ofSeconds(30);

  private Fuzz() {}

  /** Runs {@code check} on up to {@code tries} generated inputs within {@code budget}. */
  public static <T> Outcome forAll(
      String property, int tries, Duration budget, Function<Random, T> generator, Check<T> check) {
    return forAll(property, tries, budget, budget.plus(HANG_MARGIN), generator, check);
  }

  /** As above, failing when the run takes longer than {@code hangLimit} (budget plus one input). */
  public static <T> Outcome forAll(
      String property,
      int tries,
      Duration budget,
      Duration hangLimit,
      Function<Random, T> generator,
      Check<T> check) {
    long seed = seed(property);
    int scaled = scaledTries(tries);
    Duration effective =
        scaled == tries ? budget : budget.multipliedBy(Math.max(1, scaled / Math.max(1, tries)));
    Progress progress = new Progress(property, seed);
    long start = System.nanoTime();
    ExecutorService runner = singleDaemonThread(property);
    try {
      long deadline = start + effective.toNanos();
      Future<?> run =
          runner.submit(
              () -> {
                runTries(progress, scaled, deadline, generator, check);
                return null;
              });
      awaitRun(run, hangLimit.plus(effective.minus(budget)), progress);
    } finally {
      runner.shutdownNow();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "fuzz property=%s seed=%d tries=%d/%d millis=%d%n",
        property, seed, progress.done.get(), scaled, millis);
    return new Outcome(property, seed, progress.done.get(), millis);
  }

  /** How far a run got: the tries that passed and the input under check. */
  private static final class Progress {
    final String property;
    final long seed;
    final AtomicInteger done = new AtomicInteger();
    final AtomicReference<@Nullable Object> current = new AtomicReference<>();

    Progress(String property, long seed) {
      this.property = property;
      this.seed = seed;
    }
  }

  /** {@code tries} multiplied by {@code -Dfuzz.tries} (at least one). */
  private static int scaledTries(int tries) {
    double factor = Double.parseDouble(System.getProperty("fuzz.tries", "1"));
    return Math.max(1, (int) Math.round(tries * factor));
  }

  private static ExecutorService singleDaemonThread(String property) {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, "fuzz-" + property);
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Checks generated inputs until {@code tries} passed or the deadline (after the first) passed.
   */
  private static <T> void runTries(
      Progress progress, int tries, long deadline, Function<Random, T> generator, Check<T> check) {
    for (int i = 0; i < tries && (i == 0 || System.nanoTime() < deadline); i++) {
      T input = generator.apply(replay(progress.seed + i));
      progress.current.set(input);
      try {
        check.check(input);
      } catch (Throwable e) {
        throw new AssertionError(
            "property "
                + progress.property
                + " falsified at try "
                + i
                + " (seed "
                + progress.seed
                + ", replay with "
                + "Fuzz.replay(seed + "
                + i
                + ")): input "
                + describe(input)
                + ": "
                + e,
            e);
      }
      progress.done.incrementAndGet();
    }
  }

  /**
   * Waits for the run, turning a hang, a falsified check or an interrupt into an AssertionError.
   */
  private static void awaitRun(Future<?> run, Duration limit, Progress progress) {
    try {
      run.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      run.cancel(true);
      throw new AssertionError(
          "property "
              + progress.property
              + " hung at try "
              + progress.done.get()
              + " (seed "
              + progress.seed
              + "): input "
              + describe(progress.current.get()));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AssertionError a) {
        throw a;
      }
      throw new AssertionError("property " + progress.property + " failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * The random source of one try, to replay a failure in an example test. The seed is mixed first:
   * java.util.Random's first values for neighbouring seeds are nearly the same, which would make
   * every try take the same first choice.
   */
  public static Random replay(long seedPlusTry) {
    long z = seedPlusTry + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new Random(z ^ (z >>> 31));
  }

  /** The property's seed: {@code -Dfuzz.seed}, else fixed per property name. */
  public static long seed(String property) {
    String fixed = System.getProperty("fuzz.seed");
    if (fixed != null && !fixed.isBlank()) {
      return Long.parseLong(fixed.strip());
    }
    long h = 1125899906842597L;
    for (byte b : property.getBytes(StandardCharsets.UTF_8)) {
      h = 31 * h + b;
    }
    return h;
  }

  /** A short, printable description of an input (length and a hex or text prefix). */
  public static String describe(@Nullable Object input) {
    if (input instanceof byte[] b) {
      String hex = HexFormat.of().formatHex(b, 0, Math.min(b.length, 48));
      return b.length + " bytes [" + hex + (b.length > 48 ? "..." : "") + "]";
    }
    String s = String.valueOf(input);
    StringBuilder out = new StringBuilder();
    s.codePoints()
        .limit(120)
        .forEach(
            cp ->
                out.append(
                    cp >= 32 && cp < 127 ? Character.toString(cp) : String.format("\\u{%x}", cp)));
    return "\"" + out + (s.length() > 120 ? "\"... (" + s.length() + " chars)" : "\"");
  }
}
