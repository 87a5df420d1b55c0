package io.gdsvault.bench.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of a process read from Linux {@code /proc/PID/stat} (utime + stime: every thread of the
 * process, JIT and GC included), in milliseconds.
 */
public final class ProcStat {

  /** Clock ticks per second of {@code /proc} times (USER_HZ; 100 on every Linux we run on). */
  private static final long TICKS_PER_SECOND = ticksPerSecond();

  private ProcStat() {}

  /** utime + stime of {@code pid} in ms; -1 when the process is gone or /proc is unavailable. */
  public static long cpuMillis(long pid) {
    try {
      return cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")))
          * 1000
          / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** CPU of {@code pid} plus every direct child (a PostgreSQL postmaster and its backends). */
  public static long cpuMillisWithChildren(long pid) {
    long total = Math.max(0, cpuMillis(pid));
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path p : procs) {
        try {
          String stat = Files.readString(p.resolve("stat"));
          if (parentOf(stat) == pid) {
            total += cpuTicks(stat) * 1000 / TICKS_PER_SECOND;
          }
        } catch (IOException | RuntimeException e) {
          // the process ended while we looked
        }
      }
    } catch (IOException e) {
      return total;
    }
    return total;
  }

  /** Resident set size of {@code pid} in MiB from {@code /proc/PID/status}; -1 if unknown. */
  public static long rssMib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  // fields after the ")" that closes the command name: state(3) ppid(4) ... utime(14) stime(15)
  private static String[] fieldsAfterName(String stat) {
    return stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+", -1);
  }

  private static long cpuTicks(String stat) {
    String[] f = fieldsAfterName(stat);
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  private static long parentOf(String stat) {
    return Long.parseLong(fieldsAfterName(stat)[1]);
  }

  private static long ticksPerSecond() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)
              .trim();
      p.waitFor();
      return Long.parseLong(out);
    } catch (IOException | RuntimeException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
