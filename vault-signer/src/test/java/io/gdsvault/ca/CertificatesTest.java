package io.gdsvault.ca;

import static io.gdsvault.ca.Refusals.reasonOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.ca.CaException.Reason;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one X.509 helper: parsing fails the same way everywhere; ids match RFC 5280 and BC. */
class CertificatesTest {

  private static KeyPair key;
  private static X509Certificate bare;

  @BeforeAll
  static void setUp() throws Exception {
    key = TestCsrs.ec("secp256r1");
    bare = selfSigned(key); // no extensions at all, so no SKI
  }

  private static X509Certificate selfSigned(KeyPair pair) throws Exception {
    Instant now = Instant.parse("2026-06-01T00:00:00Z");
    X500Name name = new X500Name("CN=bare");
    var b =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.TEN,
            Date.from(now),
            Date.from(now.plus(1, ChronoUnit.DAYS)),
            name,
            pair.getPublic());
    return new JcaX509CertificateConverter()
        .getCertificate(
            b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
  }

  @Test
  void parsingRoundTripsAndGarbageIsAStoreFailure() throws Exception {
    assertThat(Certificates.parse(bare.getEncoded())).isEqualTo(bare);
    assertThat(reasonOf(() -> Certificates.parse(new byte[] {0x30, 0x03})))
        .isEqualTo(Reason.STORE_FAILED);
    assertThat(reasonOf(() -> Certificates.parseCrl(bare.getEncoded())))
        .isEqualTo(Reason.STORE_FAILED);
  }

  // OPC UA names certificates by the SHA-1 of their DER, in hex.
  @Test
  void thumbprintIsTheSha1OfTheDerInLowerCaseHex() throws Exception {
    String expected =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bare.getEncoded()));
    assertThat(Certificates.thumbprint(bare.getEncoded())).isEqualTo(expected);
    assertThat(Certificates.thumbprint(bare)).isEqualTo(expected);
    assertThat(CertificateAuthority.thumbprint(bare)).isEqualTo(expected);
    // the per-thread digest is reset between uses
    assertThat(Certificates.thumbprint(bare.getEncoded())).isEqualTo(expected);
  }

  // RFC 5280 §4.2.1.2 method 1; BouncyCastle's derivation is the independent reference.
  @Test
  void keyIdIsRfc5280MethodOneAsBouncyCastleDerivesIt() throws Exception {
    SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded());
    byte[] bc = new JcaX509ExtensionUtils().createSubjectKeyIdentifier(spki).getKeyIdentifier();
    assertThat(Certificates.keyId(spki)).isEqualTo(bc).hasSize(20);
    SubjectPublicKeyInfo other =
        SubjectPublicKeyInfo.getInstance(TestCsrs.ec("secp256r1").getPublic().getEncoded());
    assertThat(Certificates.keyId(other)).isNotEqualTo(bc);
  }

  @Test
  void aCertificateWithoutSkiHasNoSubjectKeyId() {
    assertThat(Certificates.subjectKeyId(bare)).isNull();
  }

  @Test
  void aSubjectThatIsNoX500NameIsAnInvalidArgument() {
    assertThat(reasonOf(() -> Certificates.x500Name("not a name")))
        .isEqualTo(Reason.INVALID_ARGUMENT);
  }
}
