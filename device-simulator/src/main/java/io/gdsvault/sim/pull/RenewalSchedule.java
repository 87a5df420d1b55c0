package io.gdsvault.sim.pull;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/** When a certificate is due for renewal: after {@code fraction} of its lifetime has passed. */
public final class RenewalSchedule {

  private RenewalSchedule() {}

  public static Instant renewalDue(Instant notBefore, Instant notAfter, double fraction) {
    if (!(fraction >= 0.0 && fraction <= 1.0)) {
      throw new IllegalArgumentException("fraction must be between 0 and 1");
    }
    long lifetimeMillis = Math.max(0, Duration.between(notBefore, notAfter).toMillis());
    return notBefore.plusMillis((long) Math.floor(lifetimeMillis * fraction));
  }

  public static Instant renewalDue(X509Certificate cert, double fraction) {
    return renewalDue(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), fraction);
  }
}
