package io.gdsvault.ca;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.signer.testing.FakeSignerBackend;
import io.gdsvault.testing.MutableClock;
import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CRL numbers only go up; revocations reach the CRL at once; re-issue falls due on time. */
class CrlIssuerTest {

  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
  private static final Duration LIFETIME = Duration.ofDays(10);
  private static final Duration BEFORE = Duration.ofDays(2);

  private final MutableClock clock = new MutableClock(START);
  private final RecordingStore store = new RecordingStore();
  private OpenGeneration g1;
  private OpenGeneration g2;

  @BeforeEach
  void setUp() throws Exception {
    CaConfig config =
        new CaConfig(
            "g",
            CertificateType.ECC_NIST_P256,
            null,
            "CN=Test CA",
            Duration.ofDays(100),
            Duration.ofDays(30),
            LIFETIME,
            BEFORE,
            Duration.ofDays(40),
            null);
    GenerationLine line = new GenerationLine(config, new FakeSignerBackend(), store, clock);
    line.create(1);
    line.create(2);
    line.load();
    g1 = line.all().get(0);
    g2 = line.all().get(1);
  }

  private CrlIssuer issuer() {
    return new CrlIssuer(store, clock, LIFETIME, BEFORE);
  }

  private static long number(X509CRL crl) {
    return CaBackendContract.crlNumber(crl).longValueExact();
  }

  // Relying parties drop a CRL whose number does not rise (RFC 5280 §5.2.3).
  @Test
  void crlNumbersRiseWithEveryIssueAndSurviveARestart() throws Exception {
    CrlIssuer crls = issuer();
    assertThat(crls.hasCrl(g1.caId())).isFalse();
    long previous = 0;
    for (int i = 0; i < 5; i++) {
      long n = number(crls.issue(g1));
      assertThat(n).isGreaterThan(previous);
      previous = n;
    }
    crls.revoke(g1, BigInteger.valueOf(0x1234_5678_9abcL));
    long afterRevoke = number(crls.latest(g1.caId()).orElseThrow());
    assertThat(afterRevoke).isGreaterThan(previous);
    assertThat(number(issuer().issue(g1))).isGreaterThan(afterRevoke); // a new issuer, same store
    assertThat(number(crls.issue(g2))).isEqualTo(1); // numbered per generation
  }

  @Test
  void aCrlIsSignedByItsGenerationAndNamesItsKey() throws Exception {
    X509CRL crl = issuer().issue(g1);
    crl.verify(g1.certificate().getPublicKey());
    assertThat(crl.getIssuerX500Principal()).isEqualTo(g1.certificate().getSubjectX500Principal());
    assertThat(crl.getThisUpdate().toInstant()).isEqualTo(START);
    assertThat(crl.getNextUpdate().toInstant()).isEqualTo(START.plus(LIFETIME));
    byte[] aki = ASN1OctetString.getInstance(crl.getExtensionValue("2.5.29.35")).getOctets();
    assertThat(aki)
        .isEqualTo(
            new JcaX509ExtensionUtils()
                .createAuthorityKeyIdentifier(g1.certificate())
                .getEncoded());
  }

  // Revocation bites at once; revoking twice changes nothing and keeps the first date.
  @Test
  void aRevocationIsOnTheNextCrlAndRevokingAgainChangesNothing() throws Exception {
    CrlIssuer crls = issuer();
    crls.issue(g1);
    BigInteger serial = SerialNumbers.random();
    RevokedEntry first = crls.revoke(g1, serial);
    X509CRL crl = crls.latest(g1.caId()).orElseThrow();
    assertThat(crl.getRevokedCertificate(serial)).isNotNull();
    assertThat(crl.getRevokedCertificate(serial).getRevocationDate().toInstant())
        .isEqualTo(first.revokedAt());
    clock.advance(Duration.ofHours(1));
    RevokedEntry again = crls.revoke(g1, serial);
    assertThat(again).isEqualTo(first);
    assertThat(number(crls.latest(g1.caId()).orElseThrow())).isEqualTo(number(crl));
    assertThat(crls.latest(g2.caId())).isEmpty(); // the other generation is untouched
  }

  @Test
  void reissueFallsDueBeforeNextUpdateAndAMissingCrlIsDueNow() throws Exception {
    CrlIssuer crls = issuer();
    crls.issue(g1);
    assertThat(crls.nextReissueAt(List.of(g1))).isEqualTo(START.plus(LIFETIME).minus(BEFORE));
    assertThat(crls.nextReissueAt(List.of(g1, g2))).isEqualTo(START); // g2 has none yet
    assertThat(crls.reissueDue(List.of(g1, g2))).hasSize(1); // only g2's
    assertThat(crls.reissueDue(List.of(g1, g2))).isEmpty();

    clock.advance(LIFETIME.minus(BEFORE));
    List<X509CRL> fresh = crls.reissueDue(List.of(g1, g2));
    assertThat(fresh).hasSize(2);
    assertThat(crls.nextReissueAt(List.of(g1, g2)))
        .isEqualTo(START.plus(LIFETIME).minus(BEFORE).plus(LIFETIME).minus(BEFORE));
    assertThat(crls.nextReissueAt(List.of())).isEqualTo(Instant.MAX);
  }
}
