package io.gdsvault.bench.client;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.jspecify.annotations.Nullable;

/**
 * One simulated device: its ApplicationUri, key pair, self-signed application certificate, and a
 * CSR for that URI made beforehand (so the flows measure the servers, not the client's key work). A
 * pull flow records the ApplicationId and the GDS-issued chain, which a renewal then uses as the
 * session's client certificate.
 */
public final class Device {

  private final String applicationUri;
  private final KeyPair keyPair;
  private final X509Certificate selfSigned;
  private final byte[] csr;
  private volatile @Nullable NodeId applicationId;
  private volatile X509Certificate @Nullable [] issuedChain;

  Device(String applicationUri, KeyPair keyPair, X509Certificate selfSigned, byte[] csr) {
    this.applicationUri = applicationUri;
    this.keyPair = keyPair;
    this.selfSigned = selfSigned;
    this.csr = csr.clone();
  }

  public String applicationUri() {
    return applicationUri;
  }

  public KeyPair keyPair() {
    return keyPair;
  }

  /** The chain to present: the GDS-issued one after a pull, else the self-signed certificate. */
  public X509Certificate[] chain(boolean issued) {
    X509Certificate[] c = issuedChain;
    if (issued) {
      if (c == null) {
        throw new IllegalStateException(applicationUri + " has no GDS-issued certificate yet");
      }
      return c.clone();
    }
    return new X509Certificate[] {selfSigned};
  }

  public boolean hasIssuedCertificate() {
    return issuedChain != null;
  }

  byte[] csr() {
    return csr.clone();
  }

  int csrLength() {
    return csr.length;
  }

  @Nullable NodeId applicationId() {
    return applicationId;
  }

  void registered(NodeId id) {
    applicationId = id;
  }

  void issued(X509Certificate[] chain) {
    issuedChain = chain.clone();
  }
}
