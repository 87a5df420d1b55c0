package io.gdsvault.ca;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Application key pairs for Part 12 StartNewKeyPairRequest: RSA through the JDK, NIST curves
 * through BouncyCastle (noticeably faster at EC key generation than SunEC on JDK 17).
 */
public final class KeyPairs {

  private static final BouncyCastleProvider BC = new BouncyCastleProvider();
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyPairs() {}

  /** A new key pair for {@code type}; {@code rsaBits} applies to RSA only (2048..4096). */
  public static KeyPair generate(CertificateType type, int rsaBits)
      throws GeneralSecurityException {
    return switch (type) {
      case RSA_SHA256 -> {
        if (rsaBits < CertificateType.RSA_MIN_BITS || rsaBits > CertificateType.RSA_MAX_BITS) {
          throw new java.security.InvalidParameterException("RSA key size out of range");
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(rsaBits, RANDOM);
        yield g.generateKeyPair();
      }
      case ECC_NIST_P256, ECC_NIST_P384 -> {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
        g.initialize(
            new ECGenParameterSpec(
                type == CertificateType.ECC_NIST_P256 ? "secp256r1" : "secp384r1"),
            RANDOM);
        yield g.generateKeyPair();
      }
    };
  }
}
