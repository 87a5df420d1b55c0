package io.gdsvault.gds.certificates;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.persistence.Transactions;
import io.gdsvault.gds.trust.CertificateGroupService;
import io.gdsvault.gds.trust.GroupCertificateType;
import io.gdsvault.gds.trust.RevocationStatus;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revocation of certificates this GDS issued: by the application itself or a
 * CertificateAuthorityAdmin (RevokeCertificate), by operators (by serial, every certificate of an
 * application), and when an application is unregistered (its open requests are removed). Every
 * revocation also ends the application's bindings. The CA's CRL is updated first, then the records.
 */
final class Revocation {

  private static final Logger log = LoggerFactory.getLogger(Revocation.class);

  private final ApplicationAccess access;
  private final CertificateRequestRepository requests;
  private final IssuedCertificateRepository issued;
  private final CertificateGroupService groups;
  private final RequestEvents events;
  private final Transactions tx;
  private final Clock clock;

  Revocation(
      ApplicationAccess access,
      CertificateRequestRepository requests,
      IssuedCertificateRepository issued,
      CertificateGroupService groups,
      RequestEvents events,
      Transactions tx,
      Clock clock) {
    this.access = access;
    this.requests = requests;
    this.issued = issued;
    this.groups = groups;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
  }

  /** RevokeCertificate: revokes a certificate this GDS issued to the application. */
  void revoke(Caller caller, @Nullable UUID applicationId, byte @Nullable [] certificateDer) {
    access.requireAccess(caller, applicationId);
    if (certificateDer == null || certificateDer.length == 0) {
      throw GdsException.invalid("Certificate is empty");
    }
    X509Certificate cert;
    try {
      cert = DerCertificates.parse(certificateDer);
    } catch (IllegalStateException e) {
      throw GdsException.invalid("Certificate is not an X.509 certificate");
    }
    String thumbprint = DerCertificates.thumbprint(cert);
    IssuedCertificateRecord record =
        tx.inTransaction(() -> issued.findByThumbprint(thumbprint))
            .filter(c -> c.applicationId().equals(applicationId))
            .orElseThrow(
                () -> GdsException.invalid("the certificate was not issued to this application"));
    revokeIssued(record, caller.describe(), "RevokeCertificate");
  }

  /** CheckRevocationStatus from this GDS's CAs and CRLs. */
  RevocationStatus checkRevocationStatus(Caller caller, byte @Nullable [] certificateDer) {
    caller.requireSecureChannel();
    if (certificateDer == null || certificateDer.length == 0) {
      throw GdsException.invalid("Certificate is empty");
    }
    return groups.revocationStatus(certificateDer);
  }

  /**
   * Revokes every certificate of an application, ends its bindings and removes its open requests
   * (UnregisterApplication calls this; the caller was authorised for the unregistration).
   */
  int revokeAll(Caller caller, @Nullable UUID applicationId) {
    if (applicationId == null) {
      return 0;
    }
    int n = revokeEvery(applicationId, caller.describe(), "UnregisterApplication");
    List<CertificateRequestRecord> changed = new ArrayList<>();
    tx.run(
        () -> {
          access.unbindAll(applicationId);
          for (CertificateRequestRecord r : requests.findByApplication(applicationId)) {
            if (r.state().canMoveTo(RequestState.REMOVED) && r.state().isOpen()) {
              CertificateRequestRecord removed = r.withState(RequestState.REMOVED).withoutKey();
              requests.update(removed);
              events.record(
                  removed,
                  clock.instant(),
                  caller.describe(),
                  "removed",
                  "application unregistered");
              changed.add(removed);
            }
          }
        });
    changed.forEach(events::changed);
    return n;
  }

  /** Revokes by serial number (hex) in every CA generation (CertificateAuthorityAdmin). */
  List<IssuedCertificateRecord> revokeSerial(Caller caller, String serialHex) {
    caller.requireRole(Role.CERTIFICATE_AUTHORITY_ADMIN);
    String serial;
    try {
      serial = new BigInteger(serialHex.trim(), 16).toString(16);
    } catch (RuntimeException e) {
      throw GdsException.invalid("SERIAL must be hexadecimal");
    }
    List<IssuedCertificateRecord> found = tx.inTransaction(() -> issued.findBySerial(serial));
    if (found.isEmpty()) {
      throw GdsException.notFound("certificate with this serial");
    }
    for (IssuedCertificateRecord c : found) {
      if (!c.revoked()) {
        revokeIssued(c, caller.describe(), "revoked by serial");
      }
    }
    return tx.inTransaction(() -> issued.findBySerial(serial));
  }

  /** Revokes every certificate of an application (CertificateAuthorityAdmin). */
  int revokeApplication(Caller caller, @Nullable UUID applicationId) {
    caller.requireRole(Role.CERTIFICATE_AUTHORITY_ADMIN);
    access.application(applicationId);
    UUID id = Objects.requireNonNull(applicationId, "application() found it");
    return revokeEvery(id, caller.describe(), "revoked by operator");
  }

  private int revokeEvery(UUID applicationId, String actor, String why) {
    int n = 0;
    for (IssuedCertificateRecord c :
        tx.inTransaction(() -> issued.findByApplication(applicationId))) {
      if (!c.revoked()) {
        revokeIssued(c, actor, why);
        n++;
      }
    }
    return n;
  }

  private void revokeIssued(IssuedCertificateRecord c, String actor, String why) {
    GroupCertificateType type =
        groups.requireType(groups.requireGroup(c.certificateGroup()), c.certificateType());
    groups.revoke(type, c.caId(), new BigInteger(c.serial(), 16));
    List<CertificateRequestRecord> changed = new ArrayList<>();
    tx.run(
        () -> {
          Instant now = clock.instant();
          issued.markRevoked(c.caId(), c.serial(), now);
          // revocation means out: no client certificate an admin bound keeps self-service rights
          access.unbindAll(c.applicationId());
          UUID requestId = c.requestId();
          if (requestId != null) {
            requests
                .findForUpdate(requestId)
                .filter(r -> r.state().canMoveTo(RequestState.REVOKED))
                .ifPresent(
                    r -> {
                      CertificateRequestRecord rv = r.withState(RequestState.REVOKED).withoutKey();
                      requests.update(rv);
                      events.record(rv, now, actor, "revoked", why);
                      changed.add(rv);
                    });
          }
        });
    log.info("revoked serial={} caId={} by={} ({})", c.serial(), c.caId(), actor, why);
    events.revoked(c, actor);
    changed.forEach(events::changed);
  }
}
