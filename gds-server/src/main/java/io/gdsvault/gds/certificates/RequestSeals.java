package io.gdsvault.gds.certificates;

import io.gdsvault.ca.CsrSeal;
import io.gdsvault.ca.VerifiedCsr;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * What the GDS seals per request, each bound to the request id so it cannot be moved to another
 * request: the CSR's proof-of-possession seal, the private key material of a new key pair, and that
 * key pair's password while its key is being generated.
 */
final class RequestSeals {

  private final DataKeyCipher cipher;
  private final CsrSeal csrSeal;

  RequestSeals(DataKeyCipher cipher) {
    this.cipher = cipher;
    this.csrSeal = new CsrSeal(cipher.deriveKey("csr-pop-seal"));
  }

  /** The seal that records {@code csr}'s proof of possession for request {@code id}. */
  byte[] sealCsr(VerifiedCsr csr, UUID id) {
    return CaErrors.call(() -> csrSeal.seal(csr, aad(id)));
  }

  /**
   * The stored CSR of {@code r} as a verified request: its seal is checked (a CSR changed in the
   * database, or a seal from another request, is refused) and the bytes are re-parsed, without
   * verifying the CSR's signature again. A request filed before seals existed (no seal, schema
   * before V80) has its proof of possession verified here instead, so an upgrade does not strand
   * pending requests.
   */
  VerifiedCsr storedCsr(CertificateRequestRecord r) {
    byte[] csrDer = Objects.requireNonNull(r.csrDer(), "issued only once the CSR is there");
    byte[] seal = r.csrSeal();
    if (seal == null) {
      return CaErrors.call(() -> VerifiedCsr.verify(csrDer));
    }
    return CaErrors.call(() -> csrSeal.restore(csrDer, aad(r.requestId()), seal));
  }

  /** Private key material sealed for request {@code id}. */
  byte[] sealKey(byte[] plaintext, UUID id) {
    return cipher.seal(plaintext, aad(id));
  }

  /** The private key material sealed for request {@code id}. */
  byte[] openKey(byte[] blob, UUID id) {
    return cipher.open(blob, aad(id));
  }

  /**
   * The password of a new key pair sealed for request {@code id}, kept until its key is generated
   * (bound to the request and marked as a password, so it cannot stand in for key material).
   */
  byte[] sealSecret(char[] password, UUID id) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] plain = new byte[encoded.remaining()];
    encoded.get(plain);
    encoded.clear();
    while (encoded.hasRemaining()) {
      encoded.put((byte) 0);
    }
    try {
      return cipher.seal(plain, secretAad(id));
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /** The password sealed by {@link #sealSecret}; the caller wipes it. */
  char[] openSecret(byte[] sealed, UUID id) {
    byte[] plain = cipher.open(sealed, secretAad(id));
    try {
      CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
      char[] password = new char[decoded.remaining()];
      decoded.get(password);
      decoded.clear();
      while (decoded.hasRemaining()) {
        decoded.put('\0');
      }
      return password;
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  private static byte[] aad(UUID id) {
    return ByteBuffer.allocate(16)
        .putLong(id.getMostSignificantBits())
        .putLong(id.getLeastSignificantBits())
        .array();
  }

  private static byte[] secretAad(UUID id) {
    return ByteBuffer.allocate(17)
        .put((byte) 'P')
        .putLong(id.getMostSignificantBits())
        .putLong(id.getLeastSignificantBits())
        .array();
  }
}
