package io.gdsvault.gds.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.testing.GdsTestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** `gds serve` as its own process: the listening line, SIGTERM, and the lock released after it. */
class ServeProcessIT {

  @Test
  void serveListensPrintsOneLineAndStopsCleanlyOnSigterm() throws Exception {
    Path data = Files.createTempDirectory("gds-process-");
    try {
      Process first = serve(data);
      List<String> out = new java.util.concurrent.CopyOnWriteArrayList<>();
      String listening = awaitListening(first, out);
      assertThat(listening).matches("GDS listening on opc\\.tcp://localhost:\\d+/GDS");
      assertThat(out.stream().filter(l -> l.startsWith("GDS listening on"))).hasSize(1);
      assertThat(out).anyMatch(l -> l.contains("initial-admin-password"));

      first.destroy(); // SIGTERM
      assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(first.exitValue()).isIn(0, 143);

      // the lock is gone: the same data directory starts again, without a new admin
      Process second = serve(data);
      List<String> out2 = new java.util.concurrent.CopyOnWriteArrayList<>();
      awaitListening(second, out2);
      assertThat(out2).noneMatch(l -> l.contains("First start"));
      second.destroy();
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      GdsTestServer.deleteTree(data);
    }
  }

  private static Process serve(Path data) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "serve",
            "--data",
            data.toString(),
            "--port",
            Integer.toString(GdsTestServer.freePort()));
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    return pb.start();
  }

  private static String awaitListening(Process p, List<String> lines) throws Exception {
    CompletableFuture<String> found = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                  if (line.startsWith("GDS listening on")) {
                    found.complete(line);
                  }
                }
                found.completeExceptionally(new IllegalStateException("exited: " + lines));
              } catch (Exception e) {
                found.completeExceptionally(e);
              }
            });
    reader.setDaemon(true);
    reader.start();
    return found.get(120, TimeUnit.SECONDS);
  }
}
