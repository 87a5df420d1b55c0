package io.gdsvault.gds.certificates;

import io.gdsvault.gds.persistence.Transactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Requests, issued certificates and bindings in memory, with transactions that join when nested and
 * put every store back as it was when the outermost one fails (as the database does).
 */
final class InMemoryCertificateStore implements Transactions {

  final Requests requests = new Requests();
  final Issued issued = new Issued();
  private int depth;

  @Override
  public synchronized <T> T inTransaction(Supplier<T> work) {
    if (depth > 0) {
      depth++;
      try {
        return work.get();
      } finally {
        depth--;
      }
    }
    Snapshot before = snapshot();
    depth++;
    try {
      return work.get();
    } catch (RuntimeException | Error e) {
      restore(before);
      throw e;
    } finally {
      depth--;
    }
  }

  /** Whether a transaction is open (listeners check where they are called). */
  synchronized boolean inTransaction() {
    return depth > 0;
  }

  private record Snapshot(
      Map<UUID, CertificateRequestRecord> requests,
      Map<UUID, List<RequestHistoryEntry>> history,
      List<IssuedCertificateRecord> issued,
      Set<String> bindings) {}

  private Snapshot snapshot() {
    Map<UUID, List<RequestHistoryEntry>> history = new LinkedHashMap<>();
    requests.history.forEach((k, v) -> history.put(k, new ArrayList<>(v)));
    return new Snapshot(
        new LinkedHashMap<>(requests.rows),
        history,
        new ArrayList<>(issued.rows),
        new HashSet<>(issued.bindings));
  }

  private void restore(Snapshot s) {
    requests.rows.clear();
    requests.rows.putAll(s.requests());
    requests.history.clear();
    requests.history.putAll(s.history());
    issued.rows.clear();
    issued.rows.addAll(s.issued());
    issued.bindings.clear();
    issued.bindings.addAll(s.bindings());
  }

  static final class Requests implements CertificateRequestRepository {
    final Map<UUID, CertificateRequestRecord> rows = new LinkedHashMap<>();
    final Map<UUID, List<RequestHistoryEntry>> history = new LinkedHashMap<>();

    @Override
    public void insert(CertificateRequestRecord request) {
      if (rows.putIfAbsent(request.requestId(), request) != null) {
        throw new IllegalStateException("duplicate request id");
      }
    }

    @Override
    public void update(CertificateRequestRecord request) {
      if (rows.replace(request.requestId(), request) == null) {
        throw new IllegalStateException("no such request");
      }
    }

    @Override
    public Optional<CertificateRequestRecord> find(UUID requestId) {
      return Optional.ofNullable(rows.get(requestId));
    }

    @Override
    public Optional<CertificateRequestRecord> findForUpdate(UUID requestId) {
      return find(requestId);
    }

    @Override
    public List<CertificateRequestRecord> list(List<RequestState> states, int limit) {
      return rows.values().stream()
          .filter(r -> states.isEmpty() || states.contains(r.state()))
          .limit(limit)
          .toList();
    }

    @Override
    public List<CertificateRequestRecord> findByApplication(UUID applicationId) {
      return rows.values().stream().filter(r -> r.applicationId().equals(applicationId)).toList();
    }

    @Override
    public List<CertificateRequestRecord> expiredKeyBlobs(Instant now) {
      return rows.values().stream()
          .filter(r -> r.keyBlob() != null)
          .filter(r -> r.keyBlobExpiresAt() != null && r.keyBlobExpiresAt().isBefore(now))
          .toList();
    }

    @Override
    public void addHistory(UUID requestId, RequestHistoryEntry entry) {
      history.computeIfAbsent(requestId, k -> new ArrayList<>()).add(entry);
    }

    @Override
    public List<RequestHistoryEntry> history(UUID requestId) {
      return List.copyOf(history.getOrDefault(requestId, List.of()));
    }
  }

  static final class Issued implements IssuedCertificateRepository {
    /** Newest first. */
    final List<IssuedCertificateRecord> rows = new ArrayList<>();

    final Set<String> bindings = new HashSet<>();

    @Override
    public void insert(IssuedCertificateRecord certificate) {
      rows.add(0, certificate);
    }

    @Override
    public Optional<IssuedCertificateRecord> find(String caId, String serial) {
      return rows.stream()
          .filter(c -> c.caId().equals(caId) && c.serial().equals(serial))
          .findFirst();
    }

    @Override
    public List<IssuedCertificateRecord> findBySerial(String serial) {
      return rows.stream().filter(c -> c.serial().equals(serial)).toList();
    }

    @Override
    public Optional<IssuedCertificateRecord> findByThumbprint(String thumbprint) {
      return rows.stream().filter(c -> c.thumbprint().equals(thumbprint)).findFirst();
    }

    @Override
    public List<IssuedCertificateRecord> findByApplication(UUID applicationId) {
      return rows.stream().filter(c -> c.applicationId().equals(applicationId)).toList();
    }

    @Override
    public List<IssuedCertificateRecord> list(int limit) {
      return rows.stream().limit(limit).toList();
    }

    @Override
    public void markRevoked(String caId, String serial, Instant at) {
      rows.replaceAll(
          c ->
              c.caId().equals(caId) && c.serial().equals(serial)
                  ? new IssuedCertificateRecord(
                      c.caId(),
                      c.serial(),
                      c.applicationId(),
                      c.certificateGroup(),
                      c.certificateType(),
                      c.requestId(),
                      c.thumbprint(),
                      c.certificateDer(),
                      c.notAfter(),
                      c.issuedAt(),
                      at)
                  : c);
    }

    @Override
    public void bind(UUID applicationId, String thumbprint, String boundBy, Instant at) {
      bindings.add(applicationId + "/" + thumbprint);
    }

    @Override
    public boolean isBound(UUID applicationId, String thumbprint) {
      return bindings.contains(applicationId + "/" + thumbprint);
    }

    @Override
    public void removeBindings(UUID applicationId) {
      bindings.removeIf(b -> b.startsWith(applicationId + "/"));
    }

    @Override
    public void removeBinding(UUID applicationId, String thumbprint) {
      bindings.remove(applicationId + "/" + thumbprint);
    }
  }
}
