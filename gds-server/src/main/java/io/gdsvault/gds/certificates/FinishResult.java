package io.gdsvault.gds.certificates;

import java.util.List;

/**
 * What FinishRequest delivers: the certificate (DER), the private key (PEM or PFX bytes; null for a
 * signing request) and the issuer certificates (DER).
 */
public record FinishResult(byte[] certificate, byte[] privateKey, List<byte[]> issuerCertificates) {

  @Override
  public String toString() {
    return "FinishResult[private key hidden]";
  }
}
