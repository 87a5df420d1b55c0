package io.gdsvault.ca;

import static io.gdsvault.ca.Refusals.reasonOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.ca.CaException.Reason;
import io.gdsvault.signer.testing.FakeSignerBackend;
import io.gdsvault.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The facade runs issuance as steps and calls the signer last: input the profile refuses costs no
 * serial and no signature, and every certificate costs exactly one signature.
 */
class IssuanceStepsTest {

  private static final String URI = "urn:host1:acme:pump";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
  private final FakeSignerBackend backend = new FakeSignerBackend();
  private final RecordingStore store = new RecordingStore();
  private CertificateAuthority ca;
  private byte[] csr;

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
            Duration.ofDays(10),
            Duration.ofDays(2),
            Duration.ofDays(40),
            null);
    ca = CertificateAuthority.open(config, backend, store, clock);
    csr = TestCsrs.csr(TestCsrs.ec("secp256r1"), URI);
  }

  private static IssuanceRequest request(String uri, List<String> dns) {
    return new IssuanceRequest(uri, null, dns, List.of(), ApplicationType.SERVER);
  }

  @Test
  void openingSignsTheCaCertificateAndItsFirstCrl() {
    assertThat(backend.signatures()).isEqualTo(2);
    assertThat(store.offered).isEmpty(); // the CA certificate's serial needs no reservation
  }

  @Test
  void eachCertificateCostsOneReservedSerialAndOneSignature() throws Exception {
    for (int i = 1; i <= 3; i++) {
      IssuedCertificate issued = ca.issue(csr, request(URI, List.of("host1")));
      assertThat(backend.signatures()).isEqualTo(2 + i);
      assertThat(store.offered).hasSize(i).endsWith(issued.serialNumber());
      issued.certificate().verify(ca.currentCaCertificate().getPublicKey());
    }
  }

  @Test
  void inputTheProfileRefusesCostsNoSerialAndNoSignature() {
    assertThat(reasonOf(() -> ca.issue(csr, request("not a uri", List.of()))))
        .isEqualTo(Reason.INVALID_ARGUMENT);
    assertThat(reasonOf(() -> ca.issue(csr, request(URI, List.of("bad name")))))
        .isEqualTo(Reason.INVALID_ARGUMENT);
    assertThat(store.offered).isEmpty();
    assertThat(backend.signatures()).isEqualTo(2);
  }

  @Test
  void anExpiredIssuerSignsNothing() {
    clock.advance(Duration.ofDays(101));
    assertThat(reasonOf(() -> ca.issue(csr, request(URI, List.of()))))
        .isEqualTo(Reason.SIGNER_UNAVAILABLE);
    assertThat(store.offered).isEmpty();
    assertThat(backend.signatures()).isEqualTo(2);
  }
}
