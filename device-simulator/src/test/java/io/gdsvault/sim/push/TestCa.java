package io.gdsvault.sim.push;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/** A throwaway CA made in test code with BouncyCastle; issues leaves, signs CSRs, makes CRLs. */
final class TestCa {

  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  final KeyPair keyPair;
  final X509Certificate certificate;

  TestCa(String name) throws Exception {
    this.keyPair = rsa(2048);
    X500Name subject = new X500Name("CN=" + name + ",O=GDS Vault tests");
    Instant now = Instant.now();
    var b =
        new JcaX509v3CertificateBuilder(
            subject,
            BigInteger.valueOf(SERIAL.incrementAndGet()),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(365))),
            subject,
            keyPair.getPublic());
    var ext = new JcaX509ExtensionUtils();
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    b.addExtension(
        Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keyPair.getPublic()));
    this.certificate = sign(b, keyPair.getPrivate());
  }

  static KeyPair rsa(int bits) throws Exception {
    var g = KeyPairGenerator.getInstance("RSA");
    g.initialize(bits);
    return g.generateKeyPair();
  }

  static KeyPair p256() throws Exception {
    var g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  X509Certificate issue(PublicKey key, String cn, String applicationUri) throws Exception {
    Instant now = Instant.now();
    return issue(
        key, cn, applicationUri, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(90)));
  }

  X509Certificate issue(
      PublicKey key, String cn, String applicationUri, Instant notBefore, Instant notAfter)
      throws Exception {
    var b =
        new JcaX509v3CertificateBuilder(
            X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
            BigInteger.valueOf(SERIAL.incrementAndGet()),
            Date.from(notBefore),
            Date.from(notAfter),
            new X500Name("CN=" + cn + ",O=GDS Vault tests"),
            key);
    var ext = new JcaX509ExtensionUtils();
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    b.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(
            KeyUsage.digitalSignature
                | KeyUsage.nonRepudiation
                | KeyUsage.keyEncipherment
                | KeyUsage.dataEncipherment));
    b.addExtension(
        Extension.extendedKeyUsage,
        false,
        new ExtendedKeyUsage(
            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
    b.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.uniformResourceIdentifier, applicationUri),
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(GeneralName.iPAddress, "127.0.0.1")
            }));
    b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key));
    b.addExtension(
        Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
    return sign(b, keyPair.getPrivate());
  }

  /** Signs a CSR's public key (subject and URI from the arguments, as a GDS would decide). */
  X509Certificate signCsr(byte[] csrDer, String applicationUri) throws Exception {
    var csr = new JcaPKCS10CertificationRequest(new PKCS10CertificationRequest(csrDer));
    return issue(csr.getPublicKey(), "pushed", applicationUri);
  }

  X509CRL crl(X509Certificate... revoked) throws Exception {
    Instant now = Instant.now();
    var b =
        new X509v2CRLBuilder(
            X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
            Date.from(now.minus(Duration.ofMinutes(5))));
    b.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
    for (X509Certificate c : revoked) {
      b.addCRLEntry(
          c.getSerialNumber(),
          Date.from(now.minus(Duration.ofMinutes(1))),
          CRLReason.keyCompromise);
    }
    var signer = new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate());
    return new JcaX509CRLConverter().getCRL(b.build(signer));
  }

  static X509Certificate selfSigned(KeyPair kp, String cn, String applicationUri) throws Exception {
    X500Name name = new X500Name("CN=" + cn + ",O=GDS Vault tests");
    Instant now = Instant.now();
    var b =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.valueOf(SERIAL.incrementAndGet()),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(90))),
            name,
            kp.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    b.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(
            KeyUsage.digitalSignature
                | KeyUsage.nonRepudiation
                | KeyUsage.keyEncipherment
                | KeyUsage.dataEncipherment
                | KeyUsage.keyCertSign));
    b.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.uniformResourceIdentifier, applicationUri),
              new GeneralName(GeneralName.dNSName, "localhost")
            }));
    String alg = kp.getPublic().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    var signer = new JcaContentSignerBuilder(alg).build(kp.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(b.build(signer));
  }

  static byte[] pkcs8Pem(PrivateKey key) throws Exception {
    var sw = new StringWriter();
    try (var w = new JcaPEMWriter(sw)) {
      w.writeObject(new JcaPKCS8Generator(key, null));
    }
    return sw.toString().getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] pfx(PrivateKey key, X509Certificate cert) throws Exception {
    var ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("key", key, new char[0], new X509Certificate[] {cert});
    var out = new ByteArrayOutputStream();
    ks.store(out, new char[0]);
    return out.toByteArray();
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder b, PrivateKey caKey)
      throws Exception {
    var signer = new JcaContentSignerBuilder("SHA256withRSA").build(caKey);
    return new JcaX509CertificateConverter().getCertificate(b.build(signer));
  }
}
