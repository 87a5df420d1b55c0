package io.gdsvault.signer;

import org.jspecify.annotations.Nullable;

/** The shape of an issuer key to create, with the signature algorithm it will use. */
public enum KeySpec {
  RSA_2048("RSA", 2048, null, SignatureAlgorithm.SHA256_WITH_RSA),
  RSA_3072("RSA", 3072, null, SignatureAlgorithm.SHA256_WITH_RSA),
  RSA_4096("RSA", 4096, null, SignatureAlgorithm.SHA256_WITH_RSA),
  EC_P256("EC", 256, "secp256r1", SignatureAlgorithm.SHA256_WITH_ECDSA),
  EC_P384("EC", 384, "secp384r1", SignatureAlgorithm.SHA384_WITH_ECDSA);

  private final String keyAlgorithm;
  private final int bits;
  private final @Nullable String curve;
  private final SignatureAlgorithm signatureAlgorithm;

  KeySpec(
      String keyAlgorithm,
      int bits,
      @Nullable String curve,
      SignatureAlgorithm signatureAlgorithm) {
    this.keyAlgorithm = keyAlgorithm;
    this.bits = bits;
    this.curve = curve;
    this.signatureAlgorithm = signatureAlgorithm;
  }

  /** {@code RSA} or {@code EC}. */
  public String keyAlgorithm() {
    return keyAlgorithm;
  }

  /** Modulus length for RSA, field size for EC. */
  public int bits() {
    return bits;
  }

  /** The JCA curve name for EC keys ({@code secp256r1}, {@code secp384r1}); null for RSA. */
  public @Nullable String curve() {
    return curve;
  }

  public boolean isRsa() {
    return curve == null;
  }

  public SignatureAlgorithm signatureAlgorithm() {
    return signatureAlgorithm;
  }
}
