package io.gdsvault.gds.audit;

import io.gdsvault.gds.certificates.CertificateRequestListener;
import io.gdsvault.gds.certificates.CertificateRequestRecord;
import io.gdsvault.gds.certificates.RequestHistoryEntry;

/**
 * Writes every step of a certificate request's history (created, approved, rejected, issued,
 * delivered, revoked, removed, key-generated, key-expired) to the audit trail as {@code
 * request.<step>}, in the same transaction as the change it records: a failed append rolls the
 * change back.
 */
public final class TrailRequestAudit implements CertificateRequestListener {

  private final AuditTrail trail;

  public TrailRequestAudit(AuditTrail trail) {
    this.trail = trail;
  }

  @Override
  public void recorded(CertificateRequestRecord request, RequestHistoryEntry entry) {
    trail.append(
        entry.actor(),
        "request." + entry.action(),
        request.requestId().toString(),
        entry.text() + " applicationUri=" + request.applicationUri(),
        "ok");
  }

  @Override
  public void created(CertificateRequestRecord request) {}

  @Override
  public void changed(CertificateRequestRecord request) {}
}
