package io.gdsvault.bench.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under measurement in its own process. Its stdout and stderr go to files in its run
 * directory; lines matching one of the event patterns given at start are also kept in memory with
 * the time they were seen, so the harness can wait for "listening" or "key pool full".
 */
public final class ServerProcess implements AutoCloseable {

  /** A line that matched an event pattern, and when. */
  public record Event(long nanoTime, String line) {}

  private final String name;
  private final Process process;
  private final List<Pattern> patterns;
  private final List<Event> events = new ArrayList<>();
  private final Thread[] pumps;

  private ServerProcess(String name, Process process, List<Pattern> patterns, Path logDir) {
    this.name = name;
    this.process = process;
    this.patterns = List.copyOf(patterns);
    this.pumps =
        new Thread[] {
          pump(process.getInputStream(), logDir.resolve(name + ".stdout.log")),
          pump(process.getErrorStream(), logDir.resolve(name + ".stderr.log"))
        };
  }

  /**
   * Starts {@code command} in {@code workDir} with extra environment; {@code events} are the line
   * patterns to remember (in either stream).
   */
  public static ServerProcess start(
      String name,
      List<String> command,
      Path workDir,
      Map<String, String> environment,
      List<Pattern> events)
      throws IOException {
    Files.createDirectories(workDir);
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    pb.environment().putAll(environment);
    Files.writeString(workDir.resolve(name + ".command"), String.join(" ", command) + "\n");
    return new ServerProcess(name, pb.start(), events, workDir);
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Server CPU so far (all threads), ms. */
  public long cpuMillis() {
    return ProcStat.cpuMillis(process.pid());
  }

  /** Number of events seen so far: pass it to {@link #awaitEvent} to wait for a later one. */
  public synchronized int eventCount() {
    return events.size();
  }

  /**
   * The first event from index {@code from} on whose line matches {@code p}; waits up to {@code
   * timeout}. Fails when the process ends first.
   */
  public Matcher awaitEvent(Pattern p, int from, Duration timeout)
      throws InterruptedException, IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (true) {
        for (int i = from; i < events.size(); i++) {
          Matcher m = p.matcher(events.get(i).line());
          if (m.find()) {
            return m;
          }
        }
        if (!process.isAlive()) {
          throw new IOException(
              name + " exited with " + process.exitValue() + " before printing /" + p + "/");
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IOException(name + " printed no /" + p + "/ within " + timeout);
        }
        wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 500));
      }
    }
  }

  /**
   * Waits until the process uses less than {@code fraction} of one core over {@code window}
   * (finished JIT, GC and background work from the previous round); gives up after {@code timeout}.
   * Returns the time waited.
   */
  public Duration awaitQuiet(double fraction, Duration window, Duration timeout)
      throws InterruptedException {
    long t0 = System.nanoTime();
    long deadline = t0 + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      long c0 = cpuMillis();
      Thread.sleep(window.toMillis());
      long used = cpuMillis() - c0;
      if (c0 < 0 || used < fraction * window.toMillis()) {
        break;
      }
    }
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  private Thread pump(InputStream in, Path file) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                      new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                  PrintStream out =
                      new PrintStream(Files.newOutputStream(file), true, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                  out.println(line);
                  for (Pattern p : patterns) {
                    if (p.matcher(line).find()) {
                      record(line);
                      break;
                    }
                  }
                }
              } catch (IOException e) {
                // the process has ended: its streams are closed; the log file has what it printed
              }
            },
            name + "-output");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private synchronized void record(String line) {
    events.add(new Event(System.nanoTime(), line));
    notifyAll();
  }

  /** SIGTERM, then SIGKILL after 20 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    for (Thread t : pumps) {
      t.join(2000);
    }
  }
}
