package io.gdsvault.ca;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link InMemoryCaStateStore} that records every serial offered to it and, as a store shared
 * with other nodes may, can claim the next {@link #refuseNext} serials are taken or (with {@link
 * #refuseGenerations}) that another node saved a generation first.
 */
final class RecordingStore implements CaStateStore {

  private final InMemoryCaStateStore delegate = new InMemoryCaStateStore();
  final List<BigInteger> offered = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger refuseNext = new AtomicInteger();
  volatile boolean refuseGenerations;

  @Override
  public List<CaGeneration> generations(String caName) throws CaException {
    return delegate.generations(caName);
  }

  @Override
  public boolean addGeneration(String caName, CaGeneration generation) throws CaException {
    return !refuseGenerations && delegate.addGeneration(caName, generation);
  }

  @Override
  public boolean reserveSerial(String caId, BigInteger serial) throws CaException {
    offered.add(serial);
    if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return false;
    }
    return delegate.reserveSerial(caId, serial);
  }

  @Override
  public boolean serialReserved(String caId, BigInteger serial) throws CaException {
    return delegate.serialReserved(caId, serial);
  }

  @Override
  public long nextCrlNumber(String caId) throws CaException {
    return delegate.nextCrlNumber(caId);
  }

  @Override
  public boolean addRevoked(String caId, RevokedEntry entry) throws CaException {
    return delegate.addRevoked(caId, entry);
  }

  @Override
  public List<RevokedEntry> revoked(String caId) throws CaException {
    return delegate.revoked(caId);
  }

  @Override
  public void saveCrl(String caId, StoredCrl crl) throws CaException {
    delegate.saveCrl(caId, crl);
  }

  @Override
  public Optional<StoredCrl> latestCrl(String caId) throws CaException {
    return delegate.latestCrl(caId);
  }
}
