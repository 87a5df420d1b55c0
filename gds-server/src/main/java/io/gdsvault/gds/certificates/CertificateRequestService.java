package io.gdsvault.gds.certificates;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.persistence.Transactions;
import io.gdsvault.gds.trust.CertificateGroup;
import io.gdsvault.gds.trust.CertificateGroupService;
import io.gdsvault.gds.trust.RevocationStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The Part 12 certificate manager (pull model), as the OPC UA handlers, the vendor methods and the
 * push engine call it. Each job is its own class: {@link RequestIntake} (StartSigningRequest,
 * StartNewKeyPairRequest, quota, approval policy), {@link KeyGenerationWorker}, {@link
 * RequestIssuance}, {@link RequestDelivery} (FinishRequest, key retention), {@link ApprovalQueue},
 * {@link Revocation}, {@link CertificateQueries} and {@link ApplicationAccess} (who may act for an
 * application: a CertificateAuthorityAdmin, or the application itself with a certificate this GDS
 * issued to it or an admin bound to it; RegistrationAuthorityAdmin decides requests). History and
 * listeners go through {@link RequestEvents}: the audit listener inside each change's transaction,
 * the view listener after it committed.
 */
public final class CertificateRequestService implements AutoCloseable {

  private final CertificateGroupService groups;
  private final RequestEvents events;
  private final RequestIntake intake;
  private final KeyGenerationWorker keys;
  private final RequestDelivery delivery;
  private final ApprovalQueue queue;
  private final Revocation revocation;
  private final CertificateQueries queries;
  private final RequestSweep sweep;
  private final KeyDownloads keyDownloads;
  private final Clock clock;
  private final @Nullable KeyPairPool keyPool;

  /**
   * @param quotas asked inside each filing transaction before the request is stored
   * @param issuancePolicy what a request may ask for, checked when it is filed
   * @param audit told of every history step inside the change's transaction (the audit trail)
   */
  public CertificateRequestService(
      CertificateRequestRepository requests,
      IssuedCertificateRepository issued,
      CertificateGroupService groups,
      Function<UUID, Optional<ApplicationRecord>> applications,
      Transactions tx,
      ApprovalPolicy policy,
      RequestQuotaPolicy quotas,
      CertificateRequestListener audit,
      DataKeyCipher cipher,
      Clock clock,
      CertificateSettings settings,
      IssuancePolicy issuancePolicy) {
    this(
        new Stores(requests, issued, groups, applications, tx),
        policy,
        issuancePolicy,
        quotas,
        audit,
        cipher,
        clock,
        settings,
        KeyPairPool.of(settings),
        KeyGenerationWorker.threads());
  }

  /** With the key pairs' source and the worker's threads given (tests). */
  CertificateRequestService(
      Stores stores,
      ApprovalPolicy policy,
      IssuancePolicy issuancePolicy,
      RequestQuotaPolicy quotas,
      CertificateRequestListener audit,
      DataKeyCipher cipher,
      Clock clock,
      CertificateSettings settings,
      KeyGenerationWorker.KeyPairSource keyPairs,
      ExecutorService keyThreads) {
    CertificateRequestRepository requests = stores.requests();
    IssuedCertificateRepository issued = stores.issued();
    Transactions tx = stores.tx();
    this.groups = stores.groups();
    this.clock = clock;
    this.keyPool = keyPairs instanceof KeyPairPool pool ? pool : null;
    this.events = new RequestEvents(requests, audit);
    RequestSeals seals = new RequestSeals(cipher);
    ApplicationAccess access = new ApplicationAccess(stores.applications(), issued, tx);
    RequestIssuance issuance =
        new RequestIssuance(requests, issued, groups, stores.applications(), seals, events, clock);
    this.queue = new ApprovalQueue(access, requests, tx, issuance, events, settings, clock);
    this.keys =
        new KeyGenerationWorker(
            requests, tx, groups, seals, issuance, events, keyPairs, keyThreads, clock);
    this.intake =
        new RequestIntake(
            access,
            requests,
            groups,
            policy,
            quotas,
            queue,
            keys,
            seals,
            events,
            settings,
            issuancePolicy,
            tx,
            clock);
    this.delivery =
        new RequestDelivery(access, requests, groups, seals, events, settings, tx, clock);
    this.revocation = new Revocation(access, requests, issued, groups, events, tx, clock);
    this.queries = new CertificateQueries(access, requests, issued, groups, tx, clock);
    this.sweep =
        new RequestSweep(
            requests, tx, groups, stores.applications(), issuance, keys, events, clock);
    this.keyDownloads = new KeyDownloads(requests, delivery, events, tx, clock);
  }

  /** Where requests, certificates, groups and applications are found, and their transactions. */
  record Stores(
      CertificateRequestRepository requests,
      IssuedCertificateRepository issued,
      CertificateGroupService groups,
      Function<UUID, Optional<ApplicationRecord>> applications,
      Transactions tx) {}

  /** The view listener (the OPC UA queue nodes), told after each change committed. */
  public void setListener(@Nullable CertificateRequestListener listener) {
    events.setView(listener == null ? CertificateRequestListener.NONE : listener);
  }

  public CertificateGroupService groups() {
    return groups;
  }

  // ------------------------------------------------------------------ Part 12 methods

  /**
   * StartSigningRequest: the CSR is checked at once and filed with a seal that records the check;
   * issuance at approval works from the sealed CSR and does not verify its signature again.
   */
  public UUID startSigningRequest(
      Caller caller,
      @Nullable UUID applicationId,
      @Nullable String groupName,
      @Nullable String typeName,
      byte @Nullable [] csrDer) {
    busy();
    return intake.startSigningRequest(caller, applicationId, groupName, typeName, csrDer);
  }

  /**
   * StartNewKeyPairRequest: files the request and generates the key pair off the request thread.
   * The password is used once to protect the key and then wiped; it is never stored.
   */
  public UUID startNewKeyPairRequest(
      Caller caller,
      @Nullable UUID applicationId,
      @Nullable String groupName,
      @Nullable String typeName,
      @Nullable String subjectName,
      @Nullable List<String> domainNames,
      @Nullable String privateKeyFormat,
      char @Nullable [] password) {
    busy();
    return intake.startNewKeyPairRequest(
        caller,
        applicationId,
        groupName,
        typeName,
        subjectName,
        domainNames,
        privateKeyFormat,
        password);
  }

  /**
   * FinishRequest (Part 12 §7.9.5); a repeat by the same caller within the grace period after
   * delivery returns the same bytes.
   */
  public FinishResult finish(
      Caller caller, @Nullable UUID applicationId, @Nullable UUID requestId) {
    busy();
    return delivery.finish(caller, applicationId, requestId);
  }

  /** GetCertificateGroups: the groups the application may use. */
  public List<String> certificateGroups(Caller caller, @Nullable UUID applicationId) {
    return queries.certificateGroups(caller, applicationId);
  }

  /**
   * GetTrustList: the group (null: DefaultApplicationGroup) whose TrustList the caller may read.
   */
  public CertificateGroup trustListGroup(
      Caller caller, @Nullable UUID applicationId, @Nullable String groupName) {
    return queries.trustListGroup(caller, applicationId, groupName);
  }

  /** GetCertificateStatus: whether the application should renew its certificate of the type. */
  public boolean updateRequired(
      Caller caller,
      @Nullable UUID applicationId,
      @Nullable String groupName,
      @Nullable String typeName) {
    return queries.updateRequired(caller, applicationId, groupName, typeName);
  }

  /** GetCertificates: the newest valid certificate per type of the group (null: every group). */
  public List<IssuedCertificateRecord> certificates(
      Caller caller, @Nullable UUID applicationId, @Nullable String groupName) {
    return queries.certificates(caller, applicationId, groupName);
  }

  /** RevokeCertificate: revokes a certificate this GDS issued to the application. */
  public void revoke(
      Caller caller, @Nullable UUID applicationId, byte @Nullable [] certificateDer) {
    revocation.revoke(caller, applicationId, certificateDer);
  }

  /** CheckRevocationStatus from this GDS's CAs and CRLs. */
  public RevocationStatus checkRevocationStatus(Caller caller, byte @Nullable [] certificateDer) {
    return revocation.checkRevocationStatus(caller, certificateDer);
  }

  /**
   * Revokes every certificate of an application and closes its open requests (UnregisterApplication
   * calls this; the caller was authorised for the unregistration).
   */
  public int revokeAll(Caller caller, @Nullable UUID applicationId) {
    return revocation.revokeAll(caller, applicationId);
  }

  // ------------------------------------------------------------------ approval queue

  /** Approves a New request (RegistrationAuthorityAdmin; not the requester unless allowed). */
  public CertificateRequestRecord approve(Caller caller, UUID requestId, @Nullable String comment) {
    return queue.approve(caller, requestId, comment);
  }

  /** Rejects a New request with a reason (RegistrationAuthorityAdmin). */
  public CertificateRequestRecord reject(Caller caller, UUID requestId, @Nullable String reason) {
    return queue.reject(caller, requestId, reason);
  }

  /**
   * Open or all requests, oldest first (RegistrationAuthorityAdmin or CertificateAuthorityAdmin).
   */
  public List<CertificateRequestRecord> list(Caller caller, List<RequestState> states) {
    return queue.list(caller, states);
  }

  /** A request and its history (operators). */
  public Map.Entry<CertificateRequestRecord, List<RequestHistoryEntry>> show(
      Caller caller, UUID requestId) {
    return queue.show(caller, requestId);
  }

  /** Open requests for the OPC UA view (no caller check: the nodes are read-only metadata). */
  public List<CertificateRequestRecord> openRequests() {
    return queue.openRequests();
  }

  // ------------------------------------------------------------------ operator downloads

  /** Issued certificates, of one application or all (CertificateAuthorityAdmin). */
  public List<IssuedCertificateRecord> issuedCertificates(
      Caller caller, @Nullable UUID applicationId) {
    return queries.issuedCertificates(caller, applicationId);
  }

  /** Revokes by serial number (hex) (CertificateAuthorityAdmin). */
  public List<IssuedCertificateRecord> revokeSerial(Caller caller, String serialHex) {
    return revocation.revokeSerial(caller, serialHex);
  }

  /** Revokes every certificate of an application (CertificateAuthorityAdmin). */
  public int revokeApplication(Caller caller, @Nullable UUID applicationId) {
    return revocation.revokeApplication(caller, applicationId);
  }

  /**
   * The certificate of a request (when issued) or the newest valid one of an application, with its
   * chain and the group's CRLs (CertificateAuthorityAdmin or RegistrationAuthorityAdmin).
   */
  public CertificateBundle bundle(Caller caller, UUID requestOrApplicationId) {
    return queries.bundle(caller, requestOrApplicationId);
  }

  /**
   * The private key of the caller's own new-key-pair request (delivered as FinishRequest does);
   * Bad_NotFound once deleted or expired.
   */
  public DownloadedKey privateKey(Caller caller, UUID requestId) {
    return keyDownloads.privateKey(caller, requestId);
  }

  /** Deletes the private key of the caller's own request (Delete private key). */
  public void deletePrivateKey(Caller caller, UUID requestId) {
    keyDownloads.delete(caller, requestId);
  }

  // ------------------------------------------------------------------ maintenance

  /**
   * Deletes undelivered private keys older than the configured time, and delivered ones whose
   * FinishRequest grace period is over (scheduled).
   */
  public int purgeExpiredKeys() {
    return purgeExpiredKeys(clock.instant());
  }

  /** Deletes private keys whose time ran out before {@code now}. */
  public int purgeExpiredKeys(Instant now) {
    return delivery.purgeExpiredKeys(now);
  }

  /**
   * The start-up sweep: every open request that can no longer progress on its own is repaired (key
   * generation redone, certificate issued) or removed with a reason ({@link RequestSweep}). Returns
   * how many it repaired or removed.
   */
  public int sweepStuckRequests() {
    return sweep.sweep(clock.instant()).total();
  }

  /**
   * The scheduled sweep (one node of a cluster): as {@link #sweepStuckRequests()} for requests
   * filed a while ago, so work in flight on any node is left alone.
   */
  public int sweepStaleRequests() {
    return sweep.sweep(clock.instant().minus(RequestSweep.STALE)).total();
  }

  /** Requests are coming in: the key pool refills only once they have paused. */
  private void busy() {
    if (keyPool != null) {
      keyPool.activity();
    }
  }

  @Override
  public void close() {
    keys.close();
    if (keyPool != null) {
      keyPool.close();
    }
  }
}
