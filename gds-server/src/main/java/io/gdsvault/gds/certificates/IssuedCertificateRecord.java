package io.gdsvault.gds.certificates;

import java.time.Instant;
import java.util.UUID;

/** A certificate the GDS issued, keyed by its CA generation and serial (hex). */
public record IssuedCertificateRecord(
    String caId,
    String serial,
    UUID applicationId,
    String certificateGroup,
    String certificateType,
    UUID requestId,
    String thumbprint,
    byte[] certificateDer,
    Instant notAfter,
    Instant issuedAt,
    Instant revokedAt) {

  public boolean revoked() {
    return revokedAt != null;
  }
}
