package io.gdsvault.ca;

import io.gdsvault.ca.CaException.Reason;
import io.gdsvault.signer.JcaKeySigner;
import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Certificate serial numbers: random, and reserved in the {@link CaStateStore} before anything is
 * signed (reserve-then-sign), so a serial is unique per CA generation across every node that shares
 * the store.
 */
final class SerialNumbers {

  /**
   * Draws before giving up; with 127 random bits a second draw is already a sign of a broken store.
   */
  static final int RESERVE_ATTEMPTS = 8;

  /** Serials come from a DRBG per thread: the shared NativePRNG's lock is contended under load. */
  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(JcaKeySigner::newRandom);

  private final CaStateStore store;

  SerialNumbers(CaStateStore store) {
    this.store = store;
  }

  /**
   * Draws serials until the store accepts one for {@code caId}.
   *
   * @throws CaException STORE_FAILED if {@value #RESERVE_ATTEMPTS} draws were all taken
   */
  BigInteger reserve(String caId) throws CaException {
    for (int attempt = 0; attempt < RESERVE_ATTEMPTS; attempt++) {
      BigInteger serial = random();
      if (store.reserveSerial(caId, serial)) {
        return serial;
      }
    }
    throw new CaException(Reason.STORE_FAILED, "no unused serial number could be reserved");
  }

  /** Whether CA generation {@code caId} ever reserved {@code serial}, i.e. issued it. */
  boolean issuedBy(String caId, BigInteger serial) throws CaException {
    return store.serialReserved(caId, serial);
  }

  /** 127 random bits, positive, fixed length of 16 octets (RFC 5280 allows up to 20). */
  static BigInteger random() {
    byte[] b = new byte[16];
    RANDOM.get().nextBytes(b);
    b[0] &= 0x7F;
    b[0] |= 0x40;
    return new BigInteger(1, b);
  }
}
