package io.gdsvault.gds.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdsvault.ca.CaException;
import io.gdsvault.ca.CertificateRequest;
import io.gdsvault.ca.CertificateType;
import io.gdsvault.ca.CsrChecks;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import io.gdsvault.testing.Fuzz;
import io.gdsvault.testing.Mutations;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile CSRs through the checks StartSigningRequest runs (parse, signature, key fits the type,
 * URI matches): every input gives a CertificateRequest or a CaException that the service maps to a
 * GdsException with a client-facing reason (Bad_InvalidArgument or Bad_CertificateUriInvalid); no
 * other exception, no hang, no OutOfMemoryError.
 */
class CsrPropertiesTest {

  private static final String URI = "urn:fuzz:device";
  private static byte[] rsaCsr;
  private static byte[] p256Csr;

  @BeforeAll
  static void validCsrs() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    rsaCsr = csr(rsa.generateKeyPair(), "SHA256withRSA");
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    p256Csr = csr(ec.generateKeyPair(), "SHA256withECDSA");
  }

  @Test
  void mutatedValidCsrsGiveARequestOrAClientFacingRefusal() {
    Fuzz.forAll(
        "csr.mutated",
        1500,
        Duration.ofSeconds(8),
        r -> Mutations.any(r.nextBoolean() ? rsaCsr : p256Csr, r),
        CsrPropertiesTest::checkedOrRefused);
  }

  @Test
  void derLengthCorruptionsGiveARequestOrAClientFacingRefusal() {
    Fuzz.forAll(
        "csr.der-lengths",
        600,
        Duration.ofSeconds(4),
        r -> Mutations.derLength(r.nextBoolean() ? rsaCsr : p256Csr, r),
        CsrPropertiesTest::checkedOrRefused);
  }

  @Test
  void randomBytesAreRefused() {
    Fuzz.forAll(
        "csr.random",
        800,
        Duration.ofSeconds(3),
        r -> Mutations.random(r, r.nextInt(4096), r.nextInt(4) == 0 ? -1 : 0x30),
        der -> assertThat(outcome(der)).isInstanceOf(GdsException.class));
  }

  @Test
  void hugeInputsAreRefusedBeforeParsing() {
    // size cap first: a 64 KiB+ blob is never handed to the ASN.1 parser
    Fuzz.forAll(
        "csr.huge",
        12,
        Duration.ofSeconds(3),
        r -> {
          byte[] b =
              Mutations.random(r, CsrChecks.DEFAULT_MAX_CSR_BYTES + 1 + r.nextInt(4 << 20), 0x30);
          b[1] = (byte) 0x84;
          return b;
        },
        der ->
            assertThat(outcome(der))
                .isInstanceOfSatisfying(
                    GdsException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT)));
  }

  @Test
  void deeplyNestedDerIsRefusedWithoutAStackOverflow() {
    // regression shape for recursive ASN.1 parsers: 30 80 30 80 ... must not reach a
    // StackOverflowError
    for (int depth : new int[] {100, 1_000, 10_000, 16_000}) {
      assertThat(outcome(Mutations.deepDer(depth)))
          .as("depth %d", depth)
          .isInstanceOf(GdsException.class);
    }
  }

  @Test
  void theUnmutatedRequestsPass() {
    // the property would be empty if the valid inputs were refused
    assertThat(outcome(rsaCsr)).isInstanceOf(CertificateRequest.class);
    assertThat(outcome(p256Csr)).isInstanceOf(GdsException.class); // P-256 key for an RSA group
  }

  private static void checkedOrRefused(byte[] der) {
    Object o = outcome(der);
    if (o instanceof GdsException e) {
      assertThat(e.reason()).isIn(Reason.INVALID_ARGUMENT, Reason.CERTIFICATE_URI_INVALID);
    } else {
      assertThat(o).isInstanceOf(CertificateRequest.class);
    }
  }

  /** What StartSigningRequest's checks make of {@code der}: the request, or the mapped refusal. */
  private static Object outcome(byte[] der) {
    Object[] result = new Object[1];
    Throwable t =
        catchThrowable(
            () -> {
              try {
                CertificateRequest csr = CsrChecks.parse(der, CsrChecks.DEFAULT_MAX_CSR_BYTES);
                CsrChecks.signatureValid()
                    .and(CsrChecks.keyFits(CertificateType.RSA_SHA256))
                    .and(CsrChecks.strongCrypto())
                    .and(CsrChecks.applicationUriMatches(URI, true))
                    .check(csr);
                result[0] = csr;
              } catch (CaException e) {
                throw CaErrors.map(e);
              }
            });
    if (t == null) {
      return result[0];
    }
    assertThat(t).as("only a GdsException may leave the checks").isInstanceOf(GdsException.class);
    return t;
  }

  private static byte[] csr(KeyPair kp, String alg) throws Exception {
    ExtensionsGenerator ext = new ExtensionsGenerator();
    ext.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.uniformResourceIdentifier, URI),
              new GeneralName(GeneralName.dNSName, "device.local"),
              new GeneralName(GeneralName.iPAddress, "10.1.2.3")
            }));
    var b =
        new JcaPKCS10CertificationRequestBuilder(
            new X500Name("CN=fuzz device, O=GDS Vault"), kp.getPublic());
    b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
    return b.build(new JcaContentSignerBuilder(alg).build(kp.getPrivate())).getEncoded();
  }
}
