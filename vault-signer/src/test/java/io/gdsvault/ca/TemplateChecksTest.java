package io.gdsvault.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdsvault.ca.CaException.Reason;
import io.gdsvault.signer.SecretResolver;
import io.gdsvault.signer.local.LocalKeyStoreBackend;
import io.gdsvault.signer.local.LocalSignerSettings;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last line of defence before signing refuses a wrong AKI, a CA flag or a second URI. */
class TemplateChecksTest {

  private static final String URI = "urn:host1:acme:app";
  @TempDir static Path tmp;
  private static X509Certificate issuer;
  private static SubjectPublicKeyInfo leafKey;

  @BeforeAll
  static void setUp() throws Exception {
    var backend =
        LocalKeyStoreBackend.open(
            new LocalSignerSettings(tmp, null, null), new SecretResolver(n -> null));
    issuer =
        CertificateAuthority.open(
                CaConfig.defaults("g", CertificateType.ECC_NIST_P256, null),
                backend,
                new InMemoryCaStateStore(),
                Clock.systemUTC())
            .currentCaCertificate();
    leafKey = SubjectPublicKeyInfo.getInstance(TestCsrs.ec("secp256r1").getPublic().getEncoded());
  }

  private static CertificateTemplate template(
      Extension basicConstraints, Extension aki, String... uris) throws Exception {
    List<GeneralName> names = new ArrayList<>();
    for (String u : uris) {
      names.add(new GeneralName(GeneralName.uniformResourceIdentifier, u));
    }
    Instant now = Instant.now();
    return new CertificateTemplate(
        new X500Name("CN=issuer"),
        SerialNumbers.random(),
        now,
        now.plus(Duration.ofDays(1)),
        new X500Name("CN=leaf"),
        leafKey,
        List.of(
            basicConstraints,
            aki,
            new Extension(
                Extension.subjectAlternativeName,
                false,
                new DERSequence(names.toArray(GeneralName[]::new)).getEncoded())));
  }

  private static Extension leafBasicConstraints(boolean critical, boolean ca) throws Exception {
    return new Extension(
        Extension.basicConstraints, critical, new BasicConstraints(ca).getEncoded());
  }

  private static Extension rightAki() throws Exception {
    return new Extension(
        Extension.authorityKeyIdentifier,
        false,
        new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer).getEncoded());
  }

  private static Reason refusal(CertificateTemplate t) {
    Throwable e =
        catchThrowable(
            () -> {
              for (TemplateCheck c : TemplateChecks.forApplication(issuer, URI)) {
                c.check(t);
              }
            });
    assertThat(e).isInstanceOf(CaException.class);
    return ((CaException) e).reason();
  }

  @Test
  void aCorrectLeafTemplatePasses() throws Exception {
    CertificateTemplate t = template(leafBasicConstraints(true, false), rightAki(), URI);
    assertThatCode(
            () -> {
              for (TemplateCheck c : TemplateChecks.forApplication(issuer, URI)) {
                c.check(t);
              }
            })
        .doesNotThrowAnyException();
    // the same key id in the short form (no issuer name and serial) is also accepted
    byte[] keyId =
        AuthorityKeyIdentifier.getInstance(rightAki().getParsedValue()).getKeyIdentifierOctets();
    CertificateTemplate shortAki =
        template(
            leafBasicConstraints(true, false),
            new Extension(
                Extension.authorityKeyIdentifier,
                false,
                new AuthorityKeyIdentifier(keyId).getEncoded()),
            URI);
    assertThatCode(() -> TemplateChecks.authorityKeyIdMatches(issuer).check(shortAki))
        .doesNotThrowAnyException();
  }

  @Test
  void aWrongAuthorityKeyIdOrACaFlagOrASecondUriIsRefused() throws Exception {
    Extension wrongAki =
        new Extension(
            Extension.authorityKeyIdentifier,
            false,
            new AuthorityKeyIdentifier(new byte[20]).getEncoded());
    assertThat(refusal(template(leafBasicConstraints(true, false), wrongAki, URI)))
        .isEqualTo(Reason.TEMPLATE_INVALID);
    assertThat(refusal(template(leafBasicConstraints(true, true), rightAki(), URI)))
        .isEqualTo(Reason.TEMPLATE_INVALID);
    assertThat(refusal(template(leafBasicConstraints(false, false), rightAki(), URI)))
        .isEqualTo(Reason.TEMPLATE_INVALID);
    assertThat(refusal(template(leafBasicConstraints(true, false), rightAki(), URI, "urn:other")))
        .isEqualTo(Reason.TEMPLATE_INVALID);
    assertThat(refusal(template(leafBasicConstraints(true, false), rightAki(), "urn:other")))
        .isEqualTo(Reason.TEMPLATE_INVALID);
  }

  @Test
  void serialsBelow64BitsAreRefused() throws Exception {
    CertificateTemplate good = template(leafBasicConstraints(true, false), rightAki(), URI);
    CertificateTemplate shortSerial =
        new CertificateTemplate(
            good.issuer(),
            BigInteger.valueOf(12345),
            good.notBefore(),
            good.notAfter(),
            good.subject(),
            good.publicKeyInfo(),
            good.extensions());
    assertThat(refusal(shortSerial)).isEqualTo(Reason.TEMPLATE_INVALID);
  }
}
