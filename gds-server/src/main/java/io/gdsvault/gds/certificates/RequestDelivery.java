package io.gdsvault.gds.certificates;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ArgumentRefusal;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import io.gdsvault.gds.persistence.Transactions;
import io.gdsvault.gds.trust.CertificateGroupService;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Delivery (FinishRequest, Part 12 §7.9.5) with the polling contract clients rely on, and the
 * retention of private keys: an undelivered key is kept for the configured time, a delivered one
 * only for the grace period in which a repeated FinishRequest gets the same bytes.
 */
final class RequestDelivery {

  private static final Logger log = LoggerFactory.getLogger(RequestDelivery.class);

  private final ApplicationAccess access;
  private final CertificateRequestRepository requests;
  private final CertificateGroupService groups;
  private final RequestSeals seals;
  private final RequestEvents events;
  private final CertificateSettings settings;
  private final Transactions tx;
  private final Clock clock;

  RequestDelivery(
      ApplicationAccess access,
      CertificateRequestRepository requests,
      CertificateGroupService groups,
      RequestSeals seals,
      RequestEvents events,
      CertificateSettings settings,
      Transactions tx,
      Clock clock) {
    this.access = access;
    this.requests = requests;
    this.groups = groups;
    this.seals = seals;
    this.events = events;
    this.settings = settings;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * FinishRequest. A repeat by the same caller within the grace period after delivery (the first
   * reply was lost on the wire) returns the same certificate, issuer chain and private key bytes
   * and is recorded as a repeat; after it the request is complete (Bad_InvalidArgument) and the
   * kept key is erased.
   */
  FinishResult finish(Caller caller, @Nullable UUID applicationId, @Nullable UUID requestId) {
    caller.requireSecureChannel();
    ApplicationRecord app = access.application(applicationId);
    if (requestId == null) {
      throw GdsException.notFound("RequestId");
    }
    CertificateRequestRecord r =
        tx.read(() -> requests.find(requestId))
            .orElseThrow(() -> GdsException.notFound("RequestId"));
    if (!r.applicationId().equals(app.applicationId())) {
      throw GdsException.invalid("the request belongs to another application");
    }
    access.requireAccess(caller, app);
    requireRequester(caller, r);
    if (r.state() == RequestState.ACCEPTED
        && !withinGrace(r, clock.instant())
        && r.keyBlob() != null) {
      eraseDeliveredKey(requestId); // read after the grace period: the kept key goes at once
    }
    checkDeliverable(r, clock.instant());
    MDC.put("requestId", requestId.toString());
    try {
      Delivery d = tx.inTransaction(() -> deliverLocked(caller, requestId));
      // DEBUG: the history and the audit trail record every delivery
      log.debug(
          "delivered applicationId={} serial={} repeat={}", applicationId, r.serial(), d.repeat);
      events.delivered(d.request, d.repeat);
      return d.result;
    } finally {
      MDC.remove("requestId");
    }
  }

  /**
   * FinishRequest must come from the client certificate that started the request and, when a user
   * filed it, from that user (someone else holding the device's key files gets nothing).
   */
  private static void requireRequester(Caller caller, CertificateRequestRecord r) {
    String requester = r.requesterThumbprint();
    if (requester != null && !requester.equals(caller.clientCertificateThumbprint())) {
      throw new ArgumentRefusal(
          Reason.ACCESS_DENIED,
          "RequestId",
          "FinishRequest must come from the client certificate that started the request");
    }
    if (!r.requestedBy().startsWith(APP_PREFIX)
        && !Caller.userOf(r.requestedBy()).equals(caller.userName())) {
      throw new ArgumentRefusal(
          Reason.ACCESS_DENIED,
          "RequestId",
          "FinishRequest must come from the user who started the request");
    }
  }

  /** How {@code requestedBy} names a request an application filed in a session without a user. */
  static final String APP_PREFIX = "app:";

  /**
   * The delivery of the locked request, recorded (a repeat within the grace period changes none).
   */
  private Delivery deliverLocked(Caller caller, UUID requestId) {
    CertificateRequestRecord locked =
        requests.findForUpdate(requestId).orElseThrow(() -> GdsException.notFound("RequestId"));
    Instant now = clock.instant();
    checkDeliverable(locked, now);
    boolean repeat = locked.state() == RequestState.ACCEPTED;
    byte[] der =
        Objects.requireNonNull(
            locked.certificateDer(), "a deliverable request has its certificate");
    X509Certificate cert = DerCertificates.parse(der);
    List<X509Certificate> chain = issuerChain(cert);
    byte @Nullable [] key =
        locked.kind() == RequestKind.NEW_KEY_PAIR ? privateKey(locked, cert, chain, repeat) : null;
    CertificateRequestRecord after = locked;
    if (repeat) {
      events.record(locked, now, caller.describe(), "delivered", "repeat within the grace period");
    } else {
      Duration grace = settings.finishRequestGrace();
      boolean keep = key != null && grace.compareTo(Duration.ZERO) > 0;
      // the delivered key stays sealed until the grace period ends, for a repeated FinishRequest
      CertificateRequestRecord done =
          locked.withDelivery(
              now,
              keep && key != null ? seals.sealKey(key, requestId) : null,
              keep ? now.plus(grace) : null);
      requests.update(done);
      events.record(done, now, caller.describe(), "delivered", "");
      after = done;
    }
    List<byte[]> issuers = new ArrayList<>();
    for (X509Certificate c : chain) {
      issuers.add(DerCertificates.encoded(c));
    }
    return new Delivery(new FinishResult(der, key, issuers), repeat, after);
  }

  /**
   * The private key bytes to deliver: made from the stored key material the first time, the bytes
   * delivered then on a repeat.
   */
  private byte[] privateKey(
      CertificateRequestRecord locked,
      X509Certificate cert,
      List<X509Certificate> chain,
      boolean repeat) {
    byte[] blob = locked.keyBlob();
    if (blob == null) {
      throw new GdsException(Reason.INVALID_ARGUMENT, "the private key has expired");
    }
    byte[] opened = seals.openKey(blob, locked.requestId());
    if (repeat) {
      return opened;
    }
    byte[] key = NewKeyMaterial.deliver(opened, cert, chain);
    Arrays.fill(opened, (byte) 0);
    return key;
  }

  private List<X509Certificate> issuerChain(X509Certificate cert) {
    return groups.issuerOf(cert).map(CertificateGroupService.Issuer::chain).orElse(List.of());
  }

  /**
   * Whether a delivered request may still be fetched again (the grace period runs from delivery).
   */
  private boolean withinGrace(CertificateRequestRecord r, Instant now) {
    Duration grace = settings.finishRequestGrace();
    Instant deliveredAt = r.deliveredAt();
    return r.state() == RequestState.ACCEPTED
        && deliveredAt != null
        && grace.compareTo(Duration.ZERO) > 0
        && now.isBefore(deliveredAt.plus(grace));
  }

  private void checkDeliverable(CertificateRequestRecord r, Instant now) {
    switch (r.state()) {
      case NEW -> throw new GdsException(Reason.NOTHING_TO_DO, "the request waits for approval");
      case APPROVED -> {
        if (!r.issued()) {
          throw new GdsException(Reason.NOTHING_TO_DO, "the certificate is being issued");
        }
      }
      case REJECTED ->
          throw new GdsException(Reason.REQUEST_NOT_ALLOWED, "the request was rejected");
      case ACCEPTED -> {
        if (!withinGrace(r, now)) {
          throw GdsException.invalid("the request was already completed");
        }
      }
      case REVOKED -> throw GdsException.invalid("the request was already completed");
      case REMOVED -> {
        if (r.deliveredAt() == null) {
          // closed before delivery (application unregistered, key expired, stuck after a crash)
          throw new GdsException(
              Reason.REQUEST_NOT_ALLOWED, "the request was removed; file a new request");
        }
        throw GdsException.invalid("the request was already completed");
      }
    }
  }

  /** Erases the kept private key of a delivered request whose grace period is over. */
  private void eraseDeliveredKey(UUID requestId) {
    Optional<CertificateRequestRecord> erased =
        tx.inTransaction(
            () -> {
              Instant now = clock.instant();
              Optional<CertificateRequestRecord> locked =
                  requests
                      .findForUpdate(requestId)
                      .filter(
                          l ->
                              l.state() == RequestState.ACCEPTED
                                  && l.keyBlob() != null
                                  && !withinGrace(l, now))
                      .map(CertificateRequestRecord::withoutKey);
              locked.ifPresent(
                  l -> {
                    requests.update(l);
                    events.record(
                        l,
                        now,
                        "system",
                        "key-expired",
                        "the delivered private key was deleted (grace period over)");
                  });
              return locked;
            });
    erased.ifPresent(events::changed);
  }

  /**
   * Deletes undelivered private keys whose time ran out before {@code now}, and delivered ones
   * whose grace period is over; an open request whose key went is removed.
   */
  int purgeExpiredKeys(Instant now) {
    List<CertificateRequestRecord> purged = new ArrayList<>();
    tx.run(
        () -> {
          for (CertificateRequestRecord r : requests.expiredKeyBlobs(now)) {
            RequestState next = r.state().isOpen() ? RequestState.REMOVED : r.state();
            CertificateRequestRecord p = r.withState(next).withoutKey();
            requests.update(p);
            events.record(
                p,
                now,
                "system",
                "key-expired",
                r.state() == RequestState.ACCEPTED
                    ? "the delivered private key was deleted (grace period over)"
                    : "the undelivered private key was deleted");
            purged.add(p);
          }
        });
    purged.forEach(events::changed);
    if (!purged.isEmpty()) {
      log.info("purged {} undelivered private keys", purged.size());
    }
    return purged.size();
  }

  /** What one FinishRequest delivered, whether it was a repeat, and the request as committed. */
  private record Delivery(FinishResult result, boolean repeat, CertificateRequestRecord request) {}
}
