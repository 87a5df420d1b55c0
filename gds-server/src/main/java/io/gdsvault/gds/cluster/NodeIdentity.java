package io.gdsvault.gds.cluster;

import java.net.InetAddress;
import java.util.UUID;

/**
 * The identity of one running GDS process among the nodes sharing a database: the host name plus a
 * random part, new on every start (a restarted node is a new holder; its old leases expire).
 */
public record NodeIdentity(String id) {

  public NodeIdentity {
    if (id == null || id.isBlank() || id.length() > 128) {
      throw new IllegalArgumentException("node id must be 1 to 128 characters");
    }
  }

  public static NodeIdentity generate() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "node";
    }
    if (host.length() > 80) {
      host = host.substring(0, 80);
    }
    return new NodeIdentity(host + "-" + UUID.randomUUID().toString().substring(0, 8));
  }

  @Override
  public String toString() {
    return id;
  }
}
