package io.gdsvault.ca;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** CSRs made in code for tests: keys of any kind, SANs as given. */
public final class TestCsrs {

  static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private TestCsrs() {}

  public static KeyPair rsa(int bits) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(bits);
    return g.generateKeyPair();
  }

  /** EC key on any curve BouncyCastle knows (secp256r1, secp384r1, secp256k1, brainpoolP256r1). */
  public static KeyPair ec(String curve) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
    g.initialize(new ECGenParameterSpec(curve));
    return g.generateKeyPair();
  }

  public static byte[] csr(
      KeyPair pair, String subject, String uri, List<String> dns, List<String> ips)
      throws Exception {
    var b = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), pair.getPublic());
    List<ASN1Encodable> names = new ArrayList<>();
    if (uri != null) {
      names.add(new GeneralName(GeneralName.uniformResourceIdentifier, uri));
    }
    dns.forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
    ips.forEach(i -> names.add(new GeneralName(GeneralName.iPAddress, i)));
    if (!names.isEmpty()) {
      ExtensionsGenerator ext = new ExtensionsGenerator();
      ext.addExtension(
          Extension.subjectAlternativeName,
          false,
          new DERSequence(names.toArray(ASN1Encodable[]::new)));
      b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
    }
    String alg =
        pair.getPublic().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    return b.build(new JcaContentSignerBuilder(alg).setProvider(BC).build(pair.getPrivate()))
        .getEncoded();
  }

  /** A CSR signed with {@code signatureAlgorithm} (e.g. SHA1withRSA, MD5withRSA). */
  public static byte[] csrSignedWith(KeyPair pair, String uri, String signatureAlgorithm)
      throws Exception {
    ExtensionsGenerator ext = new ExtensionsGenerator();
    ext.addExtension(
        Extension.subjectAlternativeName,
        false,
        new DERSequence(new GeneralName(GeneralName.uniformResourceIdentifier, uri)));
    var b = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=Test App"), pair.getPublic());
    b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
    return b.build(
            new JcaContentSignerBuilder(signatureAlgorithm)
                .setProvider(BC)
                .build(pair.getPrivate()))
        .getEncoded();
  }

  /** An RSA key pair with the public exponent {@code e} (3 is what the weak-key attack uses). */
  public static KeyPair rsaWithExponent(int bits, long e) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(
        new java.security.spec.RSAKeyGenParameterSpec(bits, java.math.BigInteger.valueOf(e)));
    return g.generateKeyPair();
  }

  public static byte[] csr(KeyPair pair, String uri) throws Exception {
    return csr(pair, "CN=Test App, O=Test", uri, List.of("host1.example"), List.of("127.0.0.1"));
  }
}
