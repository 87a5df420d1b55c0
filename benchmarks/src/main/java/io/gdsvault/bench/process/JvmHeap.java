package io.gdsvault.bench.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The heap of another JVM, read with the JDK's own {@code jstat -gc} (used = survivor + eden + old
 * generation) and, for the live set, {@code jcmd PID GC.run} first.
 */
public final class JvmHeap {

  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

  private JvmHeap() {}

  /** Used heap of {@code pid} in MiB; NaN if jstat cannot read it. */
  public static double usedMib(long pid) {
    try {
      List<String> lines = run(tool("jstat"), "-gc", Long.toString(pid));
      if (lines.size() < 2) {
        return Double.NaN;
      }
      List<String> names = Arrays.asList(WHITESPACE.split(lines.get(0).trim(), -1));
      String[] values = WHITESPACE.split(lines.get(1).trim(), -1);
      double kb = 0;
      for (String column : List.of("S0U", "S1U", "EU", "OU")) {
        kb += Double.parseDouble(values[names.indexOf(column)]);
      }
      return kb / 1024;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** Runs a full GC in {@code pid}, then reads the used heap: the live set, MiB. */
  public static double liveMib(long pid) {
    try {
      run(tool("jcmd"), Long.toString(pid), "GC.run");
    } catch (IOException e) {
      return Double.NaN;
    }
    return usedMib(pid);
  }

  private static String tool(String name) {
    Path p = Path.of(System.getProperty("java.home"), "bin", name);
    return p.toFile().canExecute() ? p.toString() : name;
  }

  private static List<String> run(String... command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return out.lines().filter(l -> !l.isBlank()).toList();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
