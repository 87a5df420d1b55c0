package io.gdsvault.gds.certificates;

import java.time.Instant;

/**
 * Writes request history and tells the listeners: the audit listener, fixed at start, and the view
 * listener (the OPC UA queue nodes), set once the server runs. {@link #record} joins the open
 * transaction; the other methods are called once the change committed.
 */
final class RequestEvents {

  private final CertificateRequestRepository requests;
  private final CertificateRequestListener audit;
  private volatile CertificateRequestListener view = CertificateRequestListener.NONE;

  RequestEvents(CertificateRequestRepository requests, CertificateRequestListener audit) {
    this.requests = requests;
    this.audit = audit;
  }

  void setView(CertificateRequestListener listener) {
    this.view = listener;
  }

  /** Appends a history step of {@code request} and tells the listeners, in the open transaction. */
  void record(
      CertificateRequestRecord request, Instant at, String actor, String action, String text) {
    RequestHistoryEntry entry = new RequestHistoryEntry(at, actor, action, text);
    requests.addHistory(request.requestId(), entry);
    audit.recorded(request, entry);
    view.recorded(request, entry);
  }

  void created(CertificateRequestRecord request) {
    audit.created(request);
    view.created(request);
  }

  void changed(CertificateRequestRecord request) {
    audit.changed(request);
    view.changed(request);
  }

  void delivered(CertificateRequestRecord request, boolean repeat) {
    audit.delivered(request, repeat);
    view.delivered(request, repeat);
  }

  void revoked(IssuedCertificateRecord certificate, String actor) {
    audit.revoked(certificate, actor);
    view.revoked(certificate, actor);
  }
}
