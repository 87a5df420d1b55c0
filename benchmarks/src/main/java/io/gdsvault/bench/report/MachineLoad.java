package io.gdsvault.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average (Linux {@code /proc/loadavg}), recorded beside every result. */
public final class MachineLoad {

  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

  private MachineLoad() {}

  /** The one-minute load average; NaN where {@code /proc} is not available. */
  public static double oneMinute() {
    try {
      String line = Files.readString(Path.of("/proc/loadavg")).trim();
      return Double.parseDouble(WHITESPACE.split(line, -1)[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** The three load averages as {@code /proc/loadavg} shows them. */
  public static String summary() {
    try {
      String[] f = WHITESPACE.split(Files.readString(Path.of("/proc/loadavg")).trim(), -1);
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }
}
