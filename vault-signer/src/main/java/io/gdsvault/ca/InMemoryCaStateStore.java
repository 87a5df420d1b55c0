package io.gdsvault.ca;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** CA state in memory only: for unit tests and benchmarks. Lost when the process ends. */
public final class InMemoryCaStateStore implements CaStateStore {

  private final Map<String, List<CaGeneration>> generations = new HashMap<>();
  private final Map<String, Set<BigInteger>> serials = new ConcurrentHashMap<>();
  private final Map<String, Long> crlNumbers = new HashMap<>();
  private final Map<String, Map<BigInteger, RevokedEntry>> revoked = new HashMap<>();
  private final Map<String, StoredCrl> crls = new HashMap<>();

  @Override
  public synchronized List<CaGeneration> generations(String caName) {
    return List.copyOf(generations.getOrDefault(caName, List.of()));
  }

  @Override
  public synchronized boolean addGeneration(String caName, CaGeneration generation) {
    List<CaGeneration> list = generations.computeIfAbsent(caName, k -> new ArrayList<>());
    if (list.stream().anyMatch(g -> g.generation() == generation.generation())) {
      return false;
    }
    list.add(generation);
    return true;
  }

  @Override
  public boolean reserveSerial(String caId, BigInteger serial) {
    return serials.computeIfAbsent(caId, k -> ConcurrentHashMap.newKeySet()).add(serial);
  }

  @Override
  public boolean serialReserved(String caId, BigInteger serial) {
    return serials.getOrDefault(caId, Set.of()).contains(serial);
  }

  @Override
  public synchronized long nextCrlNumber(String caId) {
    return crlNumbers.merge(caId, 1L, Long::sum);
  }

  @Override
  public synchronized boolean addRevoked(String caId, RevokedEntry entry) {
    return revoked
            .computeIfAbsent(caId, k -> new LinkedHashMap<>())
            .putIfAbsent(entry.serialNumber(), entry)
        == null;
  }

  @Override
  public synchronized List<RevokedEntry> revoked(String caId) {
    return List.copyOf(revoked.getOrDefault(caId, Map.of()).values());
  }

  @Override
  public synchronized void saveCrl(String caId, StoredCrl crl) {
    crls.merge(caId, crl, (old, neu) -> neu.crlNumber() > old.crlNumber() ? neu : old);
  }

  @Override
  public synchronized Optional<StoredCrl> latestCrl(String caId) {
    return Optional.ofNullable(crls.get(caId));
  }
}
