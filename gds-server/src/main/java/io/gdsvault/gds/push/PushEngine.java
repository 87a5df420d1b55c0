package io.gdsvault.gds.push;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.ChannelSecurity;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.certificates.CertificateRequestRecord;
import io.gdsvault.gds.certificates.CertificateRequestService;
import io.gdsvault.gds.certificates.DataKeyCipher;
import io.gdsvault.gds.certificates.FinishResult;
import io.gdsvault.gds.certificates.RequestKind;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.persistence.Transactions;
import io.gdsvault.gds.trust.CertificateGroup;
import io.gdsvault.gds.trust.CertificateGroupService;
import io.gdsvault.gds.trust.GroupCertificateType;
import io.gdsvault.gds.trust.RevocationStatus;
import io.gdsvault.gds.trust.TrustListContent;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The push engine (Part 12 §7.10 from the GDS side): keeps the certificates and trust lists of
 * server applications current through their ServerConfiguration.
 *
 * <p>One push, in order: connect over SignAndEncrypt as the target's SecurityAdmin; read
 * SupportedPrivateKeyFormats and the group's certificate types; replace the trust list (our CA
 * certificates and current CRLs, plus the GDS's own certificate so it keeps access) and apply it;
 * then, for a full push, obtain a certificate through the normal request lifecycle and approval
 * policy (CSR from the target, or a new key pair), UpdateCertificate with the issuer chain,
 * ApplyChanges, reconnect and verify that GetEndpoints and the handshake present the new
 * certificate.
 *
 * <p>Jobs live in the database (one per target): a node claims due jobs with row locks that other
 * nodes skip, holds a lease it renews between steps, and a job whose node died is taken over when
 * the lease runs out. Every step is safe to redo: the trust list is written whole, the certificate
 * request is remembered by id, and a private key the GDS generated stays sealed in the job until
 * the target is verified to use the new certificate. A session that dies before ApplyChanges leaves
 * the target as it was (its transaction is discarded).
 */
public final class PushEngine implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PushEngine.class);
  private static final int MAX_ERROR = 1000;
  private static final String DEFAULT_POLICY =
      "http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256";

  /**
   * Test hook, never set in production: {@code -Dgdsvault.push.testPause=POINT} (after-trust-list,
   * before-apply-changes) stops a push at that step for ten minutes and says so on stdout, so a
   * crash test can kill the process at a known point of a push.
   */
  private static final String TEST_PAUSE = System.getProperty("gdsvault.push.testPause", "");

  /** Who the engine is when it files certificate requests: approval still follows the policy. */
  static final Caller PUSH_CALLER =
      new Caller(
          "push",
          EnumSet.of(Role.CERTIFICATE_AUTHORITY_ADMIN),
          null,
          null,
          ChannelSecurity.SIGN_AND_ENCRYPT);

  private final PushRepository repository;
  private final Transactions tx;
  private final TargetConnector connector;
  private final CertificateRequestService certificates;
  private final CertificateGroupService groups;
  private final Function<UUID, Optional<ApplicationRecord>> applications;
  private final DataKeyCipher cipher;
  private final Supplier<X509Certificate> gdsCertificate;
  private final Clock clock;
  private final PushSettings settings;
  private final PushAudit audit;
  private final String nodeId = UUID.randomUUID().toString();
  private final ExecutorService workers;
  private final Semaphore slots;
  private final ScheduledExecutorService scheduler;
  private final ConcurrentHashMap<UUID, Boolean> inFlight = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public PushEngine(
      PushRepository repository,
      Transactions tx,
      TargetConnector connector,
      CertificateRequestService certificates,
      CertificateGroupService groups,
      Function<UUID, Optional<ApplicationRecord>> applications,
      DataKeyCipher cipher,
      Supplier<X509Certificate> gdsCertificate,
      Clock clock,
      PushSettings settings,
      PushAudit audit) {
    this.repository = repository;
    this.tx = tx;
    this.connector = connector;
    this.certificates = certificates;
    this.groups = groups;
    this.applications = applications;
    this.cipher = cipher;
    this.gdsCertificate = gdsCertificate;
    this.clock = clock;
    this.settings = settings;
    this.audit = audit == null ? PushAudit.NONE : audit;
    this.slots = new Semaphore(settings.maxConcurrentPushes());
    this.workers = Executors.newFixedThreadPool(settings.maxConcurrentPushes(), daemon("gds-push"));
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("gds-push-scheduler"));
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Starts polling for due jobs and the renewal scan; subscribes to trust changes. */
  public void start() {
    groups.onChange(g -> fanOutTrust());
    long poll = Math.max(50, settings.poll().toMillis());
    // the futures are not kept: safe() logs every failure and close() stops the scheduler
    var unused =
        scheduler.scheduleWithFixedDelay(
            safe(this::dispatchDue), poll, poll, TimeUnit.MILLISECONDS);
    long scan = Math.max(1000, settings.renewalScan().toMillis());
    var unusedScan =
        scheduler.scheduleWithFixedDelay(
            safe(this::scanRenewals), scan, scan, TimeUnit.MILLISECONDS);
  }

  // ------------------------------------------------------------------ operator API

  /** What {@code push enable} needs; the password is wiped by the caller after the call. */
  // a char[] so the caller can wipe the password; requests are never compared with equals
  @SuppressWarnings("ArrayRecordComponent")
  public record EnableRequest(
      UUID applicationId,
      String endpointUrl,
      String securityPolicyUri,
      String targetUser,
      char[] targetPassword,
      String expectThumbprint,
      KeyMode keyMode) {
    @Override
    public String toString() {
      return "EnableRequest[applicationId=" + applicationId + ", endpoint=" + endpointUrl + "]";
    }
  }

  /**
   * Marks a server application as managed by push: connects once (trust on first use, or checked
   * against the expected thumbprint), pins the certificate the target presents, stores the
   * credentials sealed and queues the first full push. Returns the pinned thumbprint.
   */
  public String enable(Caller caller, EnableRequest r) {
    caller.requireRole(Role.SECURITY_ADMIN);
    ApplicationRecord app =
        applications
            .apply(r.applicationId())
            .orElseThrow(() -> GdsException.notFound("ApplicationId"));
    if (app.applicationType() == ApplicationType.CLIENT) {
      throw GdsException.invalid("push needs a server application");
    }
    String endpoint = checkEndpoint(r.endpointUrl());
    String policy =
        r.securityPolicyUri() == null || r.securityPolicyUri().isBlank()
            ? DEFAULT_POLICY
            : r.securityPolicyUri();
    if (!policy.startsWith("http://opcfoundation.org/UA/SecurityPolicy#")
        || policy.endsWith("#None")) {
      throw GdsException.invalid("the security policy must be a secure OPC UA policy URI");
    }
    if (r.targetUser() == null || r.targetUser().isBlank() || r.targetUser().length() > 256) {
      throw GdsException.invalid("the target user is required");
    }
    if (r.targetPassword() == null
        || r.targetPassword().length == 0
        || r.targetPassword().length > 1024) {
      throw GdsException.invalid("the target password is required");
    }
    String expected =
        r.expectThumbprint() == null || r.expectThumbprint().isBlank()
            ? null
            : normalizeThumbprint(r.expectThumbprint());
    X509Certificate seen;
    try (TargetConnector.Session s =
        connector.connect(
            endpoint,
            policy,
            r.targetUser(),
            r.targetPassword(),
            c -> expected == null || expected.equals(thumbprint(c)))) {
      seen = s.serverCertificate();
      s.supportedPrivateKeyFormats();
    } catch (PushException e) {
      TargetCheckException refused;
      if (expected != null && e.getMessage() != null && e.getMessage().contains("is not trusted")) {
        refused =
            new TargetCheckException(
                "the target's certificate does not have the expected thumbprint "
                    + expected
                    + ": "
                    + e.getMessage());
      } else {
        refused = new TargetCheckException("cannot push to the target: " + e.getMessage());
      }
      audit.record(
          caller.describe(),
          "push.enable",
          r.applicationId().toString(),
          "endpoint=" + endpoint + " error=" + refused.getMessage(),
          "failed");
      throw refused;
    }
    String pinned = thumbprint(seen);
    Instant now = clock.instant();
    byte[] sealed = sealPassword(r.applicationId(), r.targetPassword());
    tx.run(
        () -> {
          Optional<PushTarget> existing = repository.findForUpdate(r.applicationId());
          PushTarget.Builder b =
              existing.map(PushTarget::toBuilder).orElseGet(PushTarget.Builder::new);
          b.applicationId = r.applicationId();
          b.endpointUrl = endpoint;
          b.securityPolicyUri = policy;
          b.targetUser = r.targetUser();
          b.passwordBlob = sealed;
          b.pinnedThumbprint = pinned;
          b.keyMode = r.keyMode() == null ? KeyMode.CSR : r.keyMode();
          b.state = b.state == PushState.RUNNING ? PushState.RUNNING : PushState.PENDING;
          if (b.state == PushState.RUNNING) {
            b.rerunScope = PushScope.FULL.widen(b.rerunScope);
          } else {
            b.scope = PushScope.FULL;
          }
          b.attempts = 0;
          b.lastError = null;
          b.phase = "queued by " + caller.describe();
          b.nextAttemptAt = now;
          b.updatedAt = now;
          if (existing.isEmpty()) {
            b.createdAt = now;
            repository.insert(b.build());
          } else {
            repository.update(b.build());
          }
          audit.record(
              caller.describe(),
              "push.enable",
              r.applicationId().toString(),
              "endpoint="
                  + endpoint
                  + " policy="
                  + policy
                  + " targetUser="
                  + r.targetUser()
                  + " pinned="
                  + pinned
                  + " keyMode="
                  + b.keyMode,
              "ok");
        });
    log.info(
        "push enabled applicationId={} endpoint={} pinned={} by={}",
        r.applicationId(),
        endpoint,
        pinned,
        caller.describe());
    wake();
    return pinned;
  }

  /** Stops managing the target (its certificate and trust list stay as they are). */
  public void disable(Caller caller, UUID applicationId) {
    caller.requireRole(Role.SECURITY_ADMIN);
    boolean removed =
        tx.inTransaction(
            () -> {
              boolean deleted = repository.delete(applicationId);
              if (deleted) {
                audit.record(caller.describe(), "push.disable", applicationId.toString(), "", "ok");
              }
              return deleted;
            });
    if (!removed) {
      throw GdsException.notFound("push target");
    }
    log.info("push disabled applicationId={} by={}", applicationId, caller.describe());
  }

  /** Queues a full push now (operator trigger). */
  public void run(Caller caller, UUID applicationId) {
    caller.requireRole(Role.SECURITY_ADMIN);
    if (!enqueue(applicationId, PushScope.FULL, "run by " + caller.describe())) {
      throw GdsException.notFound("push target");
    }
    audit.record(
        caller.describe(), "push.run", applicationId.toString(), "scope=" + PushScope.FULL, "ok");
    wake();
  }

  /** Every target, or one. */
  public List<PushTarget> status(Caller caller, @Nullable UUID applicationId) {
    caller.requireRole(Role.SECURITY_ADMIN);
    if (applicationId != null) {
      return List.of(
          tx.inTransaction(() -> repository.find(applicationId))
              .orElseThrow(() -> GdsException.notFound("push target")));
    }
    return tx.inTransaction(repository::list);
  }

  /** Status without a caller (in-process views and tests). */
  public Optional<PushTarget> target(UUID applicationId) {
    return tx.inTransaction(() -> repository.find(applicationId));
  }

  // ------------------------------------------------------------------ triggers

  /** Queues a push of the given scope; a running job gets it queued behind. */
  public boolean enqueue(UUID applicationId, PushScope scope, String why) {
    Instant now = clock.instant();
    return tx.inTransaction(
        () -> {
          Optional<PushTarget> t = repository.findForUpdate(applicationId);
          if (t.isEmpty()) {
            return false;
          }
          PushTarget.Builder b = t.get().toBuilder();
          if (b.state == PushState.RUNNING) {
            b.rerunScope = scope.widen(b.rerunScope);
          } else {
            b.scope =
                b.state == PushState.PENDING
                        || (b.state == PushState.FAILED && b.nextAttemptAt != null)
                    ? scope.widen(b.scope)
                    : scope;
            b.state = PushState.PENDING;
            b.attempts = 0;
            b.nextAttemptAt = now;
            b.phase = "queued: " + why;
          }
          b.updatedAt = now;
          repository.update(b.build());
          return true;
        });
  }

  /** A CA or CRL changed: every target gets the new trust list. */
  public void fanOutTrust() {
    if (closed) {
      return;
    }
    int n = 0;
    for (PushTarget t : tx.inTransaction(repository::list)) {
      if (enqueue(t.applicationId(), PushScope.TRUST, "trust list changed")) {
        n++;
      }
    }
    if (n > 0) {
      log.info("trust change: queued trust list push to {} targets", n);
      wake();
    }
  }

  /**
   * Queues a full push for targets whose certificate passed the configured share of its life, is
   * not from the current CA of its type (CA rollover), or was revoked.
   */
  public int scanRenewals() {
    Instant now = clock.instant();
    int n = 0;
    for (PushTarget t : tx.inTransaction(repository::list)) {
      boolean fullQueued =
          (t.state() == PushState.PENDING || t.state() == PushState.RUNNING)
              && (t.scope() == PushScope.FULL || t.rerunScope() == PushScope.FULL);
      if (fullQueued || t.certificateDer() == null) {
        continue;
      }
      String why = renewalReason(t, now);
      if (why != null && enqueue(t.applicationId(), PushScope.FULL, why)) {
        log.info("renewal queued applicationId={} reason={}", t.applicationId(), why);
        n++;
      }
    }
    if (n > 0) {
      wake();
    }
    return n;
  }

  private @Nullable String renewalReason(PushTarget t, Instant now) {
    byte[] der = Objects.requireNonNull(t.certificateDer(), "only targets with a certificate");
    X509Certificate cert = parse(der);
    Instant nb = cert.getNotBefore().toInstant();
    Instant na = cert.getNotAfter().toInstant();
    long life = Duration.between(nb, na).toMillis();
    if (Duration.between(nb, now).toMillis() >= (long) (life * settings.renewAfterShare())) {
      return "certificate passed "
          + Math.round(settings.renewAfterShare() * 100)
          + "% of its lifetime";
    }
    Optional<CertificateGroupService.Issuer> issuer = groups.issuerOf(cert);
    if (issuer.isEmpty()) {
      return "certificate is not from a CA of this GDS";
    }
    GroupCertificateType type = issuer.get().type();
    if (!issuer.get().chain().get(0).equals(type.ca().currentCaCertificate())) {
      return "certificate is from a previous CA";
    }
    if (groups.revocationStatus(der).status() == RevocationStatus.Status.REVOKED) {
      return "certificate was revoked";
    }
    return null;
  }

  // ------------------------------------------------------------------ dispatch

  /** Looks for due jobs now instead of at the next poll. */
  public void wake() {
    if (!closed) {
      scheduler.execute(safe(this::dispatchDue));
    }
  }

  /** Claims due jobs (as many as free slots) and runs them on the workers. */
  void dispatchDue() {
    if (closed) {
      return;
    }
    int free = slots.availablePermits();
    if (free <= 0) {
      return;
    }
    Instant now = clock.instant();
    List<PushTarget> claimed =
        tx.inTransaction(
            () -> {
              List<PushTarget> out = new ArrayList<>();
              for (PushTarget t : repository.lockDue(now, free)) {
                if (inFlight.containsKey(t.applicationId())) {
                  continue;
                }
                PushTarget.Builder b = t.toBuilder();
                if (t.state() == PushState.RUNNING) {
                  log.warn(
                      "push job of applicationId={} was interrupted (node {}); redoing it",
                      t.applicationId(),
                      t.claimedBy());
                }
                b.state = PushState.RUNNING;
                b.claimedBy = nodeId;
                b.leaseUntil = now.plus(settings.lease());
                b.updatedAt = now;
                PushTarget c = b.build();
                repository.update(c);
                out.add(c);
              }
              return out;
            });
    for (PushTarget t : claimed) {
      if (!slots.tryAcquire()) {
        release(t, "no free push slot");
        continue;
      }
      inFlight.put(t.applicationId(), Boolean.TRUE);
      try {
        workers.execute(
            () -> {
              try {
                execute(t);
              } finally {
                inFlight.remove(t.applicationId());
                slots.release();
                wake();
              }
            });
      } catch (RuntimeException e) {
        inFlight.remove(t.applicationId());
        slots.release();
        release(t, "engine is stopping");
      }
    }
  }

  private void release(PushTarget t, String why) {
    tx.run(
        () ->
            repository
                .findForUpdate(t.applicationId())
                .ifPresent(
                    c -> {
                      PushTarget.Builder b = c.toBuilder();
                      b.state = PushState.PENDING;
                      b.claimedBy = null;
                      b.leaseUntil = null;
                      b.phase = why;
                      repository.update(b.build());
                    }));
  }

  // ------------------------------------------------------------------ one push

  private void execute(PushTarget job) {
    MDC.put("applicationId", job.applicationId().toString());
    MDC.put("jobId", job.applicationId() + "/" + nodeId.substring(0, 8));
    char[] password = null;
    try {
      ApplicationRecord app =
          applications
              .apply(job.applicationId())
              .orElseThrow(() -> new PushException("the application is no longer registered"));
      password = openPassword(job);
      PushScope scope = job.scope();
      Certificate pending = null;
      String trustNote = "";
      TargetConnector.Session s =
          connector.connect(
              job.endpointUrl(),
              job.securityPolicyUri(),
              job.targetUser(),
              password,
              serverTrust(job));
      try {
        List<String> formats = s.supportedPrivateKeyFormats();
        List<String> types = s.certificateTypes();
        log.debug("target formats={} types={}", formats, types);
        progress(job, "writing trust list");
        try {
          TrustListContent wanted = trustListFor();
          if (s.writeTrustList(wanted)) {
            s.applyChanges();
            // targets may restart their endpoints on ApplyChanges: continue on a fresh session
            s.close();
            s = reconnect(job, password);
            s.certificateTypes();
          }
          TrustListContent readBack = s.readTrustList();
          List<byte[]> missing =
              missing(wanted.trustedCertificates(), readBack.trustedCertificates());
          if (!missing(wanted.trustedCrls(), readBack.trustedCrls()).isEmpty()) {
            // e.g. node-opcua 2.157 answers CloseAndUpdate with Good but ignores the upload, and
            // Part 12 has no other method that carries a CRL: say so in the job and the audit row
            trustNote = "; the target did not keep our CRLs (read back without them)";
            log.warn(
                "target applicationId={} did not take the CRLs of the trust list write",
                job.applicationId());
          }
          if (!missing.isEmpty()) {
            log.warn(
                "target ignored the trust list write; adding {} certificates with AddCertificate",
                missing.size());
            for (byte[] c : missing) {
              s.addCertificate(c, true);
            }
            s.applyChanges();
            s.close();
            s = reconnect(job, password);
            s.certificateTypes();
          }
        } catch (PushException e) {
          throw new PushException("writing the trust list: " + e.getMessage(), e);
        }
        if (scope == PushScope.TRUST) {
          succeed(job, null, "trust list written" + trustNote);
          return;
        }
        testPause("after-trust-list");
        progress(job, "obtaining certificate");
        pending = obtainCertificate(job, app, s, formats);
        if (pending == null) {
          return; // waiting for approval: the job stays pending
        }
        progress(job, "updating certificate");
        boolean apply;
        try {
          apply =
              s.updateCertificate(
                  pending.der(), pending.issuers(), pending.keyFormat(), pending.key());
        } catch (PushException e) {
          // the target refused this certificate: a new request next time
          forgetRequest(job);
          throw new PushException("the target refused the certificate: " + e.getMessage(), e);
        }
        if (apply) {
          testPause("before-apply-changes");
          s.applyChanges();
        }
      } finally {
        s.close();
        if (pending != null && pending.key() != null) {
          Arrays.fill(pending.key(), (byte) 0);
        }
      }
      progress(job, "verifying the new certificate");
      verify(job, pending);
      succeed(job, pending, "certificate installed" + trustNote);
    } catch (PushException | GdsException e) {
      fail(job, e.getMessage());
    } catch (RuntimeException e) {
      log.error("push failed unexpectedly applicationId={}", job.applicationId(), e);
      fail(job, "internal error: " + e.getClass().getSimpleName());
    } finally {
      if (password != null) {
        Arrays.fill(password, '\0');
      }
      MDC.remove("applicationId");
      MDC.remove("jobId");
    }
  }

  /** A certificate ready to install: DER, issuer chain (DER), and a key when the GDS made one. */
  // the key bytes are wiped after use, so they stay an array; never compared with equals
  @SuppressWarnings("ArrayRecordComponent")
  private record Certificate(
      byte[] der,
      List<byte[]> issuers,
      @Nullable String keyFormat,
      byte @Nullable [] key,
      X509Certificate x509) {}

  private @Nullable Certificate obtainCertificate(
      PushTarget job, ApplicationRecord app, TargetConnector.Session s, List<String> formats) {
    UUID requestId = job.requestId();
    if (requestId == null) {
      requestId = fileRequest(job, app, s, formats);
    }
    CertificateRequestRecord r;
    try {
      r = certificates.show(PUSH_CALLER, requestId).getKey();
    } catch (GdsException e) {
      forgetRequest(job);
      throw new PushException("the certificate request disappeared; a new one is made next time");
    }
    switch (r.state()) {
      case NEW -> {
        waitForApproval(job, "waiting for approval of request " + requestId);
        return null;
      }
      case APPROVED -> {
        if (!r.issued()) {
          waitForApproval(job, "request " + requestId + " is being issued");
          return null;
        }
        FinishResult f = certificates.finish(PUSH_CALLER, job.applicationId(), requestId);
        byte[] key = f.privateKey();
        String format = r.privateKeyFormat() == null ? null : r.privateKeyFormat().name();
        if (key != null) {
          byte[] sealed = cipher.seal(key, aad("key", job.applicationId(), requestId));
          UUID rid = requestId;
          tx.run(
              () ->
                  repository
                      .findForUpdate(job.applicationId())
                      .ifPresent(
                          t -> {
                            PushTarget.Builder b = t.toBuilder();
                            b.keyBlob = sealed;
                            b.requestId = rid;
                            repository.update(b.build());
                          }));
        }
        return new Certificate(
            f.certificate(), f.issuerCertificates(), format, key, parse(f.certificate()));
      }
      case ACCEPTED -> {
        // delivered in an earlier attempt: the certificate is in the request, the key in the job
        byte[] key = null;
        String format = null;
        if (r.kind() == RequestKind.NEW_KEY_PAIR) {
          PushTarget current =
              tx.inTransaction(() -> repository.find(job.applicationId())).orElseThrow();
          if (current.keyBlob() == null) {
            forgetRequest(job);
            throw new PushException(
                "the key of request "
                    + requestId
                    + " was not kept; a new request is made next time");
          }
          key = cipher.open(current.keyBlob(), aad("key", job.applicationId(), requestId));
          format = r.privateKeyFormat() == null ? null : r.privateKeyFormat().name();
        }
        byte[] der =
            java.util.Objects.requireNonNull(
                r.certificateDer(), "approved request has no certificate");
        X509Certificate x = parse(der);
        return new Certificate(der, issuerChain(x), format, key, x);
      }
      case REJECTED -> {
        forgetRequest(job);
        throw new PushException(
            "request "
                + requestId
                + " was rejected"
                + (r.decisionText() == null || r.decisionText().isBlank()
                    ? ""
                    : ": " + r.decisionText()));
      }
      default -> {
        forgetRequest(job);
        throw new PushException(
            "request " + requestId + " is " + r.state().label() + "; a new one is made next time");
      }
    }
  }

  private UUID fileRequest(
      PushTarget job, ApplicationRecord app, TargetConnector.Session s, List<String> formats) {
    UUID id = null;
    if (job.keyMode() == KeyMode.CSR) {
      try {
        byte[] csr = s.createSigningRequest();
        id = certificates.startSigningRequest(PUSH_CALLER, app.applicationId(), null, null, csr);
        log.info("push filed signing request requestId={}", id);
      } catch (PushException e) {
        if (!e.notSupported()) {
          throw e;
        }
        log.info("target has no CreateSigningRequest; using a new key pair");
      } catch (GdsException e) {
        throw new PushException(
            "the GDS refused the target's signing request: " + e.getMessage(), e);
      }
    }
    if (id == null) {
      String format =
          formats.stream()
              .map(f -> f.toUpperCase(Locale.ROOT))
              .filter(f -> f.equals("PEM"))
              .findFirst()
              .orElseGet(
                  () ->
                      formats.stream()
                          .map(f -> f.toUpperCase(Locale.ROOT))
                          .filter(f -> f.equals("PFX"))
                          .findFirst()
                          .orElse(null));
      if (format == null) {
        throw new PushException(
            "the target supports no private key format the GDS can deliver (PEM, PFX)");
      }
      String host = URI.create(job.endpointUrl()).getHost();
      List<String> names = host == null ? List.of() : List.of(host);
      id =
          certificates.startNewKeyPairRequest(
              PUSH_CALLER, app.applicationId(), null, null, null, names, format, null);
      log.info("push filed new key pair request requestId={} format={}", id, format);
    }
    UUID rid = id;
    tx.run(
        () ->
            repository
                .findForUpdate(job.applicationId())
                .ifPresent(
                    t -> {
                      PushTarget.Builder b = t.toBuilder();
                      b.requestId = rid;
                      b.keyBlob = null;
                      repository.update(b.build());
                    }));
    return id;
  }

  /** A new session, retried while the target restarts its endpoints (bounded by verifyTimeout). */
  private TargetConnector.Session reconnect(PushTarget job, char[] password) {
    Instant deadline = clock.instant().plus(settings.verifyTimeout());
    sleep(200);
    while (true) {
      try {
        return connector.connect(
            job.endpointUrl(),
            job.securityPolicyUri(),
            job.targetUser(),
            password,
            serverTrust(job));
      } catch (PushException e) {
        if (clock.instant().isAfter(deadline) || closed) {
          throw new PushException("reconnecting after ApplyChanges: " + e.getMessage(), e);
        }
        sleep(300);
      }
    }
  }

  /** Reconnects until the endpoint and the handshake present the new certificate. */
  private void verify(PushTarget job, Certificate installed) {
    String expected = thumbprint(installed.x509());
    Instant deadline = clock.instant().plus(settings.verifyTimeout());
    String last = "no answer";
    char[] password = openPassword(job);
    try {
      while (true) {
        try {
          List<X509Certificate> advertised =
              connector.endpointCertificates(job.endpointUrl(), job.securityPolicyUri());
          if (advertised.stream().noneMatch(c -> expected.equals(thumbprint(c)))) {
            last =
                "the endpoint still advertises "
                    + advertised.stream().map(PushEngine::thumbprint).toList();
          } else {
            try (TargetConnector.Session s =
                connector.connect(
                    job.endpointUrl(),
                    job.securityPolicyUri(),
                    job.targetUser(),
                    password,
                    c -> expected.equals(thumbprint(c)))) {
              if (expected.equals(thumbprint(s.serverCertificate()))) {
                return;
              }
              last = "the handshake presented " + thumbprint(s.serverCertificate());
            }
          }
        } catch (PushException e) {
          last = e.getMessage();
        }
        if (clock.instant().isAfter(deadline) || closed) {
          throw new PushException(
              "the target does not present the new certificate " + expected + ": " + last);
        }
        sleep(300);
      }
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static void testPause(String point) {
    if (point.equals(TEST_PAUSE)) {
      System.out.println("push test pause at " + point);
      System.out.flush();
      sleep(TimeUnit.MINUTES.toMillis(10));
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PushException("interrupted");
    }
  }

  // ------------------------------------------------------------------ job records

  private void progress(PushTarget job, String phase) {
    Instant now = clock.instant();
    tx.run(
        () ->
            repository
                .findForUpdate(job.applicationId())
                .ifPresent(
                    t -> {
                      PushTarget.Builder b = t.toBuilder();
                      b.phase = phase;
                      b.leaseUntil = now.plus(settings.lease());
                      b.updatedAt = now;
                      repository.update(b.build());
                    }));
  }

  private void waitForApproval(PushTarget job, String phase) {
    Instant now = clock.instant();
    tx.run(
        () ->
            repository
                .findForUpdate(job.applicationId())
                .ifPresent(
                    t -> {
                      PushTarget.Builder b = t.toBuilder();
                      b.state = PushState.PENDING;
                      b.phase = phase;
                      b.claimedBy = null;
                      b.leaseUntil = null;
                      b.nextAttemptAt = now.plus(settings.poll());
                      b.updatedAt = now;
                      repository.update(b.build());
                    }));
    log.info("push waits: {}", phase);
  }

  private void forgetRequest(PushTarget job) {
    tx.run(
        () ->
            repository
                .findForUpdate(job.applicationId())
                .ifPresent(
                    t -> {
                      PushTarget.Builder b = t.toBuilder();
                      b.requestId = null;
                      b.keyBlob = null;
                      repository.update(b.build());
                    }));
  }

  private void succeed(PushTarget job, @Nullable Certificate installed, String what) {
    Instant now = clock.instant();
    tx.run(
        () ->
            repository
                .findForUpdate(job.applicationId())
                .ifPresent(
                    t -> {
                      PushTarget.Builder b = t.toBuilder();
                      b.lastPush = now;
                      b.lastError = null;
                      b.attempts = 0;
                      b.claimedBy = null;
                      b.leaseUntil = null;
                      b.phase = what;
                      if (installed != null) {
                        b.requestId = null;
                        b.keyBlob = null;
                        b.certificateDer = installed.der();
                        b.certificateThumbprint = thumbprint(installed.x509());
                        b.notBefore = installed.x509().getNotBefore().toInstant();
                        b.notAfter = installed.x509().getNotAfter().toInstant();
                      }
                      finishOrRerun(b, now, PushState.SUCCEEDED);
                      repository.update(b.build());
                      audit.record(
                          PUSH_CALLER.describe(),
                          "push.succeeded",
                          job.applicationId().toString(),
                          "endpoint="
                              + job.endpointUrl()
                              + " scope="
                              + job.scope()
                              + " phase="
                              + what
                              + (installed == null
                                  ? ""
                                  : " thumbprint="
                                      + thumbprint(installed.x509())
                                      + " notAfter="
                                      + installed.x509().getNotAfter().toInstant()),
                          "ok");
                    }));
    if (installed != null) {
      log.info(
          "push succeeded applicationId={} thumbprint={} notAfter={}",
          job.applicationId(),
          thumbprint(installed.x509()),
          installed.x509().getNotAfter().toInstant());
    } else {
      log.info("push succeeded applicationId={} ({})", job.applicationId(), what);
    }
  }

  private void fail(PushTarget job, @Nullable String message) {
    String error =
        message == null
            ? "failed"
            : message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message;
    Instant now = clock.instant();
    int[] attempts = new int[1];
    tx.run(
        () ->
            repository
                .findForUpdate(job.applicationId())
                .ifPresent(
                    t -> {
                      PushTarget.Builder b = t.toBuilder();
                      b.attempts = t.attempts() + 1;
                      attempts[0] = b.attempts;
                      b.lastError = error;
                      b.claimedBy = null;
                      b.leaseUntil = null;
                      b.phase = "failed";
                      b.state = PushState.FAILED;
                      b.nextAttemptAt =
                          b.attempts < settings.maxAttempts()
                              ? now.plus(settings.backoff(b.attempts))
                              : null;
                      if (b.rerunScope != null) {
                        b.scope = b.rerunScope.widen(b.scope);
                        b.rerunScope = null;
                      }
                      b.updatedAt = now;
                      repository.update(b.build());
                      audit.record(
                          PUSH_CALLER.describe(),
                          "push.failed",
                          job.applicationId().toString(),
                          "endpoint="
                              + job.endpointUrl()
                              + " scope="
                              + job.scope()
                              + " phase="
                              + t.phase()
                              + " attempt="
                              + b.attempts
                              + " error="
                              + error,
                          "failed");
                    }));
    log.warn(
        "push failed applicationId={} attempt={} error={}",
        job.applicationId(),
        attempts[0],
        error);
  }

  private static void finishOrRerun(PushTarget.Builder b, Instant now, PushState done) {
    if (b.rerunScope != null) {
      b.state = PushState.PENDING;
      b.scope = b.rerunScope;
      b.rerunScope = null;
      b.nextAttemptAt = now;
    } else {
      b.state = done;
      b.nextAttemptAt = null;
    }
    b.updatedAt = now;
  }

  // ------------------------------------------------------------------ helpers

  /**
   * The list we push: our CAs and CRLs of the DefaultApplicationGroup, plus our own certificate.
   */
  TrustListContent trustListFor() {
    CertificateGroup g = groups.requireGroup(CertificateGroup.DEFAULT_APPLICATION_GROUP);
    TrustListContent ours = groups.trustList(g);
    List<byte[]> trusted = new ArrayList<>(ours.trustedCertificates());
    try {
      trusted.add(gdsCertificate.get().getEncoded());
    } catch (GeneralSecurityException e) {
      throw new PushException("the GDS certificate cannot be encoded", e);
    }
    return new TrustListContent(trusted, ours.trustedCrls(), List.of(), List.of());
  }

  /**
   * The target's handshake certificate is trusted when it is the pinned one, the one the last push
   * installed, or one of our CAs issued that is not revoked.
   */
  private Predicate<X509Certificate> serverTrust(PushTarget job) {
    return c -> {
      String t = thumbprint(c);
      if (t.equals(job.pinnedThumbprint()) || t.equals(job.certificateThumbprint())) {
        return true;
      }
      try {
        return groups.revocationStatus(c.getEncoded()).status() == RevocationStatus.Status.GOOD;
      } catch (GeneralSecurityException e) {
        return false;
      }
    };
  }

  private static List<byte[]> missing(List<byte[]> wanted, List<byte[]> present) {
    List<byte[]> out = new ArrayList<>();
    for (byte[] w : wanted) {
      if (present.stream().noneMatch(p -> Arrays.equals(p, w))) {
        out.add(w);
      }
    }
    return out;
  }

  private List<byte[]> issuerChain(X509Certificate cert) {
    List<byte[]> out = new ArrayList<>();
    for (X509Certificate c :
        groups.issuerOf(cert).map(CertificateGroupService.Issuer::chain).orElse(List.of())) {
      try {
        out.add(c.getEncoded());
      } catch (GeneralSecurityException e) {
        throw new PushException("an issuer certificate cannot be encoded", e);
      }
    }
    return out;
  }

  private byte[] sealPassword(UUID applicationId, char[] password) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
    byte[] exact = new byte[encoded.remaining()];
    encoded.get(exact);
    encoded.clear().put(new byte[encoded.capacity()]);
    try {
      return cipher.seal(exact, aad("password", applicationId, null));
    } finally {
      Arrays.fill(exact, (byte) 0);
    }
  }

  private char[] openPassword(PushTarget job) {
    byte[] raw;
    try {
      raw = cipher.open(job.passwordBlob(), aad("password", job.applicationId(), null));
    } catch (IllegalStateException e) {
      throw new PushException(
          "the stored target credentials cannot be decrypted (data key changed?)");
    }
    try {
      var chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(raw));
      char[] out = new char[chars.remaining()];
      chars.get(out);
      Arrays.fill(chars.array(), '\0');
      return out;
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  private static byte[] aad(String what, UUID applicationId, @Nullable UUID requestId) {
    return ("push " + what + " " + applicationId + (requestId == null ? "" : " " + requestId))
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static String checkEndpoint(String url) {
    if (url == null || url.length() > 1024) {
      throw GdsException.invalid("the endpoint URL is required");
    }
    try {
      URI u = URI.create(url.trim());
      if (!"opc.tcp".equalsIgnoreCase(u.getScheme()) || u.getHost() == null || u.getPort() <= 0) {
        throw GdsException.invalid("the endpoint must be an opc.tcp://HOST:PORT URL");
      }
      return u.toString();
    } catch (IllegalArgumentException e) {
      throw GdsException.invalid("the endpoint must be an opc.tcp://HOST:PORT URL");
    }
  }

  static String normalizeThumbprint(String t) {
    String s = t.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
    if (!s.matches("[0-9a-f]{40}")) {
      throw GdsException.invalid("the thumbprint must be 40 hexadecimal digits (SHA-1)");
    }
    return s;
  }

  /** SHA-1 hex (lower case) of the DER encoding, as OPC UA thumbprints are. */
  public static String thumbprint(X509Certificate c) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(c.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-1 is not available", e);
    }
  }

  static X509Certificate parse(byte[] der) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw new PushException("a stored certificate cannot be read", e);
    }
  }

  private static Runnable safe(Runnable r) {
    return () -> {
      try {
        r.run();
      } catch (RuntimeException e) {
        log.warn("push scheduler task failed", e);
      }
    };
  }

  @Override
  public void close() {
    closed = true;
    scheduler.shutdownNow();
    workers.shutdownNow();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
