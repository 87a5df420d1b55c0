package io.gdsvault.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdsvault.ca.CaException.Reason;
import io.gdsvault.signer.SecretResolver;
import io.gdsvault.signer.local.LocalKeyStoreBackend;
import io.gdsvault.signer.local.LocalSignerSettings;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad requests get a clear reason and a safe message; nothing unchecked escapes the CA. */
class CsrChecksTest {

  private static final String URI = "urn:host1:acme:app";
  @TempDir static Path tmp;
  private static CertificateAuthority rsaCa;
  private static CertificateAuthority p256Ca;

  @BeforeAll
  static void openCas() throws Exception {
    var backend =
        LocalKeyStoreBackend.open(
            new LocalSignerSettings(tmp, null, null), new SecretResolver(n -> null));
    var store = new InMemoryCaStateStore();
    rsaCa =
        CertificateAuthority.open(
            CaConfig.defaults("g", CertificateType.RSA_SHA256, null),
            backend,
            store,
            Clock.systemUTC());
    p256Ca =
        CertificateAuthority.open(
            CaConfig.defaults("g", CertificateType.ECC_NIST_P256, null),
            backend,
            store,
            Clock.systemUTC());
  }

  private static IssuanceRequest request() {
    return new IssuanceRequest(URI, null, List.of(), List.of(), ApplicationType.SERVER);
  }

  private static Reason reasonFor(CertificateAuthority ca, byte[] csr, CsrCheck... extra) {
    Throwable t = catchThrowable(() -> ca.issue(csr, request(), extra));
    assertThat(t).isInstanceOf(CaException.class);
    assertThat(t.getMessage()).isNotBlank().doesNotContain("Exception");
    return ((CaException) t).reason();
  }

  // A CSR whose signature does not match its key proves no possession of the private key.
  @Test
  void aTamperedSignatureIsRejected() throws Exception {
    byte[] csr = TestCsrs.csr(TestCsrs.rsa(2048), URI);
    csr[csr.length - 5] ^= 0x55;
    assertThat(reasonFor(rsaCa, csr)).isEqualTo(Reason.CSR_SIGNATURE_INVALID);
  }

  // Part 7 RsaSha256 profile: RSA keys below 2048 bits are refused.
  @Test
  void a512BitRsaKeyIsTooWeak() throws Exception {
    assertThat(reasonFor(rsaCa, TestCsrs.csr(TestCsrs.rsa(512), URI)))
        .isEqualTo(Reason.KEY_TOO_WEAK);
  }

  // A small public exponent (3) and MD5/SHA-1 signatures are refused; F4 with SHA-256 passes.
  @Test
  void weakExponentsAndDigestsAreRefusedByTheStrongCryptoCheck() throws Exception {
    KeyPair e3 = TestCsrs.rsaWithExponent(2048, 3);
    Throwable small =
        catchThrowable(
            () -> VerifiedCsr.verify(TestCsrs.csr(e3, URI)).require(CsrChecks.strongCrypto()));
    assertThat(((CaException) small).reason()).isEqualTo(Reason.KEY_TOO_WEAK);
    assertThat(small.getMessage()).contains("exponent 3");
    KeyPair f4 = TestCsrs.rsa(2048);
    for (String weak : List.of("SHA1withRSA", "MD5withRSA", "SHA224withRSA")) {
      Throwable t =
          catchThrowable(
              () ->
                  VerifiedCsr.verify(TestCsrs.csrSignedWith(f4, URI, weak))
                      .require(CsrChecks.strongCrypto()));
      assertThat(t).as(weak).isInstanceOf(CaException.class);
      assertThat(((CaException) t).reason()).as(weak).isEqualTo(Reason.ALGORITHM_UNSUPPORTED);
      assertThat(t.getMessage()).contains("SHA-256 or better");
    }
    for (String strong : List.of("SHA256withRSA", "SHA384withRSA", "SHA512withRSA")) {
      assertThatCode(
              () ->
                  VerifiedCsr.verify(TestCsrs.csrSignedWith(f4, URI, strong))
                      .require(CsrChecks.strongCrypto()))
          .as(strong)
          .doesNotThrowAnyException();
    }
    KeyPair ec = TestCsrs.ec("secp256r1");
    assertThatCode(
            () ->
                VerifiedCsr.verify(TestCsrs.csrSignedWith(ec, URI, "SHA256withECDSA"))
                    .require(CsrChecks.strongCrypto()))
        .doesNotThrowAnyException();
    Throwable ecSha1 =
        catchThrowable(
            () ->
                VerifiedCsr.verify(TestCsrs.csrSignedWith(ec, URI, "SHA1withECDSA"))
                    .require(CsrChecks.strongCrypto()));
    assertThat(((CaException) ecSha1).reason()).isEqualTo(Reason.ALGORITHM_UNSUPPORTED);
  }

  @Test
  void curvesOtherThanNistP256AndP384AreUnsupported() throws Exception {
    assertThat(reasonFor(p256Ca, TestCsrs.csr(TestCsrs.ec("secp256k1"), URI)))
        .isEqualTo(Reason.ALGORITHM_UNSUPPORTED);
    assertThat(reasonFor(p256Ca, TestCsrs.csr(TestCsrs.ec("brainpoolP256r1"), URI)))
        .isEqualTo(Reason.ALGORITHM_UNSUPPORTED);
  }

  @Test
  void aKeyThatDoesNotFitTheCertificateTypeIsAMismatch() throws Exception {
    assertThat(reasonFor(p256Ca, TestCsrs.csr(TestCsrs.rsa(2048), URI)))
        .isEqualTo(Reason.KEY_TYPE_MISMATCH);
    assertThat(reasonFor(p256Ca, TestCsrs.csr(TestCsrs.ec("secp384r1"), URI)))
        .isEqualTo(Reason.KEY_TYPE_MISMATCH);
    assertThat(reasonFor(rsaCa, TestCsrs.csr(TestCsrs.ec("secp256r1"), URI)))
        .isEqualTo(Reason.KEY_TYPE_MISMATCH);
  }

  @Test
  void garbageBytesAreMalformed() {
    byte[] garbage = new byte[300];
    new Random(7).nextBytes(garbage);
    assertThat(reasonFor(rsaCa, garbage)).isEqualTo(Reason.CSR_MALFORMED);
    assertThat(reasonFor(rsaCa, new byte[0])).isEqualTo(Reason.CSR_MALFORMED);
    assertThat(reasonFor(rsaCa, new byte[] {0x30, (byte) 0x84, 0x7f, 0x7f, 0x7f, 0x7f}))
        .isEqualTo(Reason.CSR_MALFORMED);
  }

  // An oversized blob is refused before any parsing work.
  @Test
  void aHundredKilobyteBlobIsTooLarge() {
    assertThat(reasonFor(rsaCa, new byte[100 * 1024])).isEqualTo(Reason.CSR_TOO_LARGE);
  }

  // Part 12 StartSigningRequest: the CSR's URI must be the registered ApplicationUri.
  @Test
  void aCsrUriOtherThanTheApplicationUriIsRejectedWhenTheServerAsks() throws Exception {
    byte[] csr = TestCsrs.csr(TestCsrs.ec("secp256r1"), "urn:somebody:else");
    assertThat(reasonFor(p256Ca, csr, CsrChecks.applicationUriMatches(URI, false)))
        .isEqualTo(Reason.CERTIFICATE_URI_INVALID);
    byte[] noUri = TestCsrs.csr(TestCsrs.ec("secp256r1"), "CN=x", null, List.of(), List.of());
    assertThat(reasonFor(p256Ca, noUri, CsrChecks.applicationUriMatches(URI, true)))
        .isEqualTo(Reason.CERTIFICATE_URI_INVALID);
    assertThatCode(
            () ->
                CsrChecks.applicationUriMatches(URI, false)
                    .check(CsrChecks.parse(noUri, CsrChecks.DEFAULT_MAX_CSR_BYTES)))
        .doesNotThrowAnyException();
  }

  @Test
  void invalidRequestFieldsAreInvalidArguments() throws Exception {
    KeyPair key = TestCsrs.ec("secp256r1");
    byte[] csr = TestCsrs.csr(key, URI);
    Throwable badDns =
        catchThrowable(
            () ->
                p256Ca.issue(
                    csr,
                    new IssuanceRequest(
                        URI, null, List.of("bad host!"), List.of(), ApplicationType.SERVER)));
    Throwable badIp =
        catchThrowable(
            () ->
                p256Ca.issue(
                    csr,
                    new IssuanceRequest(
                        URI, null, List.of(), List.of("300.1.1.1"), ApplicationType.SERVER)));
    Throwable badUri =
        catchThrowable(
            () ->
                p256Ca.issue(
                    csr,
                    new IssuanceRequest(
                        "not a uri", null, List.of(), List.of(), ApplicationType.SERVER)));
    Throwable badSubject =
        catchThrowable(
            () ->
                p256Ca.issue(
                    csr,
                    new IssuanceRequest(
                        URI,
                        "garbage-without-equals",
                        List.of(),
                        List.of(),
                        ApplicationType.SERVER)));
    for (Throwable t : List.of(badDns, badIp, badUri, badSubject)) {
      assertThat(t)
          .isInstanceOfSatisfying(
              CaException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT));
    }
  }

  // Fuzz: truncations and bit flips of a valid CSR never let an unchecked exception out.
  @Test
  void mangledCsrsNeverThrowUnchecked() throws Exception {
    byte[] good = TestCsrs.csr(TestCsrs.ec("secp256r1"), URI);
    Random rnd = new Random(42);
    for (int i = 0; i < 300; i++) {
      byte[] bad = java.util.Arrays.copyOf(good, 1 + rnd.nextInt(good.length));
      if (rnd.nextBoolean()) {
        bad[rnd.nextInt(bad.length)] ^= (byte) (1 << rnd.nextInt(8));
      }
      Throwable t = catchThrowable(() -> p256Ca.issue(bad, request()));
      if (t != null) {
        assertThat(t).isInstanceOf(CaException.class);
      }
    }
  }
}
