package io.gdsvault.signer;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** The signature algorithms an issuer key may produce. */
@SuppressWarnings("ImmutableEnumChecker") // ASN1ObjectIdentifier is immutable, only not annotated
public enum SignatureAlgorithm {
  SHA256_WITH_RSA("SHA256withRSA", "SHA-256", PKCSObjectIdentifiers.sha256WithRSAEncryption, true),
  SHA256_WITH_ECDSA("SHA256withECDSA", "SHA-256", X9ObjectIdentifiers.ecdsa_with_SHA256, false),
  SHA384_WITH_ECDSA("SHA384withECDSA", "SHA-384", X9ObjectIdentifiers.ecdsa_with_SHA384, false);

  private final String jcaName;
  private final String digestName;
  private final ASN1ObjectIdentifier oid;
  private final boolean rsa;

  SignatureAlgorithm(String jcaName, String digestName, ASN1ObjectIdentifier oid, boolean rsa) {
    this.jcaName = jcaName;
    this.digestName = digestName;
    this.oid = oid;
    this.rsa = rsa;
  }

  /** The JCA name, e.g. {@code SHA256withRSA}. */
  public String jcaName() {
    return jcaName;
  }

  /** The JCA name of the digest, e.g. {@code SHA-256}. */
  public String digestName() {
    return digestName;
  }

  public boolean isRsa() {
    return rsa;
  }

  /** The X.509 AlgorithmIdentifier (RSA carries NULL parameters, ECDSA none, per RFC 5758). */
  public AlgorithmIdentifier algorithmIdentifier() {
    return rsa ? new AlgorithmIdentifier(oid, DERNull.INSTANCE) : new AlgorithmIdentifier(oid);
  }

  /** The digest algorithm identifier, as used in a PKCS#1 DigestInfo. */
  public AlgorithmIdentifier digestAlgorithmIdentifier() {
    ASN1ObjectIdentifier d =
        digestName.equals("SHA-384")
            ? NISTObjectIdentifiers.id_sha384
            : NISTObjectIdentifiers.id_sha256;
    return new AlgorithmIdentifier(d, DERNull.INSTANCE);
  }
}
