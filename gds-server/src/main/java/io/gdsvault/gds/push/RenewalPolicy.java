package io.gdsvault.gds.push;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When a target's certificate is renewed: after the configured share of its lifetime, when it is
 * not from the current CA of its type (a CA rollover), not from our CAs at all, or revoked.
 */
final class RenewalPolicy {

  private final TrustSource trust;
  private final double renewAfterShare;

  RenewalPolicy(TrustSource trust, double renewAfterShare) {
    this.trust = trust;
    this.renewAfterShare = renewAfterShare;
  }

  /** Why the certificate is due for renewal at {@code now}, or null when it is not. */
  @Nullable String reason(X509Certificate cert, Instant now) {
    Instant nb = cert.getNotBefore().toInstant();
    Instant na = cert.getNotAfter().toInstant();
    long life = Duration.between(nb, na).toMillis();
    if (Duration.between(nb, now).toMillis() >= (long) (life * renewAfterShare)) {
      return "certificate passed " + Math.round(renewAfterShare * 100) + "% of its lifetime";
    }
    return switch (trust.standing(cert)) {
      case NOT_OURS -> "certificate is not from a CA of this GDS";
      case PREVIOUS_CA -> "certificate is from a previous CA";
      case REVOKED -> "certificate was revoked";
      case CURRENT -> null;
    };
  }

  /**
   * Why the target needs new certificates, or null: the first installed certificate (of any type)
   * that is due; a target without one is left to its first push.
   */
  @Nullable String reason(PushTarget t, Instant now) {
    boolean primary = true;
    for (CertificateSlot s : t.certificates()) {
      InstalledCertificate c = s.installed();
      String why = c == null ? null : reason(Thumbprints.parse(c.der()), now);
      if (why != null) {
        return primary ? why : s.type() + " " + why;
      }
      primary = false;
    }
    return null;
  }
}
