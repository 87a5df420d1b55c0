package io.gdsvault.gds.model.ua.client;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Who the client application is on the secure channel.
 *
 * @param applicationName the ApplicationName it announces
 * @param applicationUri its ApplicationUri (the certificate's SAN URI)
 * @param keyPair the key of its application instance certificate
 * @param chain its certificate first, then any issuers
 */
public record ClientCredentials(
    String applicationName, String applicationUri, KeyPair keyPair, List<X509Certificate> chain) {

  public ClientCredentials {
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a client needs its certificate");
    }
  }

  public X509Certificate certificate() {
    return chain.get(0);
  }
}
