package io.gdsvault.gds.model;

import java.util.Optional;

/** The OPC UA ApplicationType (Part 4 §7.4); the numeric values are the wire values. */
public enum ApplicationType {
  SERVER(0),
  CLIENT(1),
  CLIENT_AND_SERVER(2),
  DISCOVERY_SERVER(3);

  private final int value;

  ApplicationType(int value) {
    this.value = value;
  }

  public int value() {
    return value;
  }

  /** True for every type that offers endpoints, so needs at least one DiscoveryUrl. */
  public boolean isServer() {
    return this != CLIENT;
  }

  /** True for every type that acts as a client. */
  public boolean isClient() {
    return this == CLIENT || this == CLIENT_AND_SERVER;
  }

  public static Optional<ApplicationType> fromValue(int value) {
    for (ApplicationType t : values()) {
      if (t.value == value) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
