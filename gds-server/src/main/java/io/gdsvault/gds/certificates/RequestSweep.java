package io.gdsvault.gds.certificates;

import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.persistence.Transactions;
import io.gdsvault.gds.trust.CertificateGroupService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the open requests that can no longer progress on their own (after a crash, a restart, or a
 * change of configuration) and repairs them, or closes them with a reason the device sees:
 *
 * <ul>
 *   <li>a new key pair without its key: generation is redone with the password sealed in the
 *       request; one filed before passwords were kept sealed is removed once it is {@link #STALE};
 *   <li>an approved request whose CSR is there but no certificate: it is issued; when the CA
 *       refuses it the request is removed with the reason (a CA failure, such as a signer that is
 *       not reachable, leaves it approved for the next sweep);
 *   <li>a request of an unregistered application, or of a certificate type no longer configured:
 *       removed;
 *   <li>an issued new key pair that lost its undelivered private key: removed.
 * </ul>
 *
 * A removed request answers FinishRequest with Bad_RequestNotAllowed, so the device files a new
 * one; a New request waiting for an operator is left alone (a person can act on it). Every repair
 * is idempotent, so several nodes (or a run while the key generation worker is busy) do no harm.
 */
final class RequestSweep {

  private static final Logger log = LoggerFactory.getLogger(RequestSweep.class);

  /** How old a key-less request filed without a sealed password must be before it is removed. */
  static final Duration STALE = Duration.ofMinutes(10);

  /** What one sweep did. */
  record Report(int resumed, int issued, int removed) {
    int total() {
      return resumed + issued + removed;
    }
  }

  private final CertificateRequestRepository requests;
  private final Transactions tx;
  private final CertificateGroupService groups;
  private final Function<UUID, Optional<ApplicationRecord>> applications;
  private final RequestIssuance issuance;
  private final KeyGenerationWorker keys;
  private final RequestEvents events;
  private final Clock clock;

  RequestSweep(
      CertificateRequestRepository requests,
      Transactions tx,
      CertificateGroupService groups,
      Function<UUID, Optional<ApplicationRecord>> applications,
      RequestIssuance issuance,
      KeyGenerationWorker keys,
      RequestEvents events,
      Clock clock) {
    this.requests = requests;
    this.tx = tx;
    this.groups = groups;
    this.applications = applications;
    this.issuance = issuance;
    this.keys = keys;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Sweeps the open requests filed up to {@code filedBefore} (at start: now; scheduled: a while
   * ago, so work in flight on any node is left to finish), at most {@link ApprovalQueue#MAX_LIST}.
   */
  Report sweep(Instant filedBefore) {
    List<CertificateRequestRecord> open =
        tx.read(
            () ->
                requests.list(
                    List.of(RequestState.NEW, RequestState.APPROVED), ApprovalQueue.MAX_LIST));
    int resumed = 0;
    int issued = 0;
    int removed = 0;
    for (CertificateRequestRecord r : open) {
      if (r.createdAt().isAfter(filedBefore)) {
        continue;
      }
      switch (repair(r)) {
        case RESUMED -> resumed++;
        case ISSUED -> issued++;
        case REMOVED -> removed++;
        case NONE -> {}
      }
    }
    Report report = new Report(resumed, issued, removed);
    if (report.total() > 0) {
      log.info(
          "request sweep: key generation resumed={} issued={} removed={}",
          resumed,
          issued,
          removed);
    }
    return report;
  }

  private enum Outcome {
    NONE,
    RESUMED,
    ISSUED,
    REMOVED
  }

  private Outcome repair(CertificateRequestRecord r) {
    String unusable = unusable(r);
    if (unusable != null) {
      return remove(r.requestId(), l -> l.state().isOpen(), unusable);
    }
    if (r.kind() == RequestKind.NEW_KEY_PAIR && r.csrDer() == null) {
      return keyless(r);
    }
    if (r.state() == RequestState.APPROVED && !r.issued()) {
      return issue(r.requestId());
    }
    if (r.kind() == RequestKind.NEW_KEY_PAIR && r.issued() && r.keyBlob() == null) {
      return remove(
          r.requestId(),
          l -> l.state() == RequestState.APPROVED && l.keyBlob() == null,
          "the undelivered private key is gone; file a new request");
    }
    return Outcome.NONE;
  }

  /** Why the request can never be issued (application or certificate type gone), or null. */
  private @Nullable String unusable(CertificateRequestRecord r) {
    if (applications.apply(r.applicationId()).isEmpty()) {
      return "the application is no longer registered";
    }
    try {
      groups.requireType(groups.requireGroup(r.certificateGroup()), r.certificateType());
      return null;
    } catch (GdsException e) {
      return "the certificate type "
          + r.certificateType()
          + " of group "
          + r.certificateGroup()
          + " is no longer configured";
    }
  }

  /** A new key pair without its key: generation redone, or removed without a sealed password. */
  private Outcome keyless(CertificateRequestRecord r) {
    if (keys.resume(r)) {
      return Outcome.RESUMED;
    }
    if (r.pendingSecret() != null || !r.createdAt().isBefore(clock.instant().minus(STALE))) {
      return Outcome.NONE; // unreadable password: resume removed it; or may still be in flight
    }
    return remove(
        r.requestId(),
        l -> l.state().isOpen() && l.csrDer() == null,
        "key generation was interrupted; file the request again");
  }

  /** Issues an approved request with its CSR; removes it with the reason when that fails. */
  private Outcome issue(UUID requestId) {
    try {
      CertificateRequestRecord done =
          tx.inTransaction(
              () -> requests.findForUpdate(requestId).map(issuance::issueIfReady).orElse(null));
      if (done != null && done.issued()) {
        events.changed(done);
        return Outcome.ISSUED;
      }
      return Outcome.NONE;
    } catch (GdsException e) {
      log.warn("request sweep: issuance refused requestId={}: {}", requestId, e.getMessage());
      return remove(
          requestId,
          l -> l.state() == RequestState.APPROVED && !l.issued(),
          "the certificate could not be issued: " + e.getMessage());
    } catch (RuntimeException e) {
      // a CA failure (signer unavailable, store): left approved for the next sweep
      log.error("request sweep: issuance failed requestId={}", requestId, e);
      return Outcome.NONE;
    }
  }

  /** Removes the locked request with {@code reason} if it still is as {@code stillStuck} says. */
  private Outcome remove(
      UUID requestId, Predicate<CertificateRequestRecord> stillStuck, String reason) {
    CertificateRequestRecord removed =
        tx.inTransaction(
            () -> {
              CertificateRequestRecord locked = requests.findForUpdate(requestId).orElse(null);
              if (locked == null || !stillStuck.test(locked)) {
                return null;
              }
              CertificateRequestRecord r = locked.withState(RequestState.REMOVED).withoutKey();
              requests.update(r);
              events.record(r, clock.instant(), "system", "removed", reason);
              return r;
            });
    if (removed == null) {
      return Outcome.NONE;
    }
    log.info("request sweep: removed requestId={} reason={}", requestId, reason);
    events.changed(removed);
    return Outcome.REMOVED;
  }
}
