package io.gdsvault.gds.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recently verified passwords, so that a device that logs in again within seconds does not pay
 * PBKDF2 again. Holds per user only HMAC-SHA256(user, password) under a random key made for this
 * process (never the password, nor anything that outlives the process), for {@code ttl} after the
 * verification. Only successes are remembered; a different password never matches and goes to
 * PBKDF2; a user's entry is dropped at once when its password changes or it is removed. Bounded to
 * {@code maxEntries} users (least recently used first out).
 */
public final class CredentialCache {

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final class Entry {
    final byte[] mac;
    final Instant expires;

    Entry(byte[] mac, Instant expires) {
      this.mac = mac;
      this.expires = expires;
    }
  }

  private final SecretKeySpec key;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Entry> entries;

  public CredentialCache(Duration ttl, int maxEntries, Clock clock) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    Arrays.fill(secret, (byte) 0);
    this.ttl = ttl;
    this.clock = clock;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > maxEntries;
          }
        };
  }

  /** A cache that never remembers anything (TTL 0). */
  public boolean enabled() {
    return !ttl.isZero() && !ttl.isNegative();
  }

  /** Whether this exact password was verified for the user within the TTL. */
  public boolean matches(String user, char[] password) {
    if (!enabled()) {
      return false;
    }
    Entry e;
    synchronized (this) {
      e = entries.get(user);
      if (e != null && !clock.instant().isBefore(e.expires)) {
        entries.remove(user);
        e = null;
      }
    }
    return e != null && MessageDigest.isEqual(e.mac, mac(user, password));
  }

  /** The password was just verified against the stored hash. */
  public void remember(String user, char[] password) {
    if (enabled()) {
      byte[] mac = mac(user, password);
      synchronized (this) {
        entries.put(user, new Entry(mac, clock.instant().plus(ttl)));
      }
    }
  }

  /** The user's password changed or the user was removed. */
  public synchronized void forget(String user) {
    entries.remove(user);
  }

  /** Users remembered now (tests). */
  public synchronized int size() {
    return entries.size();
  }

  private byte[] mac(String user, char[] password) {
    ByteBuffer pw = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[pw.remaining()];
    pw.get(bytes);
    // wipe the encoder's buffer too
    pw.clear();
    while (pw.hasRemaining()) {
      pw.put((byte) 0);
    }
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(key);
      m.update(user.getBytes(StandardCharsets.UTF_8));
      m.update((byte) 0);
      return m.doFinal(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
