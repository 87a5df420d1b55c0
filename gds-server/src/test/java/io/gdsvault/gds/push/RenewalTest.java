package io.gdsvault.gds.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When a target's certificate is renewed: past the configured share of its lifetime, from a
 * previous CA (rollover), not from our CAs, or revoked; the scan queues a full push only for those
 * and never a second one beside a full push already queued.
 */
class RenewalTest {

  final PushWorld w = new PushWorld();
  final RenewalPolicy policy = new RenewalPolicy(w.trust, 0.5);

  @AfterEach
  void close() {
    w.close();
  }

  @Test
  void aCertificateIsDueOnceTheShareOfItsLifetimeHasPassed() {
    X509Certificate c = w.ca.issue("t", PushWorld.START, Duration.ofDays(100));
    assertThat(policy.reason(c, PushWorld.START.plus(Duration.ofDays(49)))).isNull();
    assertThat(policy.reason(c, PushWorld.START.plus(Duration.ofDays(50))))
        .isEqualTo("certificate passed 50% of its lifetime");
  }

  @Test
  void aCertificateFromAPreviousCaNotOursOrRevokedIsDueAtOnce() {
    X509Certificate c = w.ca.issue("t", PushWorld.START, Duration.ofDays(100));
    assertThat(policy.reason(c, PushWorld.START)).isNull();
    w.trust.standings.put(Thumbprints.of(c), TrustSource.Standing.PREVIOUS_CA);
    assertThat(policy.reason(c, PushWorld.START)).isEqualTo("certificate is from a previous CA");
    w.trust.standings.put(Thumbprints.of(c), TrustSource.Standing.REVOKED);
    assertThat(policy.reason(c, PushWorld.START)).isEqualTo("certificate was revoked");
    X509Certificate foreign = TestCa.selfSigned("other", PushWorld.START);
    assertThat(policy.reason(foreign, PushWorld.START))
        .isEqualTo("certificate is not from a CA of this GDS");
  }

  @Test
  void theScanQueuesAFullPushForDueTargetsOnly() {
    PushEngine engine = w.engine();
    UUID renewed = w.enabled(engine);
    UUID fresh = w.enabled(engine);
    UUID never = w.register(); // not managed by push
    engine.dispatchDue();
    assertThat(w.job(renewed).state()).isEqualTo(PushState.SUCCEEDED);
    assertThat(w.job(fresh).state()).isEqualTo(PushState.SUCCEEDED);
    X509Certificate installed = Thumbprints.parse(w.job(renewed).certificateDer());
    w.trust.standings.put(Thumbprints.of(installed), TrustSource.Standing.REVOKED);

    assertThat(engine.scanRenewals()).isEqualTo(1);
    assertThat(w.job(renewed).state()).isEqualTo(PushState.PENDING);
    assertThat(w.job(renewed).phase()).isEqualTo("queued: certificate was revoked");
    assertThat(w.job(fresh).state()).isEqualTo(PushState.SUCCEEDED);
    assertThat(engine.scanRenewals()).as("a full push is queued already").isZero();
    assertThat(w.repository.find(never)).isEmpty();

    PushTarget done = w.runWhenDue(engine, renewed);
    assertThat(done.certificateThumbprint()).isNotEqualTo(Thumbprints.of(installed));
  }

  @Test
  void aTargetWithoutACertificateIsLeftToItsFirstPush() {
    PushEngine engine = w.engine();
    UUID app = w.enabled(engine);
    w.target.down = true;
    w.runWhenDue(engine, app);
    assertThat(engine.scanRenewals()).isZero();
  }
}
