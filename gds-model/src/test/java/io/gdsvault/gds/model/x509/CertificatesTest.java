package io.gdsvault.gds.model.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CertificatesTest {

  private static X509Certificate first;
  private static X509Certificate second;

  @BeforeAll
  static void certificates() throws Exception {
    first = selfSigned("urn:test:first");
    second = selfSigned("urn:test:second");
  }

  @Test
  void aDerCertificateParsesToTheSameCertificate() {
    assertThat(Certificates.parse(Certificates.encoded(first))).isEqualTo(first);
  }

  @Test
  void aPemCertificateParsesAsWell() {
    // operators paste PEM; the JDK factory reads both encodings
    assertThat(Certificates.parse(pem(first))).isEqualTo(first);
  }

  @Test
  void parseRefusesTwoCertificatesWhereOneIsExpected() {
    byte[] two = concat(Certificates.encoded(first), Certificates.encoded(second));
    assertThatThrownBy(() -> Certificates.parse(two))
        .isInstanceOf(InvalidCertificateException.class)
        .hasMessageContaining("expected one certificate");
  }

  @Test
  void parseAllKeepsTheOrderOfAChain() {
    byte[] two = concat(Certificates.encoded(first), Certificates.encoded(second));
    assertThat(Certificates.parseAll(two)).containsExactly(first, second);
  }

  @Test
  void emptyInputIsInvalidForEveryParser() {
    byte[] empty = new byte[0];
    assertThatThrownBy(() -> Certificates.parse(empty))
        .isInstanceOf(InvalidCertificateException.class);
    assertThatThrownBy(() -> Certificates.parseAll(empty))
        .isInstanceOf(InvalidCertificateException.class);
    assertThatThrownBy(() -> Certificates.parseCrl(empty))
        .isInstanceOf(InvalidCertificateException.class);
  }

  @Test
  void garbageAndTruncatedCertificatesThrowOnlyInvalidCertificateException() {
    // hostile input: whatever the bytes, the one documented exception and nothing else
    byte[] der = Certificates.encoded(first);
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) {
      byte[] bytes =
          i % 2 == 0 ? Arrays.copyOf(der, random.nextInt(der.length - 1) + 1) : random(random);
      assertThatThrownBy(() -> Certificates.parse(bytes))
          .isInstanceOf(InvalidCertificateException.class);
      assertThatThrownBy(() -> Certificates.parseAll(bytes))
          .isInstanceOf(InvalidCertificateException.class);
      assertThatThrownBy(() -> Certificates.parseCrl(bytes))
          .isInstanceOf(InvalidCertificateException.class);
    }
  }

  @Test
  void aCertificateIsNotACrl() {
    assertThatThrownBy(() -> Certificates.parseCrl(Certificates.encoded(first)))
        .isInstanceOf(InvalidCertificateException.class)
        .hasMessage("CRL cannot be decoded");
  }

  @Test
  void theThumbprintIsTheLowerCaseHexSha1OfTheDerEncoding() throws Exception {
    // OPC UA Part 4/6: a certificate's thumbprint is the SHA-1 of its DER encoding
    byte[] der = first.getEncoded();
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(der));
    assertThat(Certificates.thumbprint(first)).isEqualTo(expected).hasSize(40);
    assertThat(Certificates.thumbprint(der)).isEqualTo(expected);
    assertThat(Certificates.thumbprint(first)).isNotEqualTo(Certificates.thumbprint(second));
  }

  @Test
  void thumbprintsAsPeopleWriteThemAreNormalized() {
    String t = Certificates.thumbprint(first);
    String written = t.toUpperCase(java.util.Locale.ROOT).replaceAll("(..)(?!$)", "$1:");
    assertThat(written).contains(":");
    assertThat(Certificates.normalizeThumbprint(written)).isEqualTo(t);
  }

  @Test
  void hexIsLowerCaseWithoutSeparators() {
    assertThat(Certificates.hex(new byte[] {0, (byte) 0xAB, 0x10})).isEqualTo("00ab10");
  }

  private static X509Certificate selfSigned(String uri) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(256);
    KeyPair keys = g.generateKeyPair();
    return new SelfSignedCertificateBuilder(keys)
        .setCommonName("test")
        .setApplicationUri(uri)
        .setSignatureAlgorithm("SHA256withECDSA")
        .build();
  }

  private static byte[] pem(X509Certificate c) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(Certificates.encoded(c));
    return ("-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  private static byte[] random(Random random) {
    byte[] b = new byte[random.nextInt(300)];
    random.nextBytes(b);
    // half of them look like the start of a DER SEQUENCE, to get past the first check
    if (b.length > 2 && random.nextBoolean()) {
      b[0] = 0x30;
    }
    return b;
  }
}
