package io.gdsvault.gds.certificates;

import io.gdsvault.ca.CsrChecks;
import io.gdsvault.ca.VerifiedCsr;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.persistence.Transactions;
import io.gdsvault.gds.trust.CertificateGroupService;
import io.gdsvault.gds.trust.GroupCertificateType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Intake: checks what a caller asks for, files the request (quota, row, history, the admin's
 * binding of its client certificate) in one transaction, applies the approval policy's decision,
 * and hands a new key pair to the key generation worker.
 */
final class RequestIntake {

  private static final Logger log = LoggerFactory.getLogger(RequestIntake.class);

  private final ApplicationAccess access;
  private final CertificateRequestRepository requests;
  private final CertificateGroupService groups;
  private final ApprovalPolicy policy;
  private final RequestQuotaPolicy quotas;
  private final ApprovalQueue queue;
  private final KeyGenerationWorker keys;
  private final RequestSeals seals;
  private final RequestEvents events;
  private final CertificateSettings settings;
  private final Transactions tx;
  private final Clock clock;

  RequestIntake(
      ApplicationAccess access,
      CertificateRequestRepository requests,
      CertificateGroupService groups,
      ApprovalPolicy policy,
      RequestQuotaPolicy quotas,
      ApprovalQueue queue,
      KeyGenerationWorker keys,
      RequestSeals seals,
      RequestEvents events,
      CertificateSettings settings,
      Transactions tx,
      Clock clock) {
    this.access = access;
    this.requests = requests;
    this.groups = groups;
    this.policy = policy;
    this.quotas = quotas;
    this.queue = queue;
    this.keys = keys;
    this.seals = seals;
    this.events = events;
    this.settings = settings;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * StartSigningRequest: checks the CSR at once (size, syntax, key algorithm, proof of possession,
   * key fits the type, the URI is the registered ApplicationUri) and files it with a seal that
   * records the check.
   */
  UUID startSigningRequest(
      Caller caller,
      @Nullable UUID applicationId,
      @Nullable String groupName,
      @Nullable String typeName,
      byte @Nullable [] csrDer) {
    ApplicationRecord app = access.requireAccess(caller, applicationId);
    GroupCertificateType type = type(groupName, typeName);
    if (csrDer == null || csrDer.length == 0) {
      throw GdsException.invalid("CertificateRequest is empty");
    }
    VerifiedCsr csr =
        CaErrors.call(
            () ->
                VerifiedCsr.verify(csrDer)
                    .require(CsrChecks.keyFits(type.ca().config().certificateType()))
                    .require(CsrChecks.applicationUriMatches(app.applicationUri(), true)));
    List<String> sans = new ArrayList<>(csr.dnsNames());
    sans.addAll(csr.ipAddresses());
    UUID id = UUID.randomUUID();
    CertificateRequestRecord r =
        newRequest(id, caller, app, groupName, type, RequestKind.SIGNING_REQUEST)
            .subjectName(csr.subject().toString())
            .domainNames(sans)
            .keyType(DerCertificates.keyTypeOf(csr.publicKey()))
            .csrDer(csr.encoded())
            .csrSeal(seals.sealCsr(csr, id))
            .build();
    return file(caller, app, r);
  }

  /**
   * StartNewKeyPairRequest: files the request and has the worker generate the key pair. The
   * password is used once to protect the key and then wiped; it is never stored.
   */
  UUID startNewKeyPairRequest(
      Caller caller,
      @Nullable UUID applicationId,
      @Nullable String groupName,
      @Nullable String typeName,
      @Nullable String subjectName,
      @Nullable List<String> domainNames,
      @Nullable String privateKeyFormat,
      char @Nullable [] password) {
    ApplicationRecord app = access.requireAccess(caller, applicationId);
    GroupCertificateType type = type(groupName, typeName);
    PrivateKeyFormat format = PrivateKeyFormat.parse(privateKeyFormat);
    List<String> names = RequestInputs.domainNames(domainNames);
    String subject = RequestInputs.subject(subjectName, app, names);
    RequestInputs.checkPassword(password);
    var caType = type.ca().config().certificateType();
    Instant now = clock.instant();
    CertificateRequestRecord r =
        newRequest(UUID.randomUUID(), caller, app, groupName, type, RequestKind.NEW_KEY_PAIR)
            .subjectName(subject)
            .domainNames(names)
            .keyType(caType.isRsa() ? "RSA-" + settings.rsaKeyBits() : caType.shortName())
            .privateKeyFormat(format)
            .keyBlobExpiresAt(now.plus(settings.keyBlobTtl()))
            .createdAt(now)
            .build();
    UUID id = file(caller, app, r);
    keys.submit(r, password == null ? new char[0] : password.clone());
    return id;
  }

  /**
   * Files {@code r} and applies the approval policy's decision. Filing is one transaction (a quota
   * refusal or a failed audit row stores nothing); the decision, taken on the request as filed, is
   * applied after it.
   */
  private UUID file(Caller caller, ApplicationRecord app, CertificateRequestRecord r) {
    ApprovalPolicy.Decision decision = policy.decide(r);
    tx.run(() -> store(caller, app, r));
    log.info(
        "certificate request created requestId={} applicationId={} kind={} by={}",
        r.requestId(),
        r.applicationId(),
        r.kind(),
        r.requestedBy());
    events.created(r);
    queue.applyPolicy(r.requestId(), decision);
    return r.requestId();
  }

  /** Stores a new request in the open transaction, after the quota allowed it. */
  private void store(Caller caller, ApplicationRecord app, CertificateRequestRecord r) {
    quotas.check(r);
    requests.insert(r);
    events.record(
        r,
        r.createdAt(),
        r.requestedBy(),
        "created",
        r.kind() == RequestKind.SIGNING_REQUEST ? "signing request" : "new key pair");
    access.vouchForClientCertificate(caller, app, r.createdAt());
  }

  /** A New request of {@code app} filed by {@code caller} now, to be completed by its kind. */
  private CertificateRequestRecord.Builder newRequest(
      UUID id,
      Caller caller,
      ApplicationRecord app,
      @Nullable String groupName,
      GroupCertificateType type,
      RequestKind kind) {
    return CertificateRequestRecord.builder()
        .requestId(id)
        .applicationId(app.id())
        .applicationUri(app.applicationUri())
        .certificateGroup(RequestInputs.groupOf(groupName))
        .certificateType(type.name())
        .kind(kind)
        .state(RequestState.NEW)
        .requestedBy(caller.requesterName())
        .requesterThumbprint(caller.clientCertificateThumbprint())
        .createdAt(clock.instant());
  }

  private GroupCertificateType type(@Nullable String groupName, @Nullable String typeName) {
    return groups.requireType(groups.requireGroup(RequestInputs.groupOf(groupName)), typeName);
  }
}
