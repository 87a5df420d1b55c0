package io.gdsvault.ca;

import io.gdsvault.signer.KeySpec;

/**
 * The OPC UA application certificate types this CA issues (Part 12 §7.8.4), with the key shapes
 * each allows in a request and the default issuer key.
 */
public enum CertificateType {
  RSA_SHA256("RsaSha256ApplicationCertificateType", "RSA", KeySpec.RSA_2048),
  ECC_NIST_P256("EccNistP256ApplicationCertificateType", "P-256", KeySpec.EC_P256),
  ECC_NIST_P384("EccNistP384ApplicationCertificateType", "P-384", KeySpec.EC_P384);

  /** RSA keys shorter than this are refused for {@link #RSA_SHA256} (Part 7 RsaSha256 profile). */
  public static final int RSA_MIN_BITS = 2048;

  /** RSA keys longer than this are refused (4096 is the profile's maximum). */
  public static final int RSA_MAX_BITS = 4096;

  private final String browseName;
  private final String shortName;
  private final KeySpec defaultIssuerKey;

  CertificateType(String browseName, String shortName, KeySpec defaultIssuerKey) {
    this.browseName = browseName;
    this.shortName = shortName;
    this.defaultIssuerKey = defaultIssuerKey;
  }

  /** The BrowseName of the OPC UA CertificateType. */
  public String browseName() {
    return browseName;
  }

  /** {@code RSA}, {@code P-256} or {@code P-384}. */
  public String shortName() {
    return shortName;
  }

  public KeySpec defaultIssuerKey() {
    return defaultIssuerKey;
  }

  public boolean isRsa() {
    return this == RSA_SHA256;
  }

  /** Whether an issuer key of this shape may sign certificates of this type. */
  public boolean acceptsIssuerKey(KeySpec spec) {
    return switch (this) {
      case RSA_SHA256 -> spec.isRsa();
      case ECC_NIST_P256 -> spec == KeySpec.EC_P256;
      case ECC_NIST_P384 -> spec == KeySpec.EC_P384;
    };
  }

  /** The type whose BrowseName is {@code name}. */
  public static java.util.Optional<CertificateType> fromBrowseName(String name) {
    for (CertificateType t : values()) {
      if (t.browseName.equals(name)) {
        return java.util.Optional.of(t);
      }
    }
    return java.util.Optional.empty();
  }
}
