package io.gdsvault.gds.certificates;

import java.time.Duration;

/**
 * Behaviour of the certificate manager.
 *
 * @param allowSelfApproval whether the approver may be the requester
 * @param keyBlobTtl how long an undelivered private key is kept
 * @param rsaKeyBits RSA size of generated key pairs
 */
public record CertificateSettings(boolean allowSelfApproval, Duration keyBlobTtl, int rsaKeyBits) {}
