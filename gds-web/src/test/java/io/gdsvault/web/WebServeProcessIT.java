package io.gdsvault.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.testing.GdsTestServer;
import io.gdsvault.testing.Await;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code gds serve} as a process: --web-port, the printed line, HTTPS with its CA, --no-web. */
class WebServeProcessIT {

  @Test
  void serveStartsTheConsoleOnTheGivenPortAndNoWebTurnsItOff() throws Exception {
    Path dir = Files.createTempDirectory("gds-web-serve-");
    int webPort = GdsTestServer.freePort();
    List<String> out = new CopyOnWriteArrayList<>();
    Process p = serve(dir.resolve("data"), out, "--web-port", Integer.toString(webPort));
    try {
      String line =
          Await.until("the console's line")
              .atMost(Duration.ofMinutes(2))
              .value(
                  () ->
                      out.stream()
                          .filter(l -> l.startsWith("GDS web console on "))
                          .findFirst()
                          .orElse(null),
                  l -> true);
      assertThat(line).isEqualTo("GDS web console on https://127.0.0.1:" + webPort + "/");
      var http = WebFixture.client(dir.resolve("data/pki/https/ca.pem"));
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + webPort + "/health"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"up\"");
    } finally {
      stop(p);
    }
    List<String> second = new CopyOnWriteArrayList<>();
    Process q = serve(dir.resolve("data"), second, "--no-web");
    try {
      Await.until("the OPC UA line")
          .atMost(Duration.ofMinutes(2))
          .isTrue(() -> second.stream().anyMatch(l -> l.startsWith("GDS listening on ")));
      assertThat(second).noneMatch(l -> l.startsWith("GDS web console on"));
    } finally {
      stop(q);
    }
  }

  private static Process serve(Path data, List<String> out, String... extra) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.gdsvault.gds.app.Main");
    cmd.addAll(
        List.of(
            "serve",
            "--data",
            data.toString(),
            "--port",
            Integer.toString(GdsTestServer.freePort())));
    cmd.addAll(List.of(extra));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                  out.add(l);
                }
              } catch (java.io.IOException e) {
                out.add("read failed: " + e);
              }
            },
            "serve-output");
    reader.setDaemon(true);
    reader.start();
    return p;
  }

  private static void stop(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
