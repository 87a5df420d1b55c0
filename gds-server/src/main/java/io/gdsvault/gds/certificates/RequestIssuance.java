package io.gdsvault.gds.certificates;

import io.gdsvault.ca.ApplicationType;
import io.gdsvault.ca.CsrChecks;
import io.gdsvault.ca.IssuanceRequest;
import io.gdsvault.ca.IssuedCertificate;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.trust.CertificateGroupService;
import io.gdsvault.gds.trust.GroupCertificateType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issuance: signs the certificate of a request once it is approved and its CSR is there (the
 * requester's, or the GDS's own for a new key pair), stores it with the request and in the issued
 * certificates, and records the step. Runs in the caller's transaction, which holds the request's
 * row lock, so approval and key generation finishing at once issue exactly one certificate.
 */
final class RequestIssuance {

  private static final Logger log = LoggerFactory.getLogger(RequestIssuance.class);

  private final CertificateRequestRepository requests;
  private final IssuedCertificateRepository issued;
  private final CertificateGroupService groups;
  private final Function<UUID, Optional<ApplicationRecord>> applications;
  private final RequestSeals seals;
  private final RequestEvents events;
  private final Clock clock;

  RequestIssuance(
      CertificateRequestRepository requests,
      IssuedCertificateRepository issued,
      CertificateGroupService groups,
      Function<UUID, Optional<ApplicationRecord>> applications,
      RequestSeals seals,
      RequestEvents events,
      Clock clock) {
    this.requests = requests;
    this.issued = issued;
    this.groups = groups;
    this.applications = applications;
    this.seals = seals;
    this.events = events;
    this.clock = clock;
  }

  /** Signs when the request is approved and its key (CSR) is there; idempotent. */
  CertificateRequestRecord issueIfReady(CertificateRequestRecord r) {
    if (r.state() != RequestState.APPROVED || r.csrDer() == null || r.issued()) {
      return r;
    }
    GroupCertificateType type =
        groups.requireType(groups.requireGroup(r.certificateGroup()), r.certificateType());
    ApplicationRecord app =
        applications
            .apply(r.applicationId())
            .orElseThrow(() -> GdsException.notFound("ApplicationId"));
    IssuedCertificate ic = sign(r, type, app);
    Instant now = clock.instant();
    byte[] der = ic.encoded();
    String serial = ic.serialNumber().toString(16);
    CertificateRequestRecord done = r.withCertificate(der, serial, ic.caId());
    requests.update(done);
    issued.insert(
        new IssuedCertificateRecord(
            ic.caId(),
            serial,
            r.applicationId(),
            r.certificateGroup(),
            r.certificateType(),
            r.requestId(),
            ic.thumbprint(),
            der,
            ic.notAfter(),
            now,
            null));
    events.record(done, now, "system", "issued", "serial " + serial);
    log.info(
        "issued requestId={} serial={} thumbprint={} notAfter={}",
        r.requestId(),
        serial,
        ic.thumbprint(),
        ic.notAfter());
    return done;
  }

  /**
   * The CA's certificate for the request's sealed CSR: the application's URI, and for a new key
   * pair the requested subject and names (a signing request's come from its CSR).
   */
  private IssuedCertificate sign(
      CertificateRequestRecord r, GroupCertificateType type, ApplicationRecord app) {
    boolean newKey = r.kind() == RequestKind.NEW_KEY_PAIR;
    List<String> dns = newKey ? RequestInputs.dnsNames(r.domainNames()) : List.of();
    List<String> ips = newKey ? RequestInputs.ipAddresses(r.domainNames()) : List.of();
    IssuanceRequest request =
        new IssuanceRequest(
            app.applicationUri(),
            newKey ? r.subjectName() : null,
            dns,
            ips,
            ApplicationType.valueOf(app.applicationType().name()));
    return CaErrors.call(
        () ->
            type.ca()
                .issue(
                    seals.storedCsr(r),
                    request,
                    CsrChecks.applicationUriMatches(app.applicationUri(), true)));
  }
}
