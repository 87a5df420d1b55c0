package io.gdsvault.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdsvault.ca.CaException.Reason;
import io.gdsvault.signer.SecretResolver;
import io.gdsvault.signer.local.LocalKeyStoreBackend;
import io.gdsvault.signer.local.LocalSignerSettings;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof of possession is checked once, when a request is accepted; issuance later works from a
 * {@link VerifiedCsr}, re-created from stored bytes only through their seal.
 */
class VerifiedCsrTest {

  private static final String URI = "urn:host1:acme:app";
  private static final byte[] REQUEST_ID = "request-1".getBytes(StandardCharsets.US_ASCII);
  @TempDir static Path tmp;
  private static CertificateAuthority rsaCa;
  private static byte[] rsaCsr;
  private static byte[] p256Csr;
  private static final CsrSeal SEAL = new CsrSeal(key(1));

  @BeforeAll
  static void setUp() throws Exception {
    var backend =
        LocalKeyStoreBackend.open(
            new LocalSignerSettings(tmp, null, null), new SecretResolver(n -> null));
    rsaCa =
        CertificateAuthority.open(
            CaConfig.defaults("g", CertificateType.RSA_SHA256, null),
            backend,
            new InMemoryCaStateStore(),
            Clock.systemUTC());
    rsaCsr = TestCsrs.csr(TestCsrs.rsa(2048), URI);
    p256Csr = TestCsrs.csr(TestCsrs.ec("secp256r1"), URI);
  }

  private static byte[] key(int fill) {
    byte[] k = new byte[32];
    Arrays.fill(k, (byte) fill);
    return k;
  }

  /** The CSR with one byte of its subject changed: still valid DER, but not what was signed. */
  private static byte[] withSubjectChanged(byte[] csr) {
    byte[] needle = "Test App".getBytes(StandardCharsets.US_ASCII);
    byte[] out = csr.clone();
    for (int i = 0; i + needle.length <= out.length; i++) {
      if (Arrays.equals(out, i, i + needle.length, needle, 0, needle.length)) {
        out[i + needle.length - 1] = 'q';
        return out;
      }
    }
    throw new AssertionError("subject not found in the test CSR");
  }

  private static Reason reason(ThrowingSupplier s) {
    Throwable t = catchThrowable(s::get);
    assertThat(t).isInstanceOf(CaException.class);
    assertThat(t.getMessage()).isNotBlank().doesNotContain("Exception");
    return ((CaException) t).reason();
  }

  private interface ThrowingSupplier {
    Object get() throws Exception;
  }

  @Test
  void aValidRequestIsVerifiedAndCarriesWhatItAsksFor() throws Exception {
    VerifiedCsr v = VerifiedCsr.verify(p256Csr);
    assertThat(v.uris()).containsExactly(URI);
    assertThat(v.dnsNames()).containsExactly("host1.example");
    assertThat(v.ipAddresses()).containsExactly("127.0.0.1");
    assertThat(v.subject().toString()).contains("CN=Test App");
    assertThat(v.sha256()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(p256Csr));
    assertThat(v.encoded()).isEqualTo(p256Csr);
  }

  // Proof of possession: a CSR whose signature does not cover its content is refused.
  @Test
  void aTamperedRequestCannotBecomeAVerifiedCsr() {
    byte[] badSignature = rsaCsr.clone();
    badSignature[badSignature.length - 5] ^= 0x55;
    assertThat(reason(() -> VerifiedCsr.verify(badSignature)))
        .isEqualTo(Reason.CSR_SIGNATURE_INVALID);
    assertThat(reason(() -> VerifiedCsr.verify(withSubjectChanged(rsaCsr))))
        .isEqualTo(Reason.CSR_SIGNATURE_INVALID);
    assertThat(reason(() -> VerifiedCsr.verify(withSubjectChanged(p256Csr))))
        .isEqualTo(Reason.CSR_SIGNATURE_INVALID);
  }

  // The type has no public constructor; its only public factory verifies (CsrSeal.restore is the
  // other door).
  @Test
  void verifiedCsrHasNoUncheckedDoor() {
    assertThat(VerifiedCsr.class.getDeclaredConstructors())
        .allSatisfy(c -> assertThat(Modifier.isPrivate(c.getModifiers())).isTrue());
    List<String> publicFactories =
        Arrays.stream(VerifiedCsr.class.getDeclaredMethods())
            .filter(m -> Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers()))
            .filter(m -> m.getReturnType() == VerifiedCsr.class)
            .map(Method::getName)
            .distinct()
            .toList();
    assertThat(publicFactories).containsExactly("verify");
  }

  @Test
  void aSealedRequestIsRestoredWithoutVerifyingItAgain() throws Exception {
    VerifiedCsr v = VerifiedCsr.verify(rsaCsr);
    byte[] seal = SEAL.seal(v, REQUEST_ID);
    VerifiedCsr restored = SEAL.restore(rsaCsr, REQUEST_ID, seal);
    assertThat(restored.sha256()).isEqualTo(v.sha256());
    assertThat(restored.publicKey()).isEqualTo(v.publicKey());
    assertThat(restored.uris()).isEqualTo(v.uris());
  }

  // A CSR changed where it is stored, or a seal taken to another request or key, is refused.
  @Test
  void aStoredRequestThatWasChangedFailsItsSeal() throws Exception {
    VerifiedCsr v = VerifiedCsr.verify(rsaCsr);
    byte[] seal = SEAL.seal(v, REQUEST_ID);
    byte[] changed = withSubjectChanged(rsaCsr);
    assertThat(reason(() -> SEAL.restore(changed, REQUEST_ID, seal)))
        .isEqualTo(Reason.STORE_FAILED);
    byte[] otherCsr = p256Csr;
    assertThat(reason(() -> SEAL.restore(otherCsr, REQUEST_ID, seal)))
        .isEqualTo(Reason.STORE_FAILED);
    assertThat(
            reason(
                () -> SEAL.restore(rsaCsr, "request-2".getBytes(StandardCharsets.US_ASCII), seal)))
        .isEqualTo(Reason.STORE_FAILED);
    assertThat(reason(() -> new CsrSeal(key(2)).restore(rsaCsr, REQUEST_ID, seal)))
        .isEqualTo(Reason.STORE_FAILED);
    byte[] flipped = seal.clone();
    flipped[0] ^= 1;
    assertThat(reason(() -> SEAL.restore(rsaCsr, REQUEST_ID, flipped)))
        .isEqualTo(Reason.STORE_FAILED);
    assertThat(reason(() -> SEAL.restore(rsaCsr, REQUEST_ID, new byte[0])))
        .isEqualTo(Reason.STORE_FAILED);
    assertThat(reason(() -> SEAL.restore(rsaCsr, REQUEST_ID, null))).isEqualTo(Reason.STORE_FAILED);
  }

  // Issuing from a verified request gives the same certificate profile as issuing from the bytes.
  @Test
  void issuanceFromAVerifiedRequestMatchesIssuanceFromTheBytes() throws Exception {
    IssuanceRequest request =
        new IssuanceRequest(URI, null, List.of(), List.of(), ApplicationType.SERVER);
    IssuedCertificate fromBytes = rsaCa.issue(rsaCsr, request);
    IssuedCertificate fromVerified =
        rsaCa.issue(
            SEAL.restore(rsaCsr, REQUEST_ID, SEAL.seal(VerifiedCsr.verify(rsaCsr), REQUEST_ID)),
            request);
    var issuer = rsaCa.currentCaCertificate();
    assertThat(CertificateProfileRenderer.render(fromVerified.certificate(), issuer))
        .isEqualTo(CertificateProfileRenderer.render(fromBytes.certificate(), issuer));
    assertThat(fromVerified.serialNumber()).isNotEqualTo(fromBytes.serialNumber());
    IndependentValidators.pkix(
        fromVerified.certificate(), rsaCa.trustedCaCertificates(), rsaCa.crls());
  }

  // What the CA hands out without parsing (DER, serial, expiry, thumbprint) agrees with the parsed
  // certificate.
  @Test
  void theIssuedDerSerialExpiryAndThumbprintAgreeWithTheParsedCertificate() throws Exception {
    IssuedCertificate ic =
        rsaCa.issue(
            VerifiedCsr.verify(rsaCsr),
            new IssuanceRequest(URI, null, List.of(), List.of(), ApplicationType.CLIENT));
    var cert = ic.certificate();
    assertThat(cert.getEncoded()).isEqualTo(ic.encoded());
    assertThat(cert.getSerialNumber()).isEqualTo(ic.serialNumber());
    assertThat(cert.getNotAfter().toInstant()).isEqualTo(ic.notAfter());
    assertThat(ic.thumbprint()).isEqualTo(CertificateAuthority.thumbprint(cert));
    cert.verify(rsaCa.currentCaCertificate().getPublicKey());
  }

  // The CA still checks that a verified request's key fits its certificate type.
  @Test
  void aVerifiedRequestWithAKeyOfTheWrongTypeIsStillRefused() throws Exception {
    VerifiedCsr ec = VerifiedCsr.verify(p256Csr);
    assertThat(
            reason(
                () ->
                    rsaCa.issue(
                        ec,
                        new IssuanceRequest(
                            URI, null, List.of(), List.of(), ApplicationType.SERVER))))
        .isEqualTo(Reason.KEY_TYPE_MISMATCH);
    assertThat(
            reason(
                () ->
                    rsaCa.issue(
                        VerifiedCsr.verify(rsaCsr),
                        new IssuanceRequest(
                            URI, null, List.of(), List.of(), ApplicationType.SERVER),
                        CsrChecks.applicationUriMatches("urn:other", true))))
        .isEqualTo(Reason.CERTIFICATE_URI_INVALID);
  }
}
