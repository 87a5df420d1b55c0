package io.gdsvault.ca;

import static io.gdsvault.ca.Refusals.reasonOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.ca.CaException.Reason;
import io.gdsvault.signer.KeySpec;
import io.gdsvault.signer.testing.FakeSignerBackend;
import io.gdsvault.testing.MutableClock;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;

/** The CA generations: created, re-opened with their keys, named apart, trusted until expiry. */
class GenerationLineTest {

  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  private final MutableClock clock = new MutableClock(START);
  private final FakeSignerBackend backend = new FakeSignerBackend();
  private final RecordingStore store = new RecordingStore();
  private final CaConfig config =
      new CaConfig(
          "Group A",
          CertificateType.ECC_NIST_P256,
          null,
          "CN=Test CA, O=Test",
          Duration.ofDays(100),
          Duration.ofDays(30),
          Duration.ofDays(10),
          Duration.ofDays(2),
          Duration.ofDays(40),
          null);

  private static X500Name name(X509Certificate cert) {
    return X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
  }

  private GenerationLine line() {
    return new GenerationLine(config, backend, store, clock);
  }

  // The CA certificate profile: CA:true pathLen 0, keyCertSign + cRLSign, SKI = AKI = own key id.
  @Test
  void theFirstGenerationIsASelfSignedCaWithTheConfiguredSubject() throws Exception {
    GenerationLine line = line();
    line.load();
    assertThat(line.isEmpty()).isTrue();
    line.create(1);
    line.load();
    OpenGeneration g = line.current();
    X509Certificate ca = g.certificate();
    assertThat(name(ca)).isEqualTo(new X500Name("CN=Test CA, O=Test")); // BC order, as configured
    assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    ca.verify(ca.getPublicKey());
    assertThat(ca.getBasicConstraints()).isZero();
    assertThat(ca.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
    assertThat(ca.getKeyUsage()).startsWith(true, false, false, false, false, true, true);
    byte[] keyId =
        Certificates.keyId(SubjectPublicKeyInfo.getInstance(ca.getPublicKey().getEncoded()));
    assertThat(Certificates.subjectKeyId(ca)).isEqualTo(keyId);
    byte[] aki = ASN1OctetString.getInstance(ca.getExtensionValue("2.5.29.35")).getOctets();
    assertThat(AuthorityKeyIdentifier.getInstance(aki).getKeyIdentifierOctets()).isEqualTo(keyId);
    assertThat(ca.getNotBefore().toInstant()).isEqualTo(START.minus(LeafProfile.BACKDATE));
    assertThat(ca.getNotAfter().toInstant()).isEqualTo(START.plus(Duration.ofDays(100)));
    assertThat(g.caId()).startsWith("gdsvault-group-a-ecc-nist-p256-g1-");
    assertThat(g.signer().certificateChain()).containsExactly(ca);
  }

  // A restart finds the same generations, oldest first, the newest issuing.
  @Test
  void reloadingFindsEveryGenerationInOrderWithItsKey() throws Exception {
    GenerationLine first = line();
    first.create(1);
    first.create(2);
    GenerationLine reopened = line();
    reopened.load();
    assertThat(reopened.all()).extracting(g -> g.record().generation()).containsExactly(1, 2);
    OpenGeneration current = reopened.current();
    assertThat(current.record().generation()).isEqualTo(2);
    assertThat(name(current.certificate())).hasToString("CN=Test CA G2,O=Test");
    assertThat(reopened.byId(current.caId())).isSameAs(current);
    assertThat(reasonOf(() -> reopened.byId("no-such-ca"))).isEqualTo(Reason.NOT_FOUND);
  }

  @Test
  void aGenerationStaysTrustedUntilItsCertificateExpires() throws Exception {
    GenerationLine line = line();
    line.create(1);
    clock.advance(Duration.ofDays(50));
    line.create(2);
    line.load();
    assertThat(line.trusted()).hasSize(2);
    clock.advance(Duration.ofDays(51)); // generation 1 ends 100 days after START
    assertThat(line.trusted()).extracting(g -> g.record().generation()).containsExactly(2);
    assertThat(line.all()).hasSize(2);
  }

  // The key must be in the backend and must be the one the certificate names.
  @Test
  void aMissingOrSwappedIssuerKeyMakesTheSignerUnavailable() throws Exception {
    GenerationLine line = line();
    line.create(1);
    line.load();
    String alias = line.current().record().keyAlias();
    backend.replaceKey(alias, KeySpec.EC_P256);
    assertThat(reasonOf(() -> line().load())).isEqualTo(Reason.SIGNER_UNAVAILABLE);
    backend.forget(alias);
    assertThat(reasonOf(() -> line().load())).isEqualTo(Reason.SIGNER_UNAVAILABLE);
  }

  // Two nodes starting at once: the store keeps one generation 1, and both use it.
  @Test
  void whenAnotherNodeCreatesTheGenerationFirstItsCaIsUsed() throws Exception {
    GenerationLine other = line();
    other.create(1);
    other.load();
    OpenGeneration theirs = other.current();
    store.refuseGenerations = true;
    GenerationLine ours = line();
    ours.create(1);
    ours.load();
    assertThat(ours.all()).hasSize(1);
    assertThat(ours.current().caId()).isEqualTo(theirs.caId());
  }

  @Test
  void laterGenerationsAppendTheirNumberToTheCnOrAddASerialNumber() throws Exception {
    assertThat(GenerationLine.generationName(new X500Name("CN=A, O=B"), 1))
        .isEqualTo(new X500Name("CN=A, O=B"));
    assertThat(GenerationLine.generationName(new X500Name("CN=A, O=B"), 3).toString())
        .isEqualTo("CN=A G3,O=B");
    assertThat(GenerationLine.generationName(new X500Name("O=B+OU=C"), 2).toString())
        .isEqualTo("O=B+OU=C,SERIALNUMBER=G2");
    assertThat(GenerationLine.generationName(new X500Name("CN=A,CN=B"), 2).toString())
        .isEqualTo("CN=A G2,CN=B");
  }
}
