package io.gdsvault.gds.push;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A CA made in code (EC P-256) that issues leaf certificates with fresh keys, for push tests. */
final class TestCa {

  private final KeyPair key = ecKeyPair();
  private final X500Name name;
  private final X509Certificate certificate;
  private final AtomicLong serials = new AtomicLong(100);

  TestCa(String commonName, Instant notBefore) {
    this.name = new X500Name("CN=" + commonName);
    this.certificate = sign(name, key, notBefore, Duration.ofDays(3650));
  }

  X509Certificate certificate() {
    return certificate;
  }

  byte[] der() {
    return Thumbprints.der(certificate);
  }

  /** A leaf of this CA valid from {@code notBefore} for {@code life}. */
  X509Certificate issue(String commonName, Instant notBefore, Duration life) {
    return sign(new X500Name("CN=" + commonName), ecKeyPair(), notBefore, life);
  }

  /** Whether this CA signed {@code c}. */
  boolean issued(X509Certificate c) {
    try {
      c.verify(key.getPublic());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** A self-signed certificate, as a target has before its first push. */
  static X509Certificate selfSigned(String commonName, Instant notBefore) {
    KeyPair kp = ecKeyPair();
    X500Name n = new X500Name("CN=" + commonName);
    return build(n, kp, n, kp, BigInteger.ONE, notBefore, Duration.ofDays(365));
  }

  private X509Certificate sign(X500Name subject, KeyPair subjectKey, Instant nb, Duration life) {
    return build(
        name, key, subject, subjectKey, BigInteger.valueOf(serials.incrementAndGet()), nb, life);
  }

  private static X509Certificate build(
      X500Name issuer,
      KeyPair issuerKey,
      X500Name subject,
      KeyPair subjectKey,
      BigInteger serial,
      Instant notBefore,
      Duration life) {
    try {
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              issuer,
              serial,
              Date.from(notBefore),
              Date.from(notBefore.plus(life)),
              subject,
              subjectKey.getPublic());
      var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate());
      return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair ecKeyPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(256);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
