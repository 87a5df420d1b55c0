package io.gdsvault.sim.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code device-sim push-target} as operators run it: a separate JVM that announces its URL. */
class PushTargetCliIT {

  @TempDir Path tmp;

  @Test
  void pushTargetPrintsItsListeningLineAndServesEndpoints() throws Exception {
    Path pw = Files.writeString(tmp.resolve("pw"), "secret\n");
    int port;
    try (var s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "push-target",
                "--port",
                String.valueOf(port),
                "--pki",
                tmp.resolve("pki").toString(),
                "--admin-user",
                "admin",
                "--admin-password-file",
                pw.toString())
            .redirectError(tmp.resolve("stderr.txt").toFile())
            .start();
    try (var out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      String url = "opc.tcp://127.0.0.1:" + port + "/device-sim";
      assertThat(line).isEqualTo("device-sim listening on " + url);
      List<EndpointDescription> endpoints =
          DiscoveryClient.getEndpoints(url).get(10, TimeUnit.SECONDS);
      assertThat(endpoints).isNotEmpty();
      assertThat(tmp.resolve("pki/own/certs/application.pem")).exists();
      assertThat(tmp.resolve("pki/own/private/application.pem")).exists();
    } finally {
      p.destroy();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
