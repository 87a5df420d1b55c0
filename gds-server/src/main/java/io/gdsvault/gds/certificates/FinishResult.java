package io.gdsvault.gds.certificates;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What FinishRequest delivers: the certificate (DER), the private key (PEM or PFX bytes; null for a
 * signing request) and the issuer certificates (DER).
 */
// byte[] components: the bytes go onto the wire as they are; results are not compared
@SuppressWarnings("ArrayRecordComponent")
public record FinishResult(
    byte[] certificate, byte @Nullable [] privateKey, List<byte[]> issuerCertificates) {

  @Override
  public String toString() {
    return "FinishResult[private key hidden]";
  }
}
