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
 */
public record CertificateSettings(
    boolean allowSelfApproval, Duration keyBlobTtl, int rsaKeyBits, Duration finishRequestGrace) {

  /** Without repeats of FinishRequest. */
  public CertificateSettings(boolean allowSelfApproval, Duration keyBlobTtl, int rsaKeyBits) {
    this(allowSelfApproval, keyBlobTtl, rsaKeyBits, Duration.ZERO);
  }
}
