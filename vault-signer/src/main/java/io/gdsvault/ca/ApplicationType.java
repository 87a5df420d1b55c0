package io.gdsvault.ca;

/**
 * The OPC UA ApplicationType; it decides the extended key usages of an issued certificate. A server
 * (discovery servers included) gets serverAuth and clientAuth, as the OPC Foundation's reference
 * GDS issues it: servers also connect out (register with a discovery server, reverse connect,
 * aggregate or push), and peers that check the extended key usage refuse a server certificate
 * without clientAuth there. A client gets clientAuth only.
 */
public enum ApplicationType {
  SERVER(true, true),
  CLIENT(false, true),
  CLIENT_AND_SERVER(true, true),
  DISCOVERY_SERVER(true, true);

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
