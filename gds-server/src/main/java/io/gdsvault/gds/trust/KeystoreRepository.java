package io.gdsvault.gds.trust;

import java.time.Instant;
import java.util.Optional;

/**
 * Encrypted CA keystores kept in the database (the local signer backend's PKCS#12 file, already
 * encrypted with the keystore secret), so nodes sharing the database share the CA keys. Joins the
 * open transaction.
 */
public interface KeystoreRepository {

  Optional<byte[]> load(String name);

  /** Inserts or replaces the stored keystore. */
  void save(String name, byte[] content, Instant now);
}
