package io.gdsvault.ca;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.signer.SecretResolver;
import io.gdsvault.signer.local.LocalKeyStoreBackend;
import io.gdsvault.signer.local.LocalSignerSettings;
import java.nio.file.Path;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Part 12 StartNewKeyPairRequest: the CA makes the key pair and certifies it. */
class NewKeyPairIssuanceTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(CertificateType.class)
  void theGeneratedKeyMatchesItsCertificateAndTheCertificateValidates(CertificateType type)
      throws Exception {
    var backend =
        LocalKeyStoreBackend.open(
            new LocalSignerSettings(dir, null, null), new SecretResolver(n -> null));
    CertificateAuthority ca =
        CertificateAuthority.open(
            CaConfig.defaults("g", type, null),
            backend,
            new InMemoryCaStateStore(),
            Clock.systemUTC());
    IssuedKeyPair kp =
        ca.issueWithNewKeyPair(
            new IssuanceRequest(
                "urn:a:b",
                "CN=New, O=Acme",
                List.of("new.example"),
                List.of(),
                ApplicationType.CLIENT),
            2048);

    var cert = kp.issued().certificate();
    if (type.isRsa()) {
      assertThat(((RSAPublicKey) cert.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
    } else {
      assertThat(
              ((ECPublicKey) cert.getPublicKey()).getParams().getCurve().getField().getFieldSize())
          .isEqualTo(type == CertificateType.ECC_NIST_P256 ? 256 : 384);
    }
    String alg = type.isRsa() ? "SHA256withRSA" : "SHA256withECDSA";
    Signature s = Signature.getInstance(alg);
    s.initSign(kp.privateKey());
    s.update(new byte[] {1, 2, 3});
    byte[] sig = s.sign();
    Signature v = Signature.getInstance(alg);
    v.initVerify(cert.getPublicKey());
    v.update(new byte[] {1, 2, 3});
    assertThat(v.verify(sig)).isTrue();
    assertThat(kp.toString()).doesNotContain(kp.privateKey().toString());
    IndependentValidators.pkix(cert, ca.trustedCaCertificates(), ca.crls());
  }
}
