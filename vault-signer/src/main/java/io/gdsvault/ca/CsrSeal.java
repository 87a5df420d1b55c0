package io.gdsvault.ca;

import io.gdsvault.ca.CaException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Records next to a stored CSR that its proof of possession was checked, so that issuance later (at
 * approval) need not verify the CSR's signature again.
 *
 * <p>A seal is {@code HMAC-SHA256(key, "gdsvault-csr-pop-v1" || len(context) || context ||
 * SHA-256(csr))}. Only a holder of the key makes one, and {@link #seal} takes a {@link
 * VerifiedCsr}, so a seal exists only for bytes whose signature was verified. {@link #restore}
 * checks the seal against the stored bytes (constant-time) before it re-parses them: a CSR changed
 * in the database, or a seal moved to another request ({@code context}, e.g. the request id), is
 * refused. The key must stay out of the database (gds-server derives it from its data key).
 *
 * <p>Thread-safe.
 */
public final class CsrSeal {

  private static final byte[] LABEL = "gdsvault-csr-pop-v1".getBytes(StandardCharsets.US_ASCII);

  /** HMAC-SHA256 tag length. */
  public static final int SEAL_BYTES = 32;

  private final SecretKeySpec key;
  private final int maxCsrBytes;

  /** One initialised Mac per thread: doFinal resets it for the next seal. */
  @SuppressWarnings("ThreadLocalUsage") // per key: a sealer lives as long as the server
  private final ThreadLocal<Mac> macs = new ThreadLocal<>();

  /** A sealer under {@code key} (at least 32 bytes), for CSRs of the default maximum size. */
  public CsrSeal(byte[] key) {
    this(key, CsrChecks.DEFAULT_MAX_CSR_BYTES);
  }

  public CsrSeal(byte[] key, int maxCsrBytes) {
    if (key == null || key.length < 32) {
      throw new IllegalArgumentException("the seal key must have at least 256 bits");
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    this.maxCsrBytes = maxCsrBytes;
  }

  /** The seal of {@code csr} bound to {@code context} (e.g. the request id). */
  public byte[] seal(VerifiedCsr csr, byte[] context) throws CaException {
    return mac(csr.sha256(), context);
  }

  /**
   * Re-creates the verified request from stored bytes and their seal, without repeating the
   * signature verification.
   *
   * @throws CaException STORE_FAILED if the seal does not match the bytes and context (the stored
   *     request was changed or the seal belongs elsewhere); the parse reasons if the bytes no
   *     longer parse
   */
  public VerifiedCsr restore(byte[] der, byte[] context, byte[] seal) throws CaException {
    if (der == null || seal == null || seal.length != SEAL_BYTES) {
      throw new CaException(Reason.STORE_FAILED, "stored certificate request has no valid seal");
    }
    if (der.length > maxCsrBytes) {
      throw new CaException(Reason.CSR_TOO_LARGE, "stored certificate request is too large");
    }
    byte[] digest = VerifiedCsr.sha256(der);
    if (!MessageDigest.isEqual(mac(digest, context), seal)) {
      throw new CaException(
          Reason.STORE_FAILED, "stored certificate request fails its integrity check");
    }
    return VerifiedCsr.sealed(der, digest, maxCsrBytes);
  }

  private byte[] mac(byte[] csrSha256, byte[] context) throws CaException {
    byte[] ctx = context == null ? new byte[0] : context;
    try {
      Mac mac = macs.get();
      if (mac == null) {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        macs.set(mac);
      }
      mac.update(LABEL);
      mac.update(ByteBuffer.allocate(4).putInt(ctx.length).array());
      mac.update(ctx);
      mac.update(csrSha256);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new CaException(Reason.TEMPLATE_INVALID, "HMAC-SHA256 is not available", e);
    }
  }
}
