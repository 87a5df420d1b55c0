package io.gdsvault.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdsvault.signer.SecretResolver;
import io.gdsvault.signer.local.LocalKeyStoreBackend;
import io.gdsvault.signer.local.LocalSignerSettings;
import io.gdsvault.testing.MutableClock;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CRLs exist from the first day, are re-issued before nextUpdate, and CAs roll over on time. */
class CrlScheduleTest {

  @TempDir Path dir;

  private CertificateAuthority open(MutableClock clock) throws Exception {
    var backend =
        LocalKeyStoreBackend.open(
            new LocalSignerSettings(dir.resolve("keys"), null, null),
            new SecretResolver(n -> null));
    CaConfig config =
        new CaConfig(
            "g",
            CertificateType.ECC_NIST_P256,
            null,
            "CN=Test CA, O=Test",
            Duration.ofDays(100),
            Duration.ofDays(30),
            Duration.ofDays(10),
            Duration.ofDays(2),
            Duration.ofDays(40),
            null);
    return CertificateAuthority.open(
        config, backend, new FileCaStateStore(dir.resolve("state")), clock);
  }

  // Some OPC UA stacks refuse a CA without a CRL: one must exist as soon as the CA does.
  @Test
  void aNewCaHasAnEmptyCrlNumberedOne() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    CertificateAuthority ca = open(clock);
    X509CRL crl = ca.currentCrl();
    assertThat(CaBackendContract.crlNumber(crl)).isEqualTo(BigInteger.ONE);
    assertThat(crl.getRevokedCertificates()).isNull();
    assertThat(crl.getNextUpdate().toInstant()).isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
    crl.verify(ca.currentCaCertificate().getPublicKey());
  }

  @Test
  void reissueIsDueOnlyWithinTheMarginBeforeNextUpdate() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    CertificateAuthority ca = open(clock);
    assertThat(ca.crlReissueDue()).isFalse();
    assertThat(ca.nextCrlReissueAt()).isEqualTo(Instant.parse("2026-03-09T00:00:00Z"));
    assertThat(ca.reissueDueCrls()).isEmpty();

    clock.advance(Duration.ofDays(8));
    assertThat(ca.crlReissueDue()).isTrue();
    List<X509CRL> fresh = ca.reissueDueCrls();
    assertThat(fresh).hasSize(1);
    assertThat(CaBackendContract.crlNumber(fresh.get(0))).isEqualTo(BigInteger.TWO);
    assertThat(ca.crlReissueDue()).isFalse();
  }

  @Test
  void renewalFallsDueAndRolloverKeepsTheCrlChainGoing() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    CertificateAuthority ca = open(clock);
    assertThat(ca.renewalDue()).isFalse();
    clock.advance(Duration.ofDays(61));
    assertThat(ca.renewalDue()).isTrue();
    var oldCa = ca.currentCaCertificate();
    var newCa = ca.rollover();
    assertThat(ca.renewalDue()).isFalse();
    assertThat(newCa.getSubjectX500Principal().getName()).contains("CN=Test CA G2");
    assertThat(ca.trustedCaCertificates()).containsExactly(newCa, oldCa);
    // issued certificates never outlive their issuer
    var issued =
        ca.issue(
            TestCsrs.csr(TestCsrs.ec("secp256r1"), "urn:a:b"),
            new IssuanceRequest("urn:a:b", null, List.of(), List.of(), ApplicationType.SERVER));
    assertThat(issued.certificate().getNotAfter()).isBeforeOrEqualTo(newCa.getNotAfter());

    clock.advance(Duration.ofDays(40)); // the old CA expires
    assertThat(ca.trustedCaCertificates()).containsExactly(newCa);
    assertThat(ca.crls()).hasSize(1);
  }

  @Test
  void revokingAnUnknownSerialIsNotFound() throws Exception {
    CertificateAuthority ca = open(new MutableClock(Instant.parse("2026-03-01T00:00:00Z")));
    Throwable t = catchThrowable(() -> ca.revoke(BigInteger.valueOf(12345)));
    assertThat(t)
        .isInstanceOfSatisfying(
            CaException.class, e -> assertThat(e.reason()).isEqualTo(CaException.Reason.NOT_FOUND));
  }
}
