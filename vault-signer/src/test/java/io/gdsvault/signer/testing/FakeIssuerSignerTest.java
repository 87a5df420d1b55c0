package io.gdsvault.signer.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdsvault.ca.CaConfig;
import io.gdsvault.ca.CaException;
import io.gdsvault.ca.CertificateAuthority;
import io.gdsvault.ca.CertificateType;
import io.gdsvault.ca.InMemoryCaStateStore;
import io.gdsvault.ca.IssuanceRequest;
import io.gdsvault.ca.IssuedCertificate;
import io.gdsvault.ca.TestCsrs;
import io.gdsvault.signer.KeySpec;
import io.gdsvault.signer.SignerException;
import io.gdsvault.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The fake issuer key signs like a real one, so a CA on it issues certificates that verify. */
class FakeIssuerSignerTest {

  private static final byte[] TBS = "to be signed".getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest
  @EnumSource(
      value = KeySpec.class,
      names = {"EC_P256", "EC_P384", "RSA_2048"})
  void aSignatureVerifiesWithThePublicKeyInTheAlgorithmItNames(KeySpec spec) throws Exception {
    FakeIssuerSigner signer = FakeIssuerSigner.create("k", spec);
    byte[] signature = signer.sign(TBS);
    Signature verify = Signature.getInstance(signer.signatureAlgorithm().jcaName());
    verify.initVerify(signer.publicKey());
    verify.update(TBS);
    assertThat(verify.verify(signature)).isTrue();
    assertThat(signer.signatureAlgorithm()).isEqualTo(spec.signatureAlgorithm());
    assertThat(signer.signatures()).isEqualTo(1);
  }

  @Test
  void anUnavailableKeyRefusesLikeABackendThatLostItsKey() throws Exception {
    FakeIssuerSigner signer = FakeIssuerSigner.ecP256();
    signer.setAvailable(false);
    assertThatThrownBy(() -> signer.sign(TBS))
        .isInstanceOf(SignerException.class)
        .hasMessageContaining("unavailable");
    signer.setAvailable(true);
    assertThat(signer.sign(TBS)).isNotEmpty();
    assertThat(signer.signatures()).isEqualTo(1);
  }

  @Test
  void aCaOnTheFakeBackendIssuesACertificateThatChainsToItsCaCertificate() throws Exception {
    FakeSignerBackend backend = new FakeSignerBackend();
    CertificateAuthority ca =
        CertificateAuthority.open(
            CaConfig.defaults(
                "FakeGroup", CertificateType.ECC_NIST_P256, FakeSignerBackend.SETTINGS),
            backend,
            new InMemoryCaStateStore(),
            new MutableClock(Instant.parse("2026-06-01T12:00:00Z")));
    assertThat(backend.aliases()).hasSize(1);
    FakeIssuerSigner key = backend.key(backend.aliases().iterator().next());
    int before = key.signatures();

    IssuedCertificate issued =
        ca.issue(
            TestCsrs.csr(TestCsrs.ec("secp256r1"), "urn:fake:device"),
            new IssuanceRequest("urn:fake:device", null, null, null, null));

    issued.certificate().verify(ca.currentCaCertificate().getPublicKey());
    assertThat(key.signatures()).as("the leaf was signed by the fake key").isEqualTo(before + 1);
    // the key gone: issuance fails with the CA's reason, not a crash
    key.setAvailable(false);
    assertThatThrownBy(
            () ->
                ca.issue(
                    TestCsrs.csr(TestCsrs.ec("secp256r1"), "urn:fake:other"),
                    new IssuanceRequest("urn:fake:other", null, null, null, null)))
        .isInstanceOf(CaException.class);
  }
}
