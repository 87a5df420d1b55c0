package io.gdsvault.gds.push;

import io.gdsvault.gds.certificates.DataKeyCipher;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Seals the secrets a push target's row holds: the target's SecurityAdmin password and a private
 * key the GDS generated for it. Each blob is bound (as associated data) to its purpose, the
 * application and, for a key, the request, so a blob copied to another row does not open. Plain
 * bytes and characters are wiped as soon as they are sealed or used.
 */
public final class TargetCredentials {

  private final DataKeyCipher cipher;

  public TargetCredentials(DataKeyCipher cipher) {
    this.cipher = cipher;
  }

  byte[] sealPassword(UUID applicationId, char[] password) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] exact = new byte[encoded.remaining()];
    encoded.get(exact);
    encoded.clear().put(new byte[encoded.capacity()]);
    try {
      return cipher.seal(exact, aad("password", applicationId, null));
    } finally {
      Arrays.fill(exact, (byte) 0);
    }
  }

  /** The target's password; the caller wipes it after use. */
  char[] openPassword(PushTarget target) {
    byte[] raw;
    try {
      raw = cipher.open(target.passwordBlob(), aad("password", target.applicationId(), null));
    } catch (IllegalStateException e) {
      throw new PushException(
          PushException.Kind.INTERNAL,
          "the stored target credentials cannot be decrypted (data key changed?)");
    }
    try {
      CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(raw));
      char[] out = new char[chars.remaining()];
      chars.get(out);
      Arrays.fill(chars.array(), '\0');
      return out;
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  byte[] sealKey(UUID applicationId, UUID requestId, byte[] key) {
    return cipher.seal(key, aad("key", applicationId, requestId));
  }

  byte[] openKey(UUID applicationId, UUID requestId, byte[] blob) {
    try {
      return cipher.open(blob, aad("key", applicationId, requestId));
    } catch (IllegalStateException e) {
      throw new PushException(
          PushException.Kind.INTERNAL, "the kept key of request " + requestId + " cannot be read");
    }
  }

  private static byte[] aad(String what, UUID applicationId, @Nullable UUID requestId) {
    return ("push " + what + " " + applicationId + (requestId == null ? "" : " " + requestId))
        .getBytes(StandardCharsets.US_ASCII);
  }
}
