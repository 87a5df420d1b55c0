package io.gdsvault.gds.certificates;

import io.gdsvault.ca.CaException;
import io.gdsvault.ca.CsrChecks;
import io.gdsvault.ca.CsrSeal;
import io.gdsvault.ca.IssuanceRequest;
import io.gdsvault.ca.IssuedCertificate;
import io.gdsvault.ca.KeyPairs;
import io.gdsvault.ca.VerifiedCsr;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import io.gdsvault.gds.persistence.Transactions;
import io.gdsvault.gds.trust.CertificateGroup;
import io.gdsvault.gds.trust.CertificateGroupService;
import io.gdsvault.gds.trust.GroupCertificateType;
import io.gdsvault.gds.trust.RevocationStatus;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The Part 12 certificate manager (pull model): signing and new-key-pair requests, the approval
 * queue, delivery, revocation and the per-application certificate queries. Access: a
 * CertificateAuthorityAdmin acts for any application; an application acts for itself
 * (ApplicationSelfAdmin) when its session's client certificate carries its registered
 * ApplicationUri and is a certificate this GDS issued to it or one an admin bound to it;
 * RegistrationAuthorityAdmin decides requests. Everyone else is refused.
 */
public final class CertificateRequestService implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CertificateRequestService.class);
  private static final Pattern DNS_NAME =
      Pattern.compile(
          "^(?=.{1,253}$)[A-Za-z0-9_*]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?"
              + "(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?$");
  private static final Pattern IP_LITERAL =
      Pattern.compile("^[0-9.]+$|^[0-9A-Fa-f:]+:[0-9A-Fa-f:.]*$");
  private static final int MAX_TEXT = 1024;
  private static final int MAX_LIST = 10_000;

  private final CertificateRequestRepository requests;
  private final IssuedCertificateRepository issued;
  private final CertificateGroupService groups;
  private final Function<UUID, Optional<ApplicationRecord>> applications;
  private final Transactions tx;
  private final ApprovalPolicy policy;
  private final DataKeyCipher cipher;
  private final CsrSeal csrSeal;
  private final Clock clock;
  private final CertificateSettings settings;
  private final ExecutorService keyGeneration;
  private volatile CertificateRequestListener listener = CertificateRequestListener.NONE;

  public CertificateRequestService(
      CertificateRequestRepository requests,
      IssuedCertificateRepository issued,
      CertificateGroupService groups,
      Function<UUID, Optional<ApplicationRecord>> applications,
      Transactions tx,
      ApprovalPolicy policy,
      DataKeyCipher cipher,
      Clock clock,
      CertificateSettings settings) {
    this.requests = requests;
    this.issued = issued;
    this.groups = groups;
    this.applications = applications;
    this.tx = tx;
    this.policy = policy;
    this.cipher = cipher;
    this.csrSeal = new CsrSeal(cipher.deriveKey("csr-pop-seal"));
    this.clock = clock;
    this.settings = settings;
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    this.keyGeneration =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "gds-keygen");
              t.setDaemon(true);
              return t;
            });
  }

  public void setListener(CertificateRequestListener listener) {
    this.listener = listener == null ? CertificateRequestListener.NONE : listener;
  }

  public CertificateGroupService groups() {
    return groups;
  }

  // ------------------------------------------------------------------ Part 12 methods

  /**
   * StartSigningRequest: checks the CSR at once (size, syntax, key algorithm, proof of possession,
   * key fits the type, the URI is the registered ApplicationUri) and files it with a seal that
   * records the check. Issuance at approval works from the sealed CSR and does not verify its
   * signature again.
   */
  public UUID startSigningRequest(
      Caller caller,
      @Nullable UUID applicationId,
      @Nullable String groupName,
      @Nullable String typeName,
      byte @Nullable [] csrDer) {
    ApplicationRecord app = requireAccess(caller, applicationId);
    GroupCertificateType type = type(groupName, typeName);
    if (csrDer == null || csrDer.length == 0) {
      throw GdsException.invalid("CertificateRequest is empty");
    }
    VerifiedCsr csr;
    try {
      csr =
          VerifiedCsr.verify(csrDer)
              .require(CsrChecks.keyFits(type.ca().config().certificateType()))
              .require(CsrChecks.applicationUriMatches(app.applicationUri(), true));
    } catch (CaException e) {
      throw CaErrors.map(e);
    }
    List<String> sans = new ArrayList<>(csr.dnsNames());
    sans.addAll(csr.ipAddresses());
    CertificateRequestRecord r =
        newRecord(
            caller,
            app,
            groupOf(groupName),
            type,
            RequestKind.SIGNING_REQUEST,
            csr.subject().toString(),
            sans,
            keyType(csr.publicKey()),
            null,
            csr);
    return file(caller, app, r);
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
    ApplicationRecord app = requireAccess(caller, applicationId);
    GroupCertificateType type = type(groupName, typeName);
    PrivateKeyFormat format = PrivateKeyFormat.parse(privateKeyFormat);
    List<String> names = domainNames == null ? List.of() : List.copyOf(domainNames);
    if (names.size() > 64) {
      throw GdsException.invalid("too many DomainNames");
    }
    for (String n : names) {
      if (n == null || !(DNS_NAME.matcher(n).matches() || IP_LITERAL.matcher(n).matches())) {
        throw GdsException.invalid("a DomainName is not a DNS name or IP address");
      }
    }
    String subject =
        subjectName == null || subjectName.isBlank() ? defaultSubject(app, names) : subjectName;
    if (subject.length() > MAX_TEXT) {
      throw GdsException.invalid("SubjectName is too long");
    }
    try {
      new org.bouncycastle.asn1.x500.X500Name(subject);
    } catch (RuntimeException e) {
      throw GdsException.invalid("SubjectName is not a valid X.500 name");
    }
    if (password != null && password.length > MAX_TEXT) {
      throw GdsException.invalid("PrivateKeyPassword is too long");
    }
    var caType = type.ca().config().certificateType();
    String keyType = caType.isRsa() ? "RSA-" + settings.rsaKeyBits() : caType.shortName();
    CertificateRequestRecord r =
        newRecord(
            caller,
            app,
            groupOf(groupName),
            type,
            RequestKind.NEW_KEY_PAIR,
            subject,
            names,
            keyType,
            format,
            (VerifiedCsr) null);
    UUID id = file(caller, app, r);
    char[] pw = password == null ? new char[0] : password.clone();
    keyGeneration.execute(() -> generateKey(id, app, type, subject, names, format, pw));
    return id;
  }

  /**
   * FinishRequest (Part 12 §7.9.5) with the polling contract clients rely on. A repeat by the same
   * caller within the configured grace period after delivery (the first reply was lost on the wire)
   * returns the same certificate, issuer chain and private key bytes and is recorded as a repeat;
   * after it the request is complete (Bad_InvalidArgument) and the kept key is erased.
   */
  public FinishResult finish(
      Caller caller, @Nullable UUID applicationId, @Nullable UUID requestId) {
    caller.requireSecureChannel();
    ApplicationRecord app = application(applicationId);
    if (requestId == null) {
      throw GdsException.notFound("RequestId");
    }
    CertificateRequestRecord r =
        tx.inTransaction(() -> requests.find(requestId))
            .orElseThrow(() -> GdsException.notFound("RequestId"));
    if (!r.applicationId().equals(app.applicationId())) {
      throw GdsException.invalid("the request belongs to another application");
    }
    requireAccess(caller, app);
    if (r.requesterThumbprint() != null
        && !r.requesterThumbprint().equals(caller.clientCertificateThumbprint())) {
      throw GdsException.accessDenied(
          "FinishRequest must come from the client certificate that started the request");
    }
    if (r.state() == RequestState.ACCEPTED
        && !withinGrace(r, clock.instant())
        && r.keyBlob() != null) {
      eraseDeliveredKey(requestId); // read after the grace period: the kept key goes at once
    }
    checkDeliverable(r, clock.instant());
    MDC.put("requestId", requestId.toString());
    try {
      boolean[] repeat = new boolean[1];
      FinishResult result =
          tx.inTransaction(
              () -> {
                CertificateRequestRecord locked =
                    requests
                        .findForUpdate(requestId)
                        .orElseThrow(() -> GdsException.notFound("RequestId"));
                Instant now = clock.instant();
                checkDeliverable(locked, now);
                repeat[0] = locked.state() == RequestState.ACCEPTED;
                byte[] der =
                    Objects.requireNonNull(
                        locked.certificateDer(), "a deliverable request has its certificate");
                X509Certificate cert = parse(der);
                List<X509Certificate> chain = issuerChain(cert);
                byte @Nullable [] key = null;
                if (locked.kind() == RequestKind.NEW_KEY_PAIR) {
                  if (locked.keyBlob() == null) {
                    throw new GdsException(Reason.INVALID_ARGUMENT, "the private key has expired");
                  }
                  byte[] opened = cipher.open(locked.keyBlob(), aad(requestId));
                  if (repeat[0]) {
                    key = opened; // the bytes delivered the first time
                  } else {
                    key = NewKeyMaterial.deliver(opened, cert, chain);
                    Arrays.fill(opened, (byte) 0);
                  }
                }
                if (repeat[0]) {
                  requests.addHistory(
                      requestId,
                      new RequestHistoryEntry(
                          now, caller.describe(), "delivered", "repeat within the grace period"));
                } else {
                  Duration grace = settings.finishRequestGrace();
                  boolean keep = key != null && grace.compareTo(Duration.ZERO) > 0;
                  // the delivered key stays sealed until the grace period ends, for a repeated
                  // FinishRequest
                  CertificateRequestRecord done =
                      copy(
                          locked,
                          RequestState.ACCEPTED,
                          keep && key != null ? cipher.seal(key, aad(requestId)) : null,
                          keep ? now.plus(grace) : null,
                          now);
                  requests.update(done);
                  requests.addHistory(
                      requestId, new RequestHistoryEntry(now, caller.describe(), "delivered", ""));
                }
                List<byte[]> issuers = new ArrayList<>();
                for (X509Certificate c : chain) {
                  issuers.add(encoded(c));
                }
                return new FinishResult(der, key, issuers);
              });
      log.info(
          "delivered applicationId={} serial={} repeat={}", applicationId, r.serial(), repeat[0]);
      tx.inTransaction(() -> requests.find(requestId))
          .ifPresent(d -> listener.delivered(d, repeat[0]));
      return result;
    } finally {
      MDC.remove("requestId");
    }
  }

  /**
   * Whether a delivered request may still be fetched again (the grace period runs from delivery).
   */
  private boolean withinGrace(CertificateRequestRecord r, Instant now) {
    Duration grace = settings.finishRequestGrace();
    return r.state() == RequestState.ACCEPTED
        && r.deliveredAt() != null
        && grace.compareTo(Duration.ZERO) > 0
        && now.isBefore(r.deliveredAt().plus(grace));
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
                                  && !withinGrace(l, now));
              locked.ifPresent(
                  l -> {
                    requests.update(copy(l, l.state(), null, null, l.deliveredAt()));
                    requests.addHistory(
                        requestId,
                        new RequestHistoryEntry(
                            now,
                            "system",
                            "key-expired",
                            "the delivered private key was deleted (grace period over)"));
                  });
              return locked;
            });
    erased.ifPresent(listener::changed);
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
      case REVOKED, REMOVED -> throw GdsException.invalid("the request was already completed");
    }
  }

  /** GetCertificateGroups: the groups the application may use. */
  public List<String> certificateGroups(Caller caller, @Nullable UUID applicationId) {
    requireAccess(caller, applicationId);
    return groups.groups().stream().map(CertificateGroup::name).toList();
  }

  /**
   * GetTrustList: the group (null: DefaultApplicationGroup) whose TrustList the caller may read.
   */
  public CertificateGroup trustListGroup(
      Caller caller, @Nullable UUID applicationId, @Nullable String groupName) {
    requireAccess(caller, applicationId);
    return groups.requireGroup(groupOf(groupName));
  }

  /**
   * GetCertificateStatus: true when the application has no valid certificate of the type from this
   * GDS, it was revoked, its CA is no longer the issuing one, or a third of its life is left.
   */
  public boolean updateRequired(
      Caller caller,
      @Nullable UUID applicationId,
      @Nullable String groupName,
      @Nullable String typeName) {
    requireAccess(caller, applicationId);
    CertificateGroup group = groups.requireGroup(groupOf(groupName));
    GroupCertificateType type = groups.requireType(group, typeName);
    Instant now = clock.instant();
    UUID id = Objects.requireNonNull(applicationId, "requireAccess found the application");
    Optional<IssuedCertificateRecord> latest =
        tx.inTransaction(() -> issued.findByApplication(id)).stream()
            .filter(
                c ->
                    c.certificateGroup().equals(group.name())
                        && c.certificateType().equals(type.name()))
            .filter(c -> !c.revoked() && c.notAfter().isAfter(now))
            .findFirst();
    if (latest.isEmpty()) {
      return true;
    }
    X509Certificate cert = parse(latest.get().certificateDer());
    if (!type.ca().currentCaId().equals(latest.get().caId())) {
      return true;
    }
    Duration life =
        Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant());
    return Duration.between(now, cert.getNotAfter().toInstant()).compareTo(life.dividedBy(3)) < 0;
  }

  /** GetCertificates: the newest valid certificate per type of the group (null: every group). */
  public List<IssuedCertificateRecord> certificates(
      Caller caller, @Nullable UUID applicationId, @Nullable String groupName) {
    requireAccess(caller, applicationId);
    if (groupName != null) {
      groups.requireGroup(groupName);
    }
    UUID id = Objects.requireNonNull(applicationId, "requireAccess found the application");
    Map<String, IssuedCertificateRecord> newest = new LinkedHashMap<>();
    for (IssuedCertificateRecord c : tx.inTransaction(() -> issued.findByApplication(id))) {
      if (c.revoked() || (groupName != null && !groupName.equals(c.certificateGroup()))) {
        continue;
      }
      newest.putIfAbsent(c.certificateGroup() + "/" + c.certificateType(), c);
    }
    return List.copyOf(newest.values());
  }

  /** RevokeCertificate: revokes a certificate this GDS issued to the application. */
  public void revoke(
      Caller caller, @Nullable UUID applicationId, byte @Nullable [] certificateDer) {
    requireAccess(caller, applicationId);
    if (certificateDer == null || certificateDer.length == 0) {
      throw GdsException.invalid("Certificate is empty");
    }
    X509Certificate cert;
    try {
      cert = parse(certificateDer);
    } catch (IllegalStateException e) {
      throw GdsException.invalid("Certificate is not an X.509 certificate");
    }
    String thumbprint = thumbprint(cert);
    IssuedCertificateRecord record =
        tx.inTransaction(() -> issued.findByThumbprint(thumbprint))
            .filter(c -> c.applicationId().equals(applicationId))
            .orElseThrow(
                () -> GdsException.invalid("the certificate was not issued to this application"));
    revokeIssued(record, caller.describe(), "RevokeCertificate");
  }

  /** CheckRevocationStatus from this GDS's CAs and CRLs. */
  public RevocationStatus checkRevocationStatus(Caller caller, byte @Nullable [] certificateDer) {
    caller.requireSecureChannel();
    if (certificateDer == null || certificateDer.length == 0) {
      throw GdsException.invalid("Certificate is empty");
    }
    return groups.revocationStatus(certificateDer);
  }

  /**
   * Revokes every certificate of an application and closes its open requests (UnregisterApplication
   * calls this; the caller was authorised for the unregistration).
   */
  public int revokeAll(Caller caller, @Nullable UUID applicationId) {
    if (applicationId == null) {
      return 0;
    }
    List<IssuedCertificateRecord> all =
        tx.inTransaction(() -> issued.findByApplication(applicationId));
    int n = 0;
    for (IssuedCertificateRecord c : all) {
      if (!c.revoked()) {
        revokeIssued(c, caller.describe(), "UnregisterApplication");
        n++;
      }
    }
    List<CertificateRequestRecord> changed = new ArrayList<>();
    tx.run(
        () -> {
          issued.removeBindings(applicationId);
          for (CertificateRequestRecord r : requests.findByApplication(applicationId)) {
            if (r.state().canMoveTo(RequestState.REMOVED) && r.state().isOpen()) {
              CertificateRequestRecord removed =
                  copy(r, RequestState.REMOVED, null, null, r.deliveredAt());
              requests.update(removed);
              requests.addHistory(
                  r.requestId(),
                  new RequestHistoryEntry(
                      clock.instant(), caller.describe(), "removed", "application unregistered"));
              changed.add(removed);
            }
          }
        });
    changed.forEach(listener::changed);
    return n;
  }

  // ------------------------------------------------------------------ approval queue

  /** Approves a New request (RegistrationAuthorityAdmin; not the requester unless allowed). */
  public CertificateRequestRecord approve(Caller caller, UUID requestId, @Nullable String comment) {
    caller.requireRole(Role.REGISTRATION_AUTHORITY_ADMIN);
    String text = text(comment, "Comment");
    CertificateRequestRecord r = decide(caller, requestId, RequestState.APPROVED, text, false);
    return r;
  }

  /** Rejects a New request with a reason (RegistrationAuthorityAdmin). */
  public CertificateRequestRecord reject(Caller caller, UUID requestId, @Nullable String reason) {
    caller.requireRole(Role.REGISTRATION_AUTHORITY_ADMIN);
    String text = text(reason, "Reason");
    if (text.isBlank()) {
      throw GdsException.invalid("a reason is required to reject a request");
    }
    return decide(caller, requestId, RequestState.REJECTED, text, false);
  }

  private CertificateRequestRecord decide(
      Caller caller, UUID requestId, RequestState target, String text, boolean byPolicy) {
    String actor =
        byPolicy
            ? "policy"
            : Objects.requireNonNull(caller.userName(), "a caller with a role has a user name");
    CertificateRequestRecord result =
        tx.inTransaction(
            () -> {
              CertificateRequestRecord r =
                  requests
                      .findForUpdate(requestId)
                      .orElseThrow(() -> GdsException.notFound("RequestId"));
              if (!byPolicy
                  && !settings.allowSelfApproval()
                  && actor != null
                  && actor.equals(r.requestedBy())) {
                throw GdsException.accessDenied(
                    "the approver must be another user than the requester");
              }
              if (r.state() != RequestState.NEW || !r.state().canMoveTo(target)) {
                throw new GdsException(Reason.INVALID_STATE, "the request is " + r.state().label());
              }
              Instant now = clock.instant();
              CertificateRequestRecord decided =
                  new CertificateRequestRecord(
                      r.requestId(),
                      r.applicationId(),
                      r.applicationUri(),
                      r.certificateGroup(),
                      r.certificateType(),
                      r.kind(),
                      target,
                      r.subjectName(),
                      r.domainNames(),
                      r.keyType(),
                      r.privateKeyFormat(),
                      r.csrDer(),
                      r.csrSeal(),
                      target == RequestState.REJECTED ? null : r.keyBlob(),
                      r.keyBlobExpiresAt(),
                      r.requestedBy(),
                      r.requesterThumbprint(),
                      r.createdAt(),
                      actor,
                      now,
                      text,
                      r.certificateDer(),
                      r.serial(),
                      r.caId(),
                      r.deliveredAt());
              requests.update(decided);
              requests.addHistory(
                  requestId,
                  new RequestHistoryEntry(
                      now, actor, target == RequestState.APPROVED ? "approved" : "rejected", text));
              log.info(
                  "request {} requestId={} by={} reason={}",
                  target.label(),
                  requestId,
                  actor,
                  text);
              return issueIfReady(decided);
            });
    listener.changed(result);
    return result;
  }

  /**
   * Open or all requests, oldest first (RegistrationAuthorityAdmin or CertificateAuthorityAdmin).
   */
  public List<CertificateRequestRecord> list(Caller caller, List<RequestState> states) {
    requireOperator(caller);
    return tx.inTransaction(() -> requests.list(states, MAX_LIST));
  }

  /** A request and its history (operators). */
  public Map.Entry<CertificateRequestRecord, List<RequestHistoryEntry>> show(
      Caller caller, UUID requestId) {
    requireOperator(caller);
    return tx.inTransaction(
        () -> {
          CertificateRequestRecord r =
              requests.find(requestId).orElseThrow(() -> GdsException.notFound("RequestId"));
          return Map.entry(r, requests.history(requestId));
        });
  }

  /** Open requests for the OPC UA view (no caller check: the nodes are read-only metadata). */
  public List<CertificateRequestRecord> openRequests() {
    return tx.inTransaction(
        () -> requests.list(List.of(RequestState.NEW, RequestState.APPROVED), MAX_LIST));
  }

  // ------------------------------------------------------------------ operator downloads

  /** Issued certificates, of one application or all (CertificateAuthorityAdmin). */
  public List<IssuedCertificateRecord> issuedCertificates(
      Caller caller, @Nullable UUID applicationId) {
    caller.requireRole(Role.CERTIFICATE_AUTHORITY_ADMIN);
    return tx.inTransaction(
        () ->
            applicationId == null
                ? issued.list(MAX_LIST)
                : issued.findByApplication(applicationId));
  }

  /** Revokes by serial number (hex) (CertificateAuthorityAdmin). */
  public List<IssuedCertificateRecord> revokeSerial(Caller caller, String serialHex) {
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
  public int revokeApplication(Caller caller, @Nullable UUID applicationId) {
    caller.requireRole(Role.CERTIFICATE_AUTHORITY_ADMIN);
    application(applicationId);
    UUID id = Objects.requireNonNull(applicationId, "application() found it");
    int n = 0;
    for (IssuedCertificateRecord c : tx.inTransaction(() -> issued.findByApplication(id))) {
      if (!c.revoked()) {
        revokeIssued(c, caller.describe(), "revoked by operator");
        n++;
      }
    }
    return n;
  }

  /**
   * The certificate of a request (when issued) or the newest valid one of an application, with its
   * chain and the group's CRLs (CertificateAuthorityAdmin or RegistrationAuthorityAdmin).
   */
  public CertificateBundle bundle(Caller caller, UUID requestOrApplicationId) {
    requireOperator(caller);
    IssuedCertificateRecord cert =
        tx.inTransaction(
            () -> {
              Optional<CertificateRequestRecord> r = requests.find(requestOrApplicationId);
              if (r.isPresent()) {
                if (!r.get().issued()) {
                  throw new GdsException(
                      Reason.NOTHING_TO_DO, "the request has no certificate yet");
                }
                String caId = r.get().caId();
                String serial = r.get().serial();
                if (caId == null || serial == null) {
                  throw GdsException.notFound("certificate");
                }
                return issued
                    .find(caId, serial)
                    .orElseThrow(() -> GdsException.notFound("certificate"));
              }
              return issued.findByApplication(requestOrApplicationId).stream()
                  .filter(c -> !c.revoked())
                  .findFirst()
                  .orElseThrow(() -> GdsException.notFound("certificate of this application"));
            });
    X509Certificate x = parse(cert.certificateDer());
    List<byte[]> chain = issuerChain(x).stream().map(CertificateRequestService::encoded).toList();
    List<byte[]> crls =
        groups.trustList(groups.requireGroup(cert.certificateGroup())).trustedCrls();
    return new CertificateBundle(cert, chain, crls);
  }

  // ------------------------------------------------------------------ maintenance

  /**
   * Deletes undelivered private keys older than the configured time, and delivered ones whose
   * FinishRequest grace period is over (scheduled).
   */
  public int purgeExpiredKeys() {
    return purgeExpiredKeys(clock.instant());
  }

  /** Deletes undelivered private keys whose time ran out before {@code now}. */
  public int purgeExpiredKeys(Instant now) {
    List<CertificateRequestRecord> purged = new ArrayList<>();
    tx.run(
        () -> {
          for (CertificateRequestRecord r : requests.expiredKeyBlobs(now)) {
            RequestState next = r.state().isOpen() ? RequestState.REMOVED : r.state();
            CertificateRequestRecord p = copy(r, next, null, null, r.deliveredAt());
            requests.update(p);
            requests.addHistory(
                r.requestId(),
                new RequestHistoryEntry(
                    now,
                    "system",
                    "key-expired",
                    r.state() == RequestState.ACCEPTED
                        ? "the delivered private key was deleted (grace period over)"
                        : "the undelivered private key was deleted"));
            purged.add(p);
          }
        });
    purged.forEach(listener::changed);
    if (!purged.isEmpty()) {
      log.info("purged {} undelivered private keys", purged.size());
    }
    return purged.size();
  }

  @Override
  public void close() {
    keyGeneration.shutdownNow();
    try {
      keyGeneration.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ------------------------------------------------------------------ internals

  private UUID file(Caller caller, ApplicationRecord app, CertificateRequestRecord r) {
    ApprovalPolicy.Decision decision = policy.decide(r);
    tx.run(
        () -> {
          requests.insert(r);
          requests.addHistory(
              r.requestId(),
              new RequestHistoryEntry(
                  r.createdAt(),
                  r.requestedBy(),
                  "created",
                  r.kind() == RequestKind.SIGNING_REQUEST ? "signing request" : "new key pair"));
          if (caller.hasRole(Role.CERTIFICATE_AUTHORITY_ADMIN)
              && caller.clientCertificateThumbprint() != null
              && app.applicationUri().equals(caller.clientApplicationUri())) {
            // the admin vouches for this client certificate: it may act for itself from now on
            issued.bind(
                app.id(), caller.clientCertificateThumbprint(), caller.describe(), r.createdAt());
          }
        });
    log.info(
        "certificate request created requestId={} applicationId={} kind={} by={}",
        r.requestId(),
        r.applicationId(),
        r.kind(),
        r.requestedBy());
    listener.created(r);
    switch (decision.outcome()) {
      case APPROVE -> {
        log.warn("request {} approved by policy: {}", r.requestId(), decision.reason());
        decide(caller, r.requestId(), RequestState.APPROVED, decision.reason(), true);
      }
      case REJECT -> decide(caller, r.requestId(), RequestState.REJECTED, decision.reason(), true);
      case MANUAL -> {
        // waits for an operator
      }
    }
    return r.requestId();
  }

  private CertificateRequestRecord newRecord(
      Caller caller,
      ApplicationRecord app,
      String group,
      GroupCertificateType type,
      RequestKind kind,
      String subject,
      List<String> sans,
      String keyType,
      @Nullable PrivateKeyFormat format,
      @Nullable VerifiedCsr csr) {
    Instant now = clock.instant();
    UUID id = UUID.randomUUID();
    String requestedBy =
        caller.userName() != null ? caller.userName() : "app:" + caller.clientApplicationUri();
    return new CertificateRequestRecord(
        id,
        app.id(),
        app.applicationUri(),
        group,
        type.name(),
        kind,
        RequestState.NEW,
        subject,
        sans,
        keyType,
        format,
        csr == null ? null : csr.encoded(),
        csr == null ? null : seal(csr, id),
        null,
        kind == RequestKind.NEW_KEY_PAIR ? now.plus(settings.keyBlobTtl()) : null,
        requestedBy,
        caller.clientCertificateThumbprint(),
        now,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** The seal that records {@code csr}'s proof of possession for request {@code id}. */
  private byte[] seal(VerifiedCsr csr, UUID id) {
    try {
      return csrSeal.seal(csr, aad(id));
    } catch (CaException e) {
      throw CaErrors.map(e);
    }
  }

  /**
   * The stored CSR of {@code r} as a verified request: its seal is checked (a CSR changed in the
   * database, or a seal from another request, is refused) and the bytes are re-parsed, without
   * verifying the CSR's signature again. A request filed before seals existed (no seal, schema
   * before V80) has its proof of possession verified here instead, so an upgrade does not strand
   * pending requests.
   */
  private VerifiedCsr storedCsr(CertificateRequestRecord r) throws CaException {
    byte[] csrDer = Objects.requireNonNull(r.csrDer(), "issued only once the CSR is there");
    if (r.csrSeal() == null) {
      return VerifiedCsr.verify(csrDer);
    }
    return csrSeal.restore(csrDer, aad(r.requestId()), r.csrSeal());
  }

  private void generateKey(
      UUID id,
      ApplicationRecord app,
      GroupCertificateType type,
      String subject,
      List<String> names,
      PrivateKeyFormat format,
      char[] password) {
    MDC.put("requestId", id.toString());
    try {
      KeyPair pair = KeyPairs.generate(type.ca().config().certificateType(), settings.rsaKeyBits());
      List<String> dns = names.stream().filter(n -> !IP_LITERAL.matcher(n).matches()).toList();
      List<String> ips = names.stream().filter(n -> IP_LITERAL.matcher(n).matches()).toList();
      // the GDS's own CSR for the key it made: verified once here, like a requester's at filing
      VerifiedCsr csr =
          VerifiedCsr.verify(Csrs.create(pair, subject, app.applicationUri(), dns, ips));
      byte[] payload =
          NewKeyMaterial.prepare(pair.getPrivate(), pair.getPublic(), format, password);
      byte[] blob = cipher.seal(payload, aad(id));
      Arrays.fill(payload, (byte) 0);
      CertificateRequestRecord after =
          tx.inTransaction(
              () -> {
                CertificateRequestRecord r = requests.findForUpdate(id).orElse(null);
                if (r == null || !r.state().isOpen()) {
                  return r;
                }
                CertificateRequestRecord withKey =
                    new CertificateRequestRecord(
                        r.requestId(),
                        r.applicationId(),
                        r.applicationUri(),
                        r.certificateGroup(),
                        r.certificateType(),
                        r.kind(),
                        r.state(),
                        r.subjectName(),
                        r.domainNames(),
                        r.keyType(),
                        r.privateKeyFormat(),
                        csr.encoded(),
                        seal(csr, id),
                        blob,
                        r.keyBlobExpiresAt(),
                        r.requestedBy(),
                        r.requesterThumbprint(),
                        r.createdAt(),
                        r.decidedBy(),
                        r.decidedAt(),
                        r.decisionText(),
                        r.certificateDer(),
                        r.serial(),
                        r.caId(),
                        r.deliveredAt());
                requests.update(withKey);
                requests.addHistory(
                    id,
                    new RequestHistoryEntry(
                        clock.instant(), "system", "key-generated", keyTypeOf(pair.getPublic())));
                return issueIfReady(withKey);
              });
      if (after != null) {
        listener.changed(after);
      }
    } catch (GeneralSecurityException | CaException | RuntimeException e) {
      log.error("key generation failed requestId={}", id, e);
      try {
        tx.run(
            () ->
                requests
                    .findForUpdate(id)
                    .filter(r -> r.state().isOpen())
                    .ifPresent(
                        r -> {
                          requests.update(copy(r, RequestState.REMOVED, null, null, null));
                          requests.addHistory(
                              id,
                              new RequestHistoryEntry(
                                  clock.instant(), "system", "removed", "key generation failed"));
                        }));
      } catch (RuntimeException ignored) {
        // already logged
      }
    } finally {
      Arrays.fill(password, '\0');
      MDC.remove("requestId");
    }
  }

  /** Signs when the request is approved and its key (CSR) is there; idempotent. */
  private CertificateRequestRecord issueIfReady(CertificateRequestRecord r) {
    if (r.state() != RequestState.APPROVED || r.csrDer() == null || r.issued()) {
      return r;
    }
    CertificateGroup group = groups.requireGroup(r.certificateGroup());
    GroupCertificateType type = groups.requireType(group, r.certificateType());
    ApplicationRecord app =
        applications
            .apply(r.applicationId())
            .orElseThrow(() -> GdsException.notFound("ApplicationId"));
    IssuedCertificate ic;
    try {
      boolean newKey = r.kind() == RequestKind.NEW_KEY_PAIR;
      List<String> dns =
          newKey
              ? r.domainNames().stream().filter(n -> !IP_LITERAL.matcher(n).matches()).toList()
              : List.of();
      List<String> ips =
          newKey
              ? r.domainNames().stream().filter(n -> IP_LITERAL.matcher(n).matches()).toList()
              : List.of();
      ic =
          type.ca()
              .issue(
                  storedCsr(r),
                  new IssuanceRequest(
                      app.applicationUri(),
                      newKey ? r.subjectName() : null,
                      dns,
                      ips,
                      io.gdsvault.ca.ApplicationType.valueOf(app.applicationType().name())),
                  CsrChecks.applicationUriMatches(app.applicationUri(), true));
    } catch (CaException e) {
      throw CaErrors.map(e);
    }
    Instant now = clock.instant();
    byte[] der = ic.encoded();
    String thumbprint = ic.thumbprint();
    String serial = ic.serialNumber().toString(16);
    CertificateRequestRecord done =
        new CertificateRequestRecord(
            r.requestId(),
            r.applicationId(),
            r.applicationUri(),
            r.certificateGroup(),
            r.certificateType(),
            r.kind(),
            r.state(),
            r.subjectName(),
            r.domainNames(),
            r.keyType(),
            r.privateKeyFormat(),
            r.csrDer(),
            r.csrSeal(),
            r.keyBlob(),
            r.keyBlobExpiresAt(),
            r.requestedBy(),
            r.requesterThumbprint(),
            r.createdAt(),
            r.decidedBy(),
            r.decidedAt(),
            r.decisionText(),
            der,
            serial,
            ic.caId(),
            r.deliveredAt());
    requests.update(done);
    issued.insert(
        new IssuedCertificateRecord(
            ic.caId(),
            serial,
            r.applicationId(),
            r.certificateGroup(),
            r.certificateType(),
            r.requestId(),
            thumbprint,
            der,
            ic.notAfter(),
            now,
            null));
    requests.addHistory(
        r.requestId(), new RequestHistoryEntry(now, "system", "issued", "serial " + serial));
    log.info(
        "issued requestId={} serial={} thumbprint={} notAfter={}",
        r.requestId(),
        serial,
        thumbprint,
        ic.notAfter());
    return done;
  }

  private void revokeIssued(IssuedCertificateRecord c, String actor, String why) {
    CertificateGroup group = groups.requireGroup(c.certificateGroup());
    GroupCertificateType type = groups.requireType(group, c.certificateType());
    groups.revoke(type, c.caId(), new BigInteger(c.serial(), 16));
    List<CertificateRequestRecord> changed = new ArrayList<>();
    tx.run(
        () -> {
          Instant now = clock.instant();
          issued.markRevoked(c.caId(), c.serial(), now);
          if (c.requestId() != null) {
            requests
                .findForUpdate(c.requestId())
                .ifPresent(
                    r -> {
                      if (r.state().canMoveTo(RequestState.REVOKED)) {
                        CertificateRequestRecord rv =
                            copy(r, RequestState.REVOKED, null, null, r.deliveredAt());
                        requests.update(rv);
                        requests.addHistory(
                            r.requestId(), new RequestHistoryEntry(now, actor, "revoked", why));
                        changed.add(rv);
                      }
                    });
          }
        });
    log.info("revoked serial={} caId={} by={} ({})", c.serial(), c.caId(), actor, why);
    listener.revoked(c, actor);
    changed.forEach(listener::changed);
  }

  /** A copy with a new state, key blob and delivery time (everything else kept). */
  private static CertificateRequestRecord copy(
      CertificateRequestRecord r,
      RequestState state,
      byte @Nullable [] keyBlob,
      @Nullable Instant keyBlobExpiresAt,
      @Nullable Instant deliveredAt) {
    return new CertificateRequestRecord(
        r.requestId(),
        r.applicationId(),
        r.applicationUri(),
        r.certificateGroup(),
        r.certificateType(),
        r.kind(),
        state,
        r.subjectName(),
        r.domainNames(),
        r.keyType(),
        r.privateKeyFormat(),
        r.csrDer(),
        r.csrSeal(),
        keyBlob,
        keyBlobExpiresAt,
        r.requestedBy(),
        r.requesterThumbprint(),
        r.createdAt(),
        r.decidedBy(),
        r.decidedAt(),
        r.decisionText(),
        r.certificateDer(),
        r.serial(),
        r.caId(),
        deliveredAt);
  }

  private ApplicationRecord application(@Nullable UUID applicationId) {
    if (applicationId == null) {
      throw GdsException.notFound("ApplicationId");
    }
    return applications
        .apply(applicationId)
        .orElseThrow(() -> GdsException.notFound("ApplicationId"));
  }

  private ApplicationRecord requireAccess(Caller caller, @Nullable UUID applicationId) {
    caller.requireSecureChannel();
    return requireAccess(caller, application(applicationId));
  }

  private ApplicationRecord requireAccess(Caller caller, ApplicationRecord app) {
    caller.requireSecureChannel();
    if (caller.hasRole(Role.CERTIFICATE_AUTHORITY_ADMIN) || isSelf(caller, app)) {
      return app;
    }
    throw GdsException.accessDenied(
        "the CertificateAuthorityAdmin role or the application's own certificate is required");
  }

  /**
   * ApplicationSelfAdmin: the session's client certificate carries the registered ApplicationUri
   * and is one this GDS issued to the application (not revoked) or one an admin bound to it.
   */
  private boolean isSelf(Caller caller, ApplicationRecord app) {
    String thumbprint = caller.clientCertificateThumbprint();
    if (thumbprint == null || !app.applicationUri().equals(caller.clientApplicationUri())) {
      return false;
    }
    return tx.inTransaction(
        () ->
            issued
                    .findByThumbprint(thumbprint)
                    .filter(c -> c.applicationId().equals(app.applicationId()) && !c.revoked())
                    .isPresent()
                || issued.isBound(app.id(), thumbprint));
  }

  private static void requireOperator(Caller caller) {
    caller.requireSecureChannel();
    if (!caller.hasRole(Role.REGISTRATION_AUTHORITY_ADMIN)
        && !caller.hasRole(Role.CERTIFICATE_AUTHORITY_ADMIN)) {
      throw GdsException.accessDenied(
          "the RegistrationAuthorityAdmin or CertificateAuthorityAdmin role is required");
    }
  }

  private GroupCertificateType type(@Nullable String groupName, @Nullable String typeName) {
    return groups.requireType(groups.requireGroup(groupOf(groupName)), typeName);
  }

  private static String groupOf(@Nullable String groupName) {
    return groupName == null ? CertificateGroup.DEFAULT_APPLICATION_GROUP : groupName;
  }

  private List<X509Certificate> issuerChain(X509Certificate cert) {
    return groups.issuerOf(cert).map(CertificateGroupService.Issuer::chain).orElse(List.of());
  }

  private static String defaultSubject(ApplicationRecord app, List<String> names) {
    String cn =
        app.applicationNames().isEmpty()
            ? "OPC UA Application"
            : app.applicationNames().get(0).text();
    cn = cn.replaceAll("[,+=\"\\\\<>;#]", "_");
    return "CN="
        + cn
        + (names.isEmpty() ? "" : ", DC=" + names.get(0).replaceAll("[,+=\"\\\\<>;#]", "_"));
  }

  private static String text(@Nullable String s, String field) {
    String t = s == null ? "" : s.trim();
    if (t.length() > MAX_TEXT) {
      throw GdsException.invalid(field + " is too long");
    }
    return t;
  }

  private static String keyType(PublicKey key) {
    return keyTypeOf(key);
  }

  static String keyTypeOf(PublicKey key) {
    if (key instanceof RSAPublicKey rsa) {
      return "RSA-" + rsa.getModulus().bitLength();
    }
    if (key instanceof ECPublicKey ec) {
      return "EC-" + ec.getParams().getCurve().getField().getFieldSize();
    }
    return key.getAlgorithm();
  }

  private static byte[] aad(UUID id) {
    return ByteBuffer.allocate(16)
        .putLong(id.getMostSignificantBits())
        .putLong(id.getLeastSignificantBits())
        .array();
  }

  static X509Certificate parse(byte[] der) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalStateException("not an X.509 certificate", e);
    }
  }

  static byte[] encoded(X509Certificate c) {
    try {
      return c.getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SHA-1 thumbprint in lower-case hex (as the OPC UA layer computes it for callers). */
  public static String thumbprint(X509Certificate c) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(c.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
