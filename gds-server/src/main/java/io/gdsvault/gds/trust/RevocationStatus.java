package io.gdsvault.gds.trust;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the GDS knows about a certificate (CheckRevocationStatus), from its own CAs and CRLs.
 *
 * @param validUntil until when the answer holds (the CRL's nextUpdate or the certificate's
 *     notAfter, whichever is first); null when the issuer is unknown
 */
public record RevocationStatus(Status status, @Nullable Instant validUntil) {

  public enum Status {
    GOOD,
    REVOKED,
    /** Not issued by any CA of this GDS. */
    UNKNOWN_ISSUER,
    EXPIRED,
    /** Not a parseable X.509 certificate. */
    INVALID
  }
}
