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

  /** Open requests (New or Approved) of one application, and of all up to {@code overallCap}. */
  record OpenCounts(long ofApplication, long overall) {}

  /**
   * The open-request counts the quotas need, without loading requests. The default reads them the
   * long way; a database answers it with one statement.
   */
  default OpenCounts openCounts(UUID applicationId, int overallCap) {
    long mine = findByApplication(applicationId).stream().filter(r -> r.state().isOpen()).count();
    long all = list(List.of(RequestState.NEW, RequestState.APPROVED), overallCap).size();
    return new OpenCounts(mine, all);
  }

  /** Requests still holding a key blob that expired before {@code now}. */
  List<CertificateRequestRecord> expiredKeyBlobs(Instant now);

  void addHistory(UUID requestId, RequestHistoryEntry entry);

  List<RequestHistoryEntry> history(UUID requestId);
}
