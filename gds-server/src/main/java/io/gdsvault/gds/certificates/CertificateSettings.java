package io.gdsvault.gds.certificates;

import java.time.Duration;

/**
 * Behaviour of the certificate manager.
 *
 * @param allowSelfApproval whether the approver may be the requester
 * @param keyBlobTtl how long an undelivered private key is kept
 * @param rsaKeyBits RSA size of generated key pairs
 * @param finishRequestGrace how long after delivery a repeated FinishRequest of the same caller
 *     gets the same certificate and private key again (zero: never)
 * @param keyPoolSize RSA key pairs generated ahead of demand for new-key-pair requests (zero: none,
 *     every key is generated on demand)
 */
public record CertificateSettings(
    boolean allowSelfApproval,
    Duration keyBlobTtl,
    int rsaKeyBits,
    Duration finishRequestGrace,
    int keyPoolSize) {

  /** Without a key pool. */
  public CertificateSettings(
      boolean allowSelfApproval, Duration keyBlobTtl, int rsaKeyBits, Duration finishRequestGrace) {
    this(allowSelfApproval, keyBlobTtl, rsaKeyBits, finishRequestGrace, 0);
  }

  /** Without repeats of FinishRequest and without a key pool. */
  public CertificateSettings(boolean allowSelfApproval, Duration keyBlobTtl, int rsaKeyBits) {
    this(allowSelfApproval, keyBlobTtl, rsaKeyBits, Duration.ZERO);
  }
}
