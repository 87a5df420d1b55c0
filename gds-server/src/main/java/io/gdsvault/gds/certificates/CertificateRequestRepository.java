package io.gdsvault.gds.certificates;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Storage of certificate requests and their history. Runs inside the caller's transaction. */
public interface CertificateRequestRepository {

  void insert(CertificateRequestRecord request);

  /** Replaces the stored request with the same id. */
  void update(CertificateRequestRecord request);

  Optional<CertificateRequestRecord> find(UUID requestId);

  /** The request, locked for update until the transaction ends (serialises approval and keygen). */
  Optional<CertificateRequestRecord> findForUpdate(UUID requestId);

  /** Requests in {@code states} (all when empty), oldest first, at most {@code limit}. */
  List<CertificateRequestRecord> list(List<RequestState> states, int limit);

  List<CertificateRequestRecord> findByApplication(UUID applicationId);

  /** Requests still holding a key blob that expired before {@code now}. */
  List<CertificateRequestRecord> expiredKeyBlobs(Instant now);

  void addHistory(UUID requestId, RequestHistoryEntry entry);

  List<RequestHistoryEntry> history(UUID requestId);
}
