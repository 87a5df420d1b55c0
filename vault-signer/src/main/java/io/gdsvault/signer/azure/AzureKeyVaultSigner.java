package io.gdsvault.signer.azure;

import com.azure.security.keyvault.keys.cryptography.CryptographyClient;
import io.gdsvault.signer.IssuerSigner;
import io.gdsvault.signer.SignatureAlgorithm;
import io.gdsvault.signer.SignerException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;

/**
 * Signs by hashing locally and sending the digest to Key Vault. The JVM holds only the key id and
 * the public key: the private key never leaves the vault.
 */
public final class AzureKeyVaultSigner implements IssuerSigner {

  private final String keyId;
  private final PublicKey publicKey;
  private final SignatureAlgorithm algorithm;
  private final CryptographyClient crypto;

  AzureKeyVaultSigner(
      String keyId, PublicKey publicKey, SignatureAlgorithm algorithm, CryptographyClient crypto) {
    this.keyId = keyId;
    this.publicKey = publicKey;
    this.algorithm = algorithm;
    this.crypto = crypto;
  }

  /** The Key Vault key id (URL with version). */
  @Override
  public String keyReference() {
    return keyId;
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
    byte[] digest;
    try {
      digest = MessageDigest.getInstance(algorithm.digestName()).digest(toBeSigned);
    } catch (GeneralSecurityException e) {
      throw new SignerException("digest " + algorithm.digestName() + " unavailable", e);
    }
    byte[] raw;
    try {
      raw = crypto.sign(vaultAlgorithm(algorithm), digest).getSignature();
    } catch (RuntimeException e) {
      throw new SignerException("Key Vault refused to sign with " + keyId, e);
    }
    return algorithm.isRsa() ? raw : ecdsaDer(raw);
  }

  static com.azure.security.keyvault.keys.cryptography.models.SignatureAlgorithm vaultAlgorithm(
      SignatureAlgorithm alg) {
    return switch (alg) {
      case SHA256_WITH_RSA ->
          com.azure.security.keyvault.keys.cryptography.models.SignatureAlgorithm.RS256;
      case SHA256_WITH_ECDSA ->
          com.azure.security.keyvault.keys.cryptography.models.SignatureAlgorithm.ES256;
      case SHA384_WITH_ECDSA ->
          com.azure.security.keyvault.keys.cryptography.models.SignatureAlgorithm.ES384;
    };
  }

  /** Key Vault returns ECDSA signatures as r||s (JWS); X.509 wants DER SEQUENCE{r, s}. */
  static byte[] ecdsaDer(byte[] raw) throws SignerException {
    if (raw.length == 0 || raw.length % 2 != 0) {
      throw new SignerException("Key Vault returned a malformed ECDSA signature");
    }
    int half = raw.length / 2;
    ASN1EncodableVector v = new ASN1EncodableVector();
    v.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 0, half))));
    v.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, half, raw.length))));
    try {
      return new DERSequence(v).getEncoded();
    } catch (java.io.IOException e) {
      throw new SignerException("ECDSA signature could not be encoded", e);
    }
  }

  @Override
  public String toString() {
    return "AzureKeyVaultSigner[" + keyId + ", " + algorithm + "]";
  }
}
