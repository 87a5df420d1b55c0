package io.gdsvault.signer.testing;

import io.gdsvault.signer.IssuerSigner;
import io.gdsvault.signer.KeySpec;
import io.gdsvault.signer.SignatureAlgorithm;
import io.gdsvault.signer.SignerException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The issuer key of unit tests: a key pair made in code and held in memory, behind the same port
 * the keystore, PKCS#11 and Key Vault signers implement. No file, token or network; an EC key costs
 * a millisecond. It counts its signatures, and can be switched off to play a key that has become
 * unreachable (its {@link #sign} then throws {@link SignerException}, as a real backend's does).
 */
public final class FakeIssuerSigner implements IssuerSigner {

  private final String keyReference;
  private final KeyPair keyPair;
  private final SignatureAlgorithm algorithm;
  private final AtomicInteger signatures = new AtomicInteger();
  private volatile boolean available = true;

  private FakeIssuerSigner(String keyReference, KeyPair keyPair, SignatureAlgorithm algorithm) {
    this.keyReference = keyReference;
    this.keyPair = keyPair;
    this.algorithm = algorithm;
  }

  /** A new key of {@code spec} under {@code keyReference}. */
  public static FakeIssuerSigner create(String keyReference, KeySpec spec) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance(spec.keyAlgorithm());
      String curve = spec.curve();
      if (curve == null) {
        g.initialize(spec.bits());
      } else {
        g.initialize(new ECGenParameterSpec(curve));
      }
      return new FakeIssuerSigner(keyReference, g.generateKeyPair(), spec.signatureAlgorithm());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot make a " + spec + " key", e);
    }
  }

  /** A P-256 key: the cheapest to make and to sign with. */
  public static FakeIssuerSigner ecP256() {
    return create("fake-issuer-p256", KeySpec.EC_P256);
  }

  @Override
  public String keyReference() {
    return keyReference;
  }

  @Override
  public PublicKey publicKey() {
    return keyPair.getPublic();
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
    if (!available) {
      throw new SignerException("issuer key " + keyReference + " is unavailable");
    }
    try {
      Signature s = Signature.getInstance(algorithm.jcaName());
      s.initSign(keyPair.getPrivate());
      s.update(toBeSigned);
      byte[] signature = s.sign();
      signatures.incrementAndGet();
      return signature;
    } catch (GeneralSecurityException e) {
      throw new SignerException("issuer key " + keyReference + " could not sign", e);
    }
  }

  /** How many signatures this key has made. */
  public int signatures() {
    return signatures.get();
  }

  /** Makes the key reachable again ({@code true}) or unreachable ({@code false}). */
  public void setAvailable(boolean available) {
    this.available = available;
  }

  @Override
  public String toString() {
    return "FakeIssuerSigner[" + keyReference + ", " + algorithm + "]";
  }
}
