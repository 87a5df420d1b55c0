package io.gdsvault.sim.pull;

import io.gdsvault.gds.model.net.HostNames;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Key material of a pull: the PKCS#10 request for a locally made key, and the private key the GDS
 * returns for a new key pair (encrypted PKCS#8 PEM or PKCS#12 with the one-time password). Nothing
 * here logs or puts key bytes or passwords into exception messages.
 */
final class KeyMaterial {

  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyMaterial() {}

  /** A PKCS#10 request with the ApplicationUri and host names as subjectAltName. */
  static byte[] csr(KeyPair keyPair, String subject, String applicationUri, List<String> hostnames)
      throws PullException {
    try {
      List<GeneralName> names = new ArrayList<>();
      names.add(new GeneralName(GeneralName.uniformResourceIdentifier, applicationUri));
      for (String h : hostnames) {
        names.add(
            HostNames.isIpAddress(h)
                ? new GeneralName(GeneralName.iPAddress, h)
                : new GeneralName(GeneralName.dNSName, h));
      }
      ExtensionsGenerator ext = new ExtensionsGenerator();
      ext.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(names.toArray(new GeneralName[0])));
      var builder =
          new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), keyPair.getPublic());
      builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
      String alg =
          "RSA".equals(keyPair.getPublic().getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
      return builder
          .build(new JcaContentSignerBuilder(alg).build(keyPair.getPrivate()))
          .getEncoded();
    } catch (Exception e) {
      throw new PullException(
          "cannot build the certificate signing request: " + e.getClass().getSimpleName());
    }
  }

  /** A random one-time password for a new key pair; it only lives in memory. */
  static char[] randomPassword() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b).toCharArray();
  }

  /** Opens the private key the GDS returned for a new key pair request. */
  static PrivateKey openDeliveredKey(PullSettings.KeyFormat format, byte[] bytes, char[] password)
      throws PullException {
    if (bytes == null || bytes.length == 0) {
      throw new PullException("the GDS returned no private key for the new key pair");
    }
    try {
      if (format == PullSettings.KeyFormat.PFX) {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new ByteArrayInputStream(bytes), password);
        Enumeration<String> aliases = ks.aliases();
        while (aliases.hasMoreElements()) {
          String alias = aliases.nextElement();
          if (ks.isKeyEntry(alias)) {
            return (PrivateKey) ks.getKey(alias, password);
          }
        }
        throw new PullException("the PFX the GDS returned holds no private key");
      }
      try (PEMParser parser =
          new PEMParser(
              new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.US_ASCII))) {
        Object o = parser.readObject();
        var converter = new JcaPEMKeyConverter();
        if (o instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
          PrivateKeyInfo plain =
              encrypted.decryptPrivateKeyInfo(
                  new JceOpenSSLPKCS8DecryptorProviderBuilder()
                      .setProvider(new BouncyCastleProvider())
                      .build(password));
          return converter.getPrivateKey(plain);
        } else if (o instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        } else if (o instanceof PEMKeyPair pair) {
          return converter.getKeyPair(pair).getPrivate();
        }
      }
      throw new PullException("the PEM the GDS returned holds no private key");
    } catch (PullException e) {
      throw e;
    } catch (IOException
        | java.security.GeneralSecurityException
        | RuntimeException
        | org.bouncycastle.operator.OperatorCreationException
        | org.bouncycastle.pkcs.PKCSException e) {
      throw new PullException(
          "cannot open the "
              + format
              + " private key the GDS returned ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  /** The host's name, or localhost. */
  static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
