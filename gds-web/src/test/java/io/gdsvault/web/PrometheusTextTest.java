package io.gdsvault.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The test parser refuses what Prometheus would refuse. */
class PrometheusTextTest {

  @Test
  void parsesSamplesWithLabels() {
    var s =
        PrometheusText.parse(
            """
            # HELP gds_requests x
            # TYPE gds_requests gauge
            gds_requests{state="new"} 2.0
            up 1
            """);
    assertThat(s).containsEntry("gds_requests{state=\"new\"}", 2.0).containsEntry("up", 1.0);
  }

  @Test
  void refusesMalformedLines() {
    assertThatThrownBy(() -> PrometheusText.parse("gds requests 1\n"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PrometheusText.parse("x{a=b} 1\n"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PrometheusText.parse("# TYPE x gauge\n# TYPE x gauge\n"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PrometheusText.parse("x 1\nx 2\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
