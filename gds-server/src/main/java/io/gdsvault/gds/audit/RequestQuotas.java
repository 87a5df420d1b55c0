package io.gdsvault.gds.audit;

import io.gdsvault.gds.certificates.CertificateRequestRecord;
import io.gdsvault.gds.certificates.CertificateRequestRepository;
import io.gdsvault.gds.certificates.RequestHistoryEntry;
import io.gdsvault.gds.certificates.RequestState;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Caps open requests (New, or Approved and not yet fetched) per application and overall before a
 * new one is stored, inside the filing transaction. The counts are read in that transaction, so two
 * requests filed at the same instant may pass a cap by one: a quota, not an exact limit.
 */
public final class RequestQuotas implements CertificateRequestRepository {

  private final CertificateRequestRepository delegate;
  private final int maxPerApplication;
  private final int maxOverall;

  public RequestQuotas(
      CertificateRequestRepository delegate, int maxPerApplication, int maxOverall) {
    this.delegate = delegate;
    this.maxPerApplication = maxPerApplication;
    this.maxOverall = maxOverall;
  }

  @Override
  public void insert(CertificateRequestRecord request) {
    long mine =
        delegate.findByApplication(request.applicationId()).stream()
            .filter(r -> r.state().isOpen())
            .count();
    if (mine >= maxPerApplication) {
      throw new GdsException(
          Reason.TOO_MANY_OPERATIONS,
          "the application has " + mine + " open requests (limit " + maxPerApplication + ")");
    }
    int all =
        delegate.list(List.of(RequestState.NEW, RequestState.APPROVED), maxOverall + 1).size();
    if (all >= maxOverall) {
      throw new GdsException(Reason.RESOURCE_UNAVAILABLE, "too many open requests on this GDS");
    }
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
  }

  @Override
  public List<RequestHistoryEntry> history(UUID requestId) {
    return delegate.history(requestId);
  }
}
