package io.gdsvault.gds.certificates;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.model.ArgumentRefusal;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import io.gdsvault.gds.persistence.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The approval queue: a New request is approved or rejected once, by a RegistrationAuthorityAdmin
 * other than the requester on another client certificate than the one that filed it (four-eyes by
 * person and device, unless self-approval is allowed) or by the approval policy when it is filed;
 * an approved request whose CSR is there is issued in the same transaction. Operators list and
 * inspect the queue.
 */
final class ApprovalQueue {

  private static final Logger log = LoggerFactory.getLogger(ApprovalQueue.class);
  static final int MAX_LIST = 10_000;

  /** The actor recorded for decisions of the approval policy. */
  static final String POLICY = "policy";

  private final ApplicationAccess access;
  private final CertificateRequestRepository requests;
  private final Transactions tx;
  private final RequestIssuance issuance;
  private final RequestEvents events;
  private final CertificateSettings settings;
  private final Clock clock;

  ApprovalQueue(
      ApplicationAccess access,
      CertificateRequestRepository requests,
      Transactions tx,
      RequestIssuance issuance,
      RequestEvents events,
      CertificateSettings settings,
      Clock clock) {
    this.access = access;
    this.requests = requests;
    this.tx = tx;
    this.issuance = issuance;
    this.events = events;
    this.settings = settings;
    this.clock = clock;
  }

  /** Approves a New request (RegistrationAuthorityAdmin; not the requester unless allowed). */
  CertificateRequestRecord approve(Caller caller, UUID requestId, @Nullable String comment) {
    caller.requireRole(Role.REGISTRATION_AUTHORITY_ADMIN);
    String text = RequestInputs.text(comment, "Comment");
    return decide(caller, requestId, RequestState.APPROVED, text);
  }

  /** Rejects a New request with a reason (RegistrationAuthorityAdmin). */
  CertificateRequestRecord reject(Caller caller, UUID requestId, @Nullable String reason) {
    caller.requireRole(Role.REGISTRATION_AUTHORITY_ADMIN);
    String text = RequestInputs.text(reason, "Reason");
    if (text.isBlank()) {
      throw GdsException.invalid("a reason is required to reject a request");
    }
    return decide(caller, requestId, RequestState.REJECTED, text);
  }

  /**
   * The policy's decision on a request just filed (or locked) in the open transaction (MANUAL
   * leaves it New). The listeners are not told: the caller does, once the transaction committed.
   */
  CertificateRequestRecord applyPolicyLocked(
      CertificateRequestRecord locked, ApprovalPolicy.Decision decision) {
    return switch (decision.outcome()) {
      case MANUAL -> locked;
      // decideLocked logs the decision once, with "by=policy" and the policy's reason
      case APPROVE -> decideLocked(locked, RequestState.APPROVED, POLICY, decision.reason());
      case REJECT -> decideLocked(locked, RequestState.REJECTED, POLICY, decision.reason());
    };
  }

  private CertificateRequestRecord decide(
      Caller caller, UUID requestId, RequestState target, String text) {
    Objects.requireNonNull(caller.userName(), "a caller with a role has a user name");
    // the user, with "via web" / "via api" when the decision came through the console
    String actor = caller.requesterName();
    CertificateRequestRecord result =
        tx.inTransaction(
            () -> {
              CertificateRequestRecord locked = lock(requestId);
              requireFourEyes(caller, locked);
              return decideLocked(locked, target, actor, text);
            });
    events.changed(result);
    return result;
  }

  /** The refusal of an approver who is the requester (by user name). */
  static final String SAME_PERSON =
      "the requester cannot approve their own request: ask another RegistrationAuthorityAdmin";

  /** The refusal of an approver on the client certificate that filed the request. */
  static final String SAME_DEVICE =
      "the request was filed from this client certificate, so it cannot be approved from it:"
          + " ask another RegistrationAuthorityAdmin on another client";

  /**
   * The four-eyes rule by person and device, checked on the locked request before any other: the
   * approver is another user than the requester, on another client certificate than the one that
   * filed it (unless the settings allow self-approval). Each refusal says which rule refused.
   */
  private void requireFourEyes(Caller approver, CertificateRequestRecord r) {
    if (settings.allowSelfApproval()) {
      return;
    }
    if (Caller.userOf(r.requestedBy()).equals(approver.userName())) {
      throw new ArgumentRefusal(Reason.ACCESS_DENIED, "RequestId", SAME_PERSON);
    }
    String filedFrom = r.requesterThumbprint();
    if (filedFrom != null && filedFrom.equals(approver.clientCertificateThumbprint())) {
      throw new ArgumentRefusal(Reason.ACCESS_DENIED, "RequestId", SAME_DEVICE);
    }
  }

  /** Moves the locked New request to {@code target}, recording it, and issues when it can. */
  private CertificateRequestRecord decideLocked(
      CertificateRequestRecord r, RequestState target, String actor, String text) {
    if (r.state() != RequestState.NEW || !r.state().canMoveTo(target)) {
      throw new GdsException(Reason.INVALID_STATE, "the request is " + r.state().label());
    }
    Instant now = clock.instant();
    CertificateRequestRecord decided = r.withDecision(target, actor, now, text);
    if (target == RequestState.REJECTED) {
      decided = decided.withKeyBlob(null, decided.keyBlobExpiresAt()).withoutPendingSecret();
    }
    requests.update(decided);
    if (target == RequestState.REJECTED) {
      access.unbindRejected(decided, requests.findByApplication(decided.applicationId()));
    }
    events.record(
        decided, now, actor, target == RequestState.APPROVED ? "approved" : "rejected", text);
    // the approval policy decides every request the same way: its decisions are in the history
    // and the audit trail (DEBUG), a person's are logged as well
    log.atLevel(POLICY.equals(actor) ? Level.DEBUG : Level.INFO)
        .log("request {} requestId={} by={} reason={}", target.label(), r.requestId(), actor, text);
    return issuance.issueIfReady(decided);
  }

  private CertificateRequestRecord lock(UUID requestId) {
    return requests.findForUpdate(requestId).orElseThrow(() -> GdsException.notFound("RequestId"));
  }

  /** Requests in {@code states} (all when empty), oldest first (operators). */
  List<CertificateRequestRecord> list(Caller caller, List<RequestState> states) {
    ApplicationAccess.requireOperator(caller);
    return tx.inTransaction(() -> requests.list(states, MAX_LIST));
  }

  /** A request and its history (operators). */
  Map.Entry<CertificateRequestRecord, List<RequestHistoryEntry>> show(
      Caller caller, UUID requestId) {
    ApplicationAccess.requireOperator(caller);
    return tx.inTransaction(
        () -> {
          CertificateRequestRecord r =
              requests.find(requestId).orElseThrow(() -> GdsException.notFound("RequestId"));
          return Map.entry(r, requests.history(requestId));
        });
  }

  /** Open requests for the OPC UA view (no caller check: the nodes are read-only metadata). */
  List<CertificateRequestRecord> openRequests() {
    return tx.inTransaction(
        () -> requests.list(List.of(RequestState.NEW, RequestState.APPROVED), MAX_LIST));
  }
}
