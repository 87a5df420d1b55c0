package io.gdsvault.gds.certificates;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A certificate the GDS issued, keyed by its CA generation and serial (hex). */
// byte[] component: the DER as stored; records are not compared
@SuppressWarnings("ArrayRecordComponent")
public record IssuedCertificateRecord(
    String caId,
    String serial,
    UUID applicationId,
    String certificateGroup,
    String certificateType,
    @Nullable UUID requestId,
    String thumbprint,
    byte[] certificateDer,
    Instant notAfter,
    Instant issuedAt,
    @Nullable Instant revokedAt) {

  public boolean revoked() {
    return revokedAt != null;
  }
}
