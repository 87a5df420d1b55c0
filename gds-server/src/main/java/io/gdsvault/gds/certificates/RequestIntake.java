package io.gdsvault.gds.certificates;

import io.gdsvault.ca.CsrChecks;
import io.gdsvault.ca.VerifiedCsr;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ArgumentRefusal;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.persistence.Transactions;
import io.gdsvault.gds.trust.CertificateGroupService;
import io.gdsvault.gds.trust.GroupCertificateType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Intake: checks what a caller asks for, files the request (quota, row, history, the admin's
 * binding of its client certificate) and applies the approval policy's decision in one transaction
 * (a crash leaves either nothing or the decided request), and hands a new key pair to the key
 * generation worker. A new key pair's password is kept sealed with the request until its key
 * exists, so a restart can redo the generation ({@link RequestSweep}).
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
  private final IssuancePolicy issuancePolicy;
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
      IssuancePolicy issuancePolicy,
      Transactions tx,
      Clock clock) {
    this.access = access;
    this.issuancePolicy = issuancePolicy;
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
   * key fits the type, RSA exponent and signature digest strong enough, the URI is the registered
   * ApplicationUri), then the issuance policy, and files it with a seal that records the check.
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
    VerifiedCsr csr;
    try {
      csr =
          CaErrors.call(
              () ->
                  VerifiedCsr.verify(csrDer)
                      .require(CsrChecks.keyFits(type.ca().config().certificateType()))
                      .require(CsrChecks.strongCrypto())
                      .require(CsrChecks.applicationUriMatches(app.applicationUri(), true)));
    } catch (GdsException e) {
      throw ArgumentRefusal.of(e, IssuancePolicy.Arguments.CSR.names());
    }
    List<String> sans = new ArrayList<>(csr.dnsNames());
    sans.addAll(csr.ipAddresses());
    String verdict =
        checkPolicy(app, groupName, csr.subject().toString(), sans, IssuancePolicy.Arguments.CSR);
    UUID id = UUID.randomUUID();
    CertificateRequestRecord r =
        newRequest(id, caller, app, groupName, type, RequestKind.SIGNING_REQUEST)
            .subjectName(csr.subject().toString())
            .domainNames(sans)
            .keyType(DerCertificates.keyTypeOf(csr.publicKey()))
            .csrDer(csr.encoded())
            .csrSeal(seals.sealCsr(csr, id))
            .build();
    return file(caller, app, r, verdict);
  }

  /**
   * StartNewKeyPairRequest: files the request and has the worker generate the key pair. The
   * password protects the key; until the key is generated it is kept sealed with the data key in
   * the request (for a restart), then wiped.
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
    String verdict =
        checkPolicy(app, groupName, subject, names, IssuancePolicy.Arguments.NEW_KEY_PAIR);
    var caType = type.ca().config().certificateType();
    Instant now = clock.instant();
    UUID requestId = UUID.randomUUID();
    char[] secret = password == null ? new char[0] : password.clone();
    CertificateRequestRecord r =
        newRequest(requestId, caller, app, groupName, type, RequestKind.NEW_KEY_PAIR)
            .pendingSecret(seals.sealSecret(secret, requestId))
            .subjectName(subject)
            .domainNames(names)
            .keyType(caType.isRsa() ? "RSA-" + settings.rsaKeyBits() : caType.shortName())
            .privateKeyFormat(format)
            .keyBlobExpiresAt(now.plus(settings.keyBlobTtl()))
            .createdAt(now)
            .build();
    UUID id;
    try {
      id = file(caller, app, r, verdict);
    } catch (RuntimeException e) {
      java.util.Arrays.fill(secret, '\0');
      throw e;
    }
    keys.submit(r, secret);
    return id;
  }

  /**
   * The issuance policy's check of what the request asks for (before the approval policy, so
   * neither auto-approve nor a rule can let a refused request through); returns what it checked.
   */
  private String checkPolicy(
      ApplicationRecord app,
      @Nullable String groupName,
      String subject,
      List<String> names,
      IssuancePolicy.Arguments args) {
    return issuancePolicy.check(
        app, RequestInputs.groupOf(groupName), subject, names, this::caSubjects, args);
  }

  private List<X500Name> caSubjects() {
    return groups.allCaCertificates().stream()
        .map(c -> X500Name.getInstance(c.getSubjectX500Principal().getEncoded()))
        .toList();
  }

  /**
   * Files {@code r} and applies the approval policy's decision, taken on the request as filed, in
   * one transaction: a quota refusal, a failed audit row or a failed issuance stores nothing, and a
   * crash cannot leave an auto-approved request New. The listeners are told once it committed.
   * {@code verdict} (what the issuance policy checked) goes into the history.
   */
  private UUID file(
      Caller caller, ApplicationRecord app, CertificateRequestRecord r, String verdict) {
    ApprovalPolicy.Decision decision = policy.decide(r);
    CertificateRequestRecord decided =
        tx.inTransaction(
            () -> {
              store(caller, app, r, verdict);
              return queue.applyPolicyLocked(r, decision);
            });
    // DEBUG: the request's history and the audit trail record the filing; the issuance is logged
    log.debug(
        "certificate request created requestId={} applicationId={} kind={} by={}",
        r.requestId(),
        r.applicationId(),
        r.kind(),
        r.requestedBy());
    events.created(r);
    if (decision.outcome() != ApprovalPolicy.Outcome.MANUAL) {
      events.changed(decided);
    }
    return r.requestId();
  }

  /** Stores a new request in the open transaction, after the quota allowed it. */
  private void store(
      Caller caller, ApplicationRecord app, CertificateRequestRecord r, String verdict) {
    quotas.check(r);
    requests.insert(r);
    // the issuance policy's verdict goes with the filing, for the approver to see
    String text =
        (r.kind() == RequestKind.SIGNING_REQUEST ? "signing request" : "new key pair")
            + "; "
            + verdict;
    events.record(
        r,
        r.createdAt(),
        r.requestedBy(),
        "created",
        text.length() > RequestInputs.MAX_TEXT
            ? text.substring(0, RequestInputs.MAX_TEXT - 3) + "..."
            : text);
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
