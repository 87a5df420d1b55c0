package io.gdsvault.ca;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Persistent CA state, shared by every node that issues for the same CA. gds-server implements it
 * with JDBC; {@link FileCaStateStore} serves tests and single-process use. Every method is atomic
 * on its own; implementations must be thread-safe.
 *
 * <p>{@code caName} names a certificate group's CA line ({@code group/type}); {@code caId} one
 * generation of it.
 */
public interface CaStateStore {

  /** The CA generations of {@code caName}, oldest first. */
  List<CaGeneration> generations(String caName) throws CaException;

  /**
   * Adds a generation unless one with the same number exists (another node won the race).
   *
   * @return true if added
   */
  boolean addGeneration(String caName, CaGeneration generation) throws CaException;

  /**
   * Reserves {@code serial} for {@code caId} before signing (reserve-then-sign).
   *
   * @return false if the serial was already reserved: the caller draws another
   */
  boolean reserveSerial(String caId, BigInteger serial) throws CaException;

  /** Whether {@code serial} was ever reserved by {@code caId}. */
  boolean serialReserved(String caId, BigInteger serial) throws CaException;

  /** Increments and returns the CRL number of {@code caId}; the first call returns 1. */
  long nextCrlNumber(String caId) throws CaException;

  /**
   * Records a revocation.
   *
   * @return false if the serial was already revoked (nothing changes)
   */
  boolean addRevoked(String caId, RevokedEntry entry) throws CaException;

  /** The revoked entries of {@code caId}. */
  List<RevokedEntry> revoked(String caId) throws CaException;

  /** Saves a CRL unless a newer one (higher number) is already saved. */
  void saveCrl(String caId, StoredCrl crl) throws CaException;

  /** The latest saved CRL of {@code caId}. */
  Optional<StoredCrl> latestCrl(String caId) throws CaException;
}
