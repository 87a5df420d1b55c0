package io.gdsvault.signer;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The narrow port to an issuer key, wherever it lives (keystore file, HSM, cloud vault).
 *
 * <p>It knows the key, its public half, the certificate chain bound to it (empty until the CA
 * certificate exists) and the one signature algorithm it produces. Its only operation signs the
 * to-be-signed bytes of a certificate or CRL. No policy, storage or transport hooks: the CA above
 * decides what gets signed.
 */
public interface IssuerSigner {

  /** A stable, non-secret reference to the key (alias, token label or Key Vault key id). */
  String keyReference();

  /** The public half of the issuer key. */
  PublicKey publicKey();

  /** The issuer chain, issuer certificate first; empty before the CA certificate exists. */
  List<X509Certificate> certificateChain();

  /** The signature algorithm {@link #sign} produces. */
  SignatureAlgorithm signatureAlgorithm();

  /**
   * Signs the to-be-signed bytes (hashing included) and returns the signature in the X.509 encoding
   * of {@link #signatureAlgorithm()} (PKCS#1 v1.5 for RSA, DER SEQUENCE{r,s} for ECDSA).
   *
   * @throws SignerException with a safe message when the key is unreachable or refuses
   */
  byte[] sign(byte[] toBeSigned) throws SignerException;

  /** This signer bound to a certificate chain (issuer certificate first). */
  default IssuerSigner withChain(List<X509Certificate> chain) {
    return new ChainedSigner(this, List.copyOf(chain));
  }
}
