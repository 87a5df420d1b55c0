package io.gdsvault.sim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small fleet in one JVM: every device is a working, pruned push target on its own port. */
class FleetIT {

  @TempDir Path tmp;

  @Test
  void aFleetStartsDevicesOnConsecutivePortsWithTheirOwnPki() throws Exception {
    int base = freeRange(3);
    var out = new ByteArrayOutputStream();
    try (var fleet =
        Fleet.start(
            new Fleet.Settings("127.0.0.1", base, 3, tmp, "admin", null, false, 2, true),
            new PrintStream(out, true, StandardCharsets.UTF_8))) {
      assertThat(fleet.devices()).hasSize(3);
      for (int i = 0; i < 3; i++) {
        String url = "opc.tcp://127.0.0.1:" + (base + i) + "/device-sim";
        assertThat(fleet.devices().get(i).endpointUrl()).isEqualTo(url);
        assertThat(DiscoveryClient.getEndpoints(url).get(10, TimeUnit.SECONDS)).isNotEmpty();
        assertThat(tmp.resolve("device-" + (base + i) + "/own/certs/application.pem")).exists();
      }
      assertThat(fleet.devices().get(0).support().currentCertificate())
          .isNotEqualTo(fleet.devices().get(1).support().currentCertificate());
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("3 push targets listening on");
      assertThat(Files.readString(tmp.resolve("admin-password")).strip()).hasSizeGreaterThan(16);
    }
  }

  private static int freeRange(int n) throws Exception {
    for (int attempt = 0; attempt < 20; attempt++) {
      int base;
      try (var s = new ServerSocket(0)) {
        base = s.getLocalPort();
      }
      if (base + n > 65535) {
        continue;
      }
      boolean free = true;
      for (int i = 1; i < n && free; i++) {
        try (var s = new ServerSocket(base + i)) {
          free = true;
        } catch (Exception e) {
          free = false;
        }
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("no free port range");
  }
}
