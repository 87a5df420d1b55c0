package io.gdsvault.signer.pkcs11;

import io.gdsvault.signer.IssuerSigner;
import io.gdsvault.signer.JcaKeySigner;
import io.gdsvault.signer.KeySpec;
import io.gdsvault.signer.PlaceholderCertificate;
import io.gdsvault.signer.SecretResolver;
import io.gdsvault.signer.SignatureAlgorithm;
import io.gdsvault.signer.SignerBackend;
import io.gdsvault.signer.SignerException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issuer keys on a PKCS#11 token through SunPKCS11. Keys are generated on the token as token
 * objects that are private, sensitive and not extractable: the JVM only ever holds a handle.
 */
public final class Pkcs11Backend implements SignerBackend {

  private static final Logger log = LoggerFactory.getLogger(Pkcs11Backend.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final Provider provider;
  private final KeyStore keyStore;
  private final char[] pin;

  private Pkcs11Backend(Provider provider, KeyStore keyStore, char[] pin) {
    this.provider = provider;
    this.keyStore = keyStore;
    this.pin = pin;
  }

  /** Configures a SunPKCS11 provider for the settings' module and slot and logs in. */
  public static Pkcs11Backend open(Pkcs11SignerSettings settings) throws SignerException {
    return open(settings, new SecretResolver());
  }

  public static Pkcs11Backend open(Pkcs11SignerSettings settings, SecretResolver secrets)
      throws SignerException {
    char[] pin = secrets.resolve(settings.pinEnv(), settings.pinFile(), false);
    Provider base = Security.getProvider("SunPKCS11");
    if (base == null) {
      throw new SignerException("the JDK has no SunPKCS11 provider");
    }
    Provider provider;
    try {
      provider = base.configure("--" + config(settings));
    } catch (RuntimeException e) {
      throw new SignerException("PKCS#11 module could not be configured", e);
    }
    try {
      KeyStore ks = KeyStore.getInstance("PKCS11", provider);
      ks.load(null, pin);
      return new Pkcs11Backend(provider, ks, pin);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new SignerException("PKCS#11 token login failed", e);
    }
  }

  /** The SunPKCS11 configuration: module, slot, and the attributes of generated keys. */
  static String config(Pkcs11SignerSettings s) {
    StringBuilder b = new StringBuilder();
    b.append("name = GdsVault").append(INSTANCES.incrementAndGet()).append('\n');
    b.append("library = ").append(s.library().toAbsolutePath()).append('\n');
    if (s.slot() != null) {
      b.append("slot = ").append(s.slot()).append('\n');
    } else {
      b.append("slotListIndex = ").append(s.slotListIndex()).append('\n');
    }
    b.append("attributes(generate, CKO_PRIVATE_KEY, *) = {\n")
        .append("  CKA_TOKEN = true\n")
        .append("  CKA_PRIVATE = true\n")
        .append("  CKA_SENSITIVE = true\n")
        .append("  CKA_EXTRACTABLE = false\n")
        .append("}\n");
    b.append("attributes(generate, CKO_PUBLIC_KEY, *) = {\n")
        .append("  CKA_TOKEN = true\n")
        .append("}\n");
    return b.toString();
  }

  @Override
  public String kind() {
    return "pkcs11";
  }

  @Override
  public synchronized IssuerSigner createKey(String alias, KeySpec spec) throws SignerException {
    try {
      if (keyStore.containsAlias(alias)) {
        throw new SignerException("issuer key " + alias + " already exists on the token");
      }
      KeyPairGenerator gen = KeyPairGenerator.getInstance(spec.keyAlgorithm(), provider);
      if (spec.isRsa()) {
        gen.initialize(spec.bits());
      } else {
        gen.initialize(new ECGenParameterSpec(spec.curve()));
      }
      KeyPair pair = gen.generateKeyPair();
      JcaKeySigner signer =
          new JcaKeySigner(
              alias, pair.getPrivate(), pair.getPublic(), spec.signatureAlgorithm(), provider);
      // the token keystore lists a private key only beside a certificate: bind a placeholder
      var placeholder = PlaceholderCertificate.create(alias, pair.getPublic(), signer);
      keyStore.setKeyEntry(alias, pair.getPrivate(), null, new Certificate[] {placeholder});
      log.info("created issuer key alias={} spec={} backend=pkcs11", alias, spec);
      return findKey(alias)
          .orElseThrow(() -> new SignerException("issuer key " + alias + " vanished"));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new SignerException("issuer key " + alias + " could not be created on the token", e);
    }
  }

  @Override
  public synchronized Optional<IssuerSigner> findKey(String alias) throws SignerException {
    try {
      Key key = keyStore.getKey(alias, null);
      if (!(key instanceof PrivateKey privateKey)) {
        return Optional.empty();
      }
      Certificate cert = keyStore.getCertificate(alias);
      SignatureAlgorithm alg;
      if (privateKey.getAlgorithm().equals("RSA")) {
        alg = SignatureAlgorithm.SHA256_WITH_RSA;
      } else {
        int bits =
            ((ECPublicKey) cert.getPublicKey()).getParams().getCurve().getField().getFieldSize();
        alg =
            bits > 256
                ? SignatureAlgorithm.SHA384_WITH_ECDSA
                : SignatureAlgorithm.SHA256_WITH_ECDSA;
      }
      return Optional.of(new JcaKeySigner(alias, privateKey, cert.getPublicKey(), alg, provider));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new SignerException("issuer key " + alias + " could not be read from the token", e);
    }
  }

  @Override
  public void close() {
    Arrays.fill(pin, '\0');
    try {
      if (provider instanceof java.security.AuthProvider auth) {
        auth.logout();
      }
    } catch (javax.security.auth.login.LoginException | RuntimeException e) {
      log.warn("PKCS#11 logout failed: {}", e.getClass().getSimpleName());
    }
  }
}
