package io.gdsvault.gds.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.Test;

/**
 * Part 12 §7.9.3: the delivered key opens with the requester's password and fits the certificate.
 */
class NewKeyMaterialTest {

  private static final KeyPair PAIR = ecPair();
  private static final X509Certificate CERT = selfSigned(PAIR);

  @Test
  void aPfxWithPasswordOpensWithThatPasswordAndHoldsTheMatchingKey() throws Exception {
    byte[] payload =
        NewKeyMaterial.prepare(
            PAIR.getPrivate(), PAIR.getPublic(), PrivateKeyFormat.PFX, "s3cret-pw".toCharArray());
    byte[] pfx = NewKeyMaterial.deliver(payload, CERT, List.of());
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(new ByteArrayInputStream(pfx), "s3cret-pw".toCharArray());
    String alias = ks.aliases().nextElement();
    PrivateKey key = (PrivateKey) ks.getKey(alias, "s3cret-pw".toCharArray());
    assertThat(key.getEncoded()).isEqualTo(PAIR.getPrivate().getEncoded());
    assertThat(ks.getCertificate(alias)).isEqualTo(CERT);
    assertThat(new String(payload, StandardCharsets.ISO_8859_1)).doesNotContain("s3cret-pw");
  }

  @Test
  void aPfxRefusesAWrongPassword() throws Exception {
    byte[] payload =
        NewKeyMaterial.prepare(
            PAIR.getPrivate(),
            PAIR.getPublic(),
            PrivateKeyFormat.PFX,
            "right-password".toCharArray());
    byte[] pfx = NewKeyMaterial.deliver(payload, CERT, List.of());
    KeyStore ks = KeyStore.getInstance("PKCS12");
    assertThatThrownBy(() -> ks.load(new ByteArrayInputStream(pfx), "wrong-password".toCharArray()))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void aPfxWithoutPasswordOpensWithAnEmptyPassword() throws Exception {
    byte[] payload =
        NewKeyMaterial.prepare(PAIR.getPrivate(), PAIR.getPublic(), PrivateKeyFormat.PFX, null);
    byte[] pfx = NewKeyMaterial.deliver(payload, CERT, List.of());
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(new ByteArrayInputStream(pfx), new char[0]);
    String alias = ks.aliases().nextElement();
    assertThat(((PrivateKey) ks.getKey(alias, new char[0])).getEncoded())
        .isEqualTo(PAIR.getPrivate().getEncoded());
  }

  @Test
  void anEncryptedPemDecryptsWithThePasswordToTheKey() throws Exception {
    byte[] payload =
        NewKeyMaterial.prepare(
            PAIR.getPrivate(),
            PAIR.getPublic(),
            PrivateKeyFormat.PEM,
            "pem-password".toCharArray());
    String pem =
        new String(NewKeyMaterial.deliver(payload, CERT, List.of()), StandardCharsets.US_ASCII);
    assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    try (PEMParser p = new PEMParser(new java.io.StringReader(pem))) {
      var info = (PKCS8EncryptedPrivateKeyInfo) p.readObject();
      var plain =
          info.decryptPrivateKeyInfo(
              new JceOpenSSLPKCS8DecryptorProviderBuilder()
                  .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                  .build("pem-password".toCharArray()));
      assertThat(new JcaPEMKeyConverter().getPrivateKey(plain).getEncoded())
          .isEqualTo(PAIR.getPrivate().getEncoded());
    }
  }

  @Test
  void aPlainPemIsAnUnencryptedPkcs8Key() {
    byte[] payload =
        NewKeyMaterial.prepare(
            PAIR.getPrivate(), PAIR.getPublic(), PrivateKeyFormat.PEM, new char[0]);
    String pem =
        new String(NewKeyMaterial.deliver(payload, CERT, List.of()), StandardCharsets.US_ASCII);
    assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
  }

  @Test
  void theDataKeyCipherRefusesABlobMovedToAnotherRequest() {
    DataKeyCipher cipher = DataKeyCipher.random();
    byte[] blob = cipher.seal(new byte[] {1, 2, 3}, "request-a".getBytes(StandardCharsets.UTF_8));
    assertThat(cipher.open(blob, "request-a".getBytes(StandardCharsets.UTF_8)))
        .containsExactly(1, 2, 3);
    assertThatThrownBy(() -> cipher.open(blob, "request-b".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalStateException.class);
  }

  private static KeyPair ecPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(256);
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate selfSigned(KeyPair kp) {
    try {
      X500Name name = new X500Name("CN=key material test");
      var b =
          new JcaX509v3CertificateBuilder(
              name,
              BigInteger.TEN,
              Date.from(Instant.now().minusSeconds(60)),
              Date.from(Instant.now().plusSeconds(3600)),
              name,
              kp.getPublic());
      var holder = b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate()));
      X509Certificate c = new JcaX509CertificateConverter().getCertificate(holder);
      Signature.getInstance("SHA256withECDSA");
      return c;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
