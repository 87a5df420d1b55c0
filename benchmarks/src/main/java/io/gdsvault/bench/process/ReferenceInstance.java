package io.gdsvault.bench.process;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The plain Milo reference server ({@code gds-bench reference}) in its own JVM. */
public final class ReferenceInstance implements AutoCloseable {

  public static final Pattern LISTENING = Pattern.compile("REFERENCE listening on (\\S+)");

  private final ServerProcess process;
  private final String url;

  private ReferenceInstance(ServerProcess process, String url) {
    this.process = process;
    this.url = url;
  }

  /** Starts this harness's own jar (or classes directory) with the {@code reference} command. */
  public static ReferenceInstance start(Path dir, List<String> javaOptions)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(GdsInstance.java());
    cmd.addAll(javaOptions);
    cmd.addAll(
        List.of(
            "-cp",
            absoluteClassPath(),
            "io.gdsvault.bench.Main",
            "reference",
            "--port",
            Integer.toString(Ports.free())));
    ServerProcess p = ServerProcess.start("reference", cmd, dir, Map.of(), List.of(LISTENING));
    try {
      return new ReferenceInstance(p, p.awaitEvent(LISTENING, 0, Duration.ofMinutes(2)).group(1));
    } catch (IOException | InterruptedException | RuntimeException e) {
      p.close();
      throw e;
    }
  }

  private static String absoluteClassPath() {
    return java.util.Arrays.stream(
            System.getProperty("java.class.path").split(java.io.File.pathSeparator, -1))
        .map(p -> Path.of(p).toAbsolutePath().toString())
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  public ServerProcess process() {
    return process;
  }

  public String url() {
    return url;
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }
}
