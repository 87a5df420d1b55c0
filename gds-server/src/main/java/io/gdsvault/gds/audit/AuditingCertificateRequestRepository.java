package io.gdsvault.gds.audit;

import io.gdsvault.gds.certificates.CertificateRequestRecord;
import io.gdsvault.gds.certificates.CertificateRequestRepository;
import io.gdsvault.gds.certificates.RequestHistoryEntry;
import io.gdsvault.gds.certificates.RequestState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes every request history entry (created, approved, rejected, issued, delivered, revoked,
 * removed, key-expired) to the audit trail in the same transaction as the change it records.
 */
public final class AuditingCertificateRequestRepository implements CertificateRequestRepository {

  private final CertificateRequestRepository delegate;
  private final AuditTrail trail;

  public AuditingCertificateRequestRepository(
      CertificateRequestRepository delegate, AuditTrail trail) {
    this.delegate = delegate;
    this.trail = trail;
  }

  @Override
  public void insert(CertificateRequestRecord request) {
    delegate.insert(request);
  }

  @Override
  public void update(CertificateRequestRecord request) {
    delegate.update(request);
  }

  @Override
  public Optional<CertificateRequestRecord> find(UUID requestId) {
    return delegate.find(requestId);
  }

  @Override
  public Optional<CertificateRequestRecord> findForUpdate(UUID requestId) {
    return delegate.findForUpdate(requestId);
  }

  @Override
  public List<CertificateRequestRecord> list(List<RequestState> states, int limit) {
    return delegate.list(states, limit);
  }

  @Override
  public List<CertificateRequestRecord> findByApplication(UUID applicationId) {
    return delegate.findByApplication(applicationId);
  }

  @Override
  public List<CertificateRequestRecord> expiredKeyBlobs(Instant now) {
    return delegate.expiredKeyBlobs(now);
  }

  @Override
  public void addHistory(UUID requestId, RequestHistoryEntry entry) {
    delegate.addHistory(requestId, entry);
    String app =
        delegate.find(requestId).map(r -> " applicationUri=" + r.applicationUri()).orElse("");
    trail.append(
        entry.actor(),
        "request." + entry.action(),
        requestId.toString(),
        (entry.text() == null ? "" : entry.text()) + app,
        "ok");
  }

  @Override
  public List<RequestHistoryEntry> history(UUID requestId) {
    return delegate.history(requestId);
  }
}
