package io.gdsvault.gds.push;

import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.GdsException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which endpoints push may be enabled for: one on the host and port of a registered DiscoveryUrl of
 * the application, or one the operator allowed ({@code push.allowedEndpoints}). Checked before the
 * GDS connects anywhere, so EnablePush cannot be used to probe other hosts and ports from the GDS.
 */
final class EndpointRule {

  /** The rule as the refusal states it. */
  static final String REFUSAL =
      "is not on the host and port of a registered DiscoveryUrl of the application"
          + " (nor listed in push.allowedEndpoints)";

  private static final int DEFAULT_PORT = 4840;

  private final List<String> allowed;

  EndpointRule(List<String> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  /** Refuses {@code endpoint} (an opc.tcp URL already checked) unless the rule allows it. */
  void check(ApplicationRecord app, String endpoint) {
    String wanted = hostPort(endpoint).orElseThrow(() -> GdsException.invalid("bad endpoint"));
    for (String url : app.discoveryUrls()) {
      if (hostPort(url).filter(wanted::equals).isPresent()) {
        return;
      }
    }
    for (String entry : allowed) {
      String url = entry.regionMatches(true, 0, "opc.tcp://", 0, 10) ? entry : "opc.tcp://" + entry;
      if (hostPort(url).filter(wanted::equals).isPresent()) {
        return;
      }
    }
    throw GdsException.invalid("the endpoint " + wanted + " " + REFUSAL);
  }

  /** {@code host:port} of an opc.tcp URL (host in lower case, port 4840 when absent). */
  static Optional<String> hostPort(String url) {
    try {
      URI u = URI.create(url.trim());
      if (!"opc.tcp".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
        return Optional.empty();
      }
      int port = u.getPort() < 0 ? DEFAULT_PORT : u.getPort();
      return Optional.of(u.getHost().toLowerCase(Locale.ROOT) + ":" + port);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
