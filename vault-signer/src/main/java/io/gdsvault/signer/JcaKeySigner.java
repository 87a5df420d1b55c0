package io.gdsvault.signer;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Signs with a JCA {@link PrivateKey} handle through a given provider. For the local backend the
 * handle holds key material; for PKCS#11 it is only a token object reference.
 */
public final class JcaKeySigner implements IssuerSigner {

  /**
   * One DRBG per thread for ECDSA nonces. Without one, every signature draws from the JDK's single
   * shared NativePRNG, whose lock serialised concurrent signers (waits of 10-45 ms under load).
   */
  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(JcaKeySigner::newRandom);

  private final String keyReference;
  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final SignatureAlgorithm algorithm;
  private final Provider provider;

  public JcaKeySigner(
      String keyReference,
      PrivateKey privateKey,
      PublicKey publicKey,
      SignatureAlgorithm algorithm,
      Provider provider) {
    this.keyReference = keyReference;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.algorithm = algorithm;
    this.provider = provider;
  }

  @Override
  public String keyReference() {
    return keyReference;
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public List<X509Certificate> certificateChain() {
    return List.of();
  }

  @Override
  public SignatureAlgorithm signatureAlgorithm() {
    return algorithm;
  }

  @Override
  public byte[] sign(byte[] toBeSigned) throws SignerException {
    try {
      Signature s = Signature.getInstance(algorithm.jcaName(), provider);
      s.initSign(privateKey, RANDOM.get());
      s.update(toBeSigned);
      return s.sign();
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new SignerException("issuer key " + keyReference + " could not sign", e);
    }
  }

  /** A per-thread generator: a DRBG (SP 800-90A) seeded by the JDK, or the default one. */
  public static SecureRandom newRandom() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  /** The key handle, for backend tests that check what kind of object it is. */
  public PrivateKey keyHandle() {
    return privateKey;
  }

  @Override
  public String toString() {
    return "JcaKeySigner[" + keyReference + ", " + algorithm + ", " + provider.getName() + "]";
  }
}
