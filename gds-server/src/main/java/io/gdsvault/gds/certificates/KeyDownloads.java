package io.gdsvault.gds.certificates;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.persistence.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The private key of a new-key-pair request for its requester (the web console's downloads): the
 * same delivery as FinishRequest, refused to anyone but the requesting user, gone (not found) once
 * deleted or expired; and the requester's deletion of the key once it is stored safely.
 */
final class KeyDownloads {

  private final CertificateRequestRepository requests;
  private final RequestDelivery delivery;
  private final RequestEvents events;
  private final Transactions tx;
  private final Clock clock;

  KeyDownloads(
      CertificateRequestRepository requests,
      RequestDelivery delivery,
      RequestEvents events,
      Transactions tx,
      Clock clock) {
    this.requests = requests;
    this.delivery = delivery;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
  }

  /** The key (PEM or PFX bytes, as requested) and its format. */
  DownloadedKey privateKey(Caller caller, UUID requestId) {
    caller.requireSecureChannel();
    CertificateRequestRecord r = withKey(caller, requestId);
    FinishResult result = delivery.finish(caller, r.applicationId(), requestId);
    byte[] key = result.privateKey();
    if (key == null) {
      throw GdsException.notFound("private key");
    }
    return new DownloadedKey(
        key, Objects.requireNonNullElse(r.privateKeyFormat(), PrivateKeyFormat.PFX));
  }

  /** Deletes the key; a request still waiting for approval is removed with it. */
  void delete(Caller caller, UUID requestId) {
    caller.requireSecureChannel();
    withKey(caller, requestId);
    CertificateRequestRecord deleted =
        tx.inTransaction(
            () -> {
              CertificateRequestRecord locked =
                  requests
                      .findForUpdate(requestId)
                      .filter(l -> l.keyBlob() != null)
                      .orElseThrow(() -> GdsException.notFound("private key"));
              RequestState next =
                  locked.state() == RequestState.NEW ? RequestState.REMOVED : locked.state();
              CertificateRequestRecord p = locked.withState(next).withoutKey();
              requests.update(p);
              events.record(
                  p, clock.instant(), caller.describe(), "key-deleted", "deleted by the requester");
              return p;
            });
    events.changed(deleted);
  }

  /** The request, when it still holds a key that the caller requested. */
  private CertificateRequestRecord withKey(Caller caller, UUID requestId) {
    CertificateRequestRecord r =
        tx.read(() -> requests.find(requestId))
            .orElseThrow(() -> GdsException.notFound("RequestId"));
    String user = caller.userName();
    boolean requester = user != null && user.equals(Caller.userOf(r.requestedBy()));
    if (!requester) {
      if (caller.hasRole(Role.CERTIFICATE_AUTHORITY_ADMIN)
          || caller.hasRole(Role.REGISTRATION_AUTHORITY_ADMIN)) {
        throw GdsException.accessDenied("only the requester may download or delete its key");
      }
      throw GdsException.notFound("RequestId");
    }
    Instant expires = r.keyBlobExpiresAt();
    if (r.kind() != RequestKind.NEW_KEY_PAIR
        || r.keyBlob() == null
        || (expires != null && !expires.isAfter(clock.instant()))) {
      throw GdsException.notFound("private key");
    }
    return r;
  }
}
