package io.gdsvault.gds.certificates;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under the server-held data key: what protects pending private keys at rest. A blob is
 * {@code version(1) || iv(12) || ciphertext+tag}; the request id is bound as associated data so a
 * blob cannot be moved to another request.
 */
public final class DataKeyCipher {

  private static final byte VERSION = 1;
  private static final int IV_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKey key;

  public DataKeyCipher(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("the data key must be 256 bits");
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  /** A cipher with a fresh random key (tests, single-process use). */
  public static DataKeyCipher random() {
    byte[] k = new byte[32];
    RANDOM.nextBytes(k);
    return new DataKeyCipher(k);
  }

  /**
   * A 256-bit key for another purpose, derived from the data key: {@code HMAC-SHA256(dataKey,
   * "gdsvault:" + purpose)}. Every node holding the data key derives the same key; the data key
   * itself is used only for AES-GCM.
   */
  public byte[] deriveKey(String purpose) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
      return mac.doFinal(("gdsvault:" + purpose).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  public byte[] seal(byte[] plaintext, byte[] associatedData) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      c.updateAAD(associatedData);
      byte[] ct = c.doFinal(plaintext);
      byte[] out = new byte[1 + IV_BYTES + ct.length];
      out[0] = VERSION;
      System.arraycopy(iv, 0, out, 1, IV_BYTES);
      System.arraycopy(ct, 0, out, 1 + IV_BYTES, ct.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** Decrypts; a tampered blob or a wrong key fails with IllegalStateException (no detail). */
  public byte[] open(byte[] blob, byte[] associatedData) {
    if (blob == null || blob.length < 1 + IV_BYTES + 16 || blob[0] != VERSION) {
      throw new IllegalStateException("key blob is malformed");
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(128, Arrays.copyOfRange(blob, 1, 1 + IV_BYTES)));
      c.updateAAD(associatedData);
      return c.doFinal(blob, 1 + IV_BYTES, blob.length - 1 - IV_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("key blob cannot be decrypted");
    }
  }
}
