package io.gdsvault.ca;

/** The OPC UA ApplicationType; it decides the extended key usages of an issued certificate. */
public enum ApplicationType {
  SERVER(true, false),
  CLIENT(false, true),
  CLIENT_AND_SERVER(true, true),
  DISCOVERY_SERVER(true, false);

  private final boolean serverAuth;
  private final boolean clientAuth;

  ApplicationType(boolean serverAuth, boolean clientAuth) {
    this.serverAuth = serverAuth;
    this.clientAuth = clientAuth;
  }

  public boolean serverAuth() {
    return serverAuth;
  }

  public boolean clientAuth() {
    return clientAuth;
  }
}
