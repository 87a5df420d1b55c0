package io.gdsvault.gds.push;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A server application managed by push: how to reach it, its push job and its certificate types
 * (each with the request of the push under way and the certificate installed last; the first is the
 * primary one, which the endpoint presents). Immutable; every change is a named transition (see
 * {@link PushJob} for the job's), and the repository stores the result.
 */
public record PushTarget(
    UUID applicationId,
    TargetAccess access,
    PushJob job,
    List<CertificateSlot> certificates,
    Instant createdAt,
    Instant updatedAt) {

  public PushTarget {
    certificates = List.copyOf(certificates);
  }

  // ------------------------------------------------------------------ transitions

  /** Push enabled for a new target: the first full push is due now. */
  static PushTarget enabled(UUID applicationId, TargetAccess access, String phase, Instant now) {
    return new PushTarget(applicationId, access, PushJob.first(phase, now), List.of(), now, now);
  }

  /** Push enabled again (new credentials or pin): a full push is queued. */
  PushTarget reEnabled(TargetAccess nextAccess, String phase, Instant now) {
    return new PushTarget(
        applicationId, nextAccess, job.reEnabled(phase, now), certificates, createdAt, now);
  }

  PushTarget queued(PushScope scope, String why, Instant now) {
    return withJob(job.queued(scope, why, now), now);
  }

  PushTarget claimed(String node, Instant now, Duration lease) {
    return withJob(job.claimed(node, now.plus(lease)), now);
  }

  PushTarget progressed(String node, String phase, Instant now, Duration lease) {
    return withJob(job.progressed(node, phase, now.plus(lease)), now);
  }

  PushTarget awaitingApproval(String phase, Instant now, Duration poll) {
    return withJob(job.awaitingApproval(phase, now.plus(poll)), now);
  }

  PushTarget released(String why) {
    return withJob(job.released(why), updatedAt);
  }

  PushTarget trustWritten(PushJob.TrustWritten written) {
    return withJob(job.withTrust(written), updatedAt);
  }

  /**
   * The certificate types the target lists now, primary first: a type it still lists keeps its
   * installed certificate and its request in flight.
   */
  PushTarget planned(List<CertificateSlot> plan) {
    List<CertificateSlot> next = new ArrayList<>();
    for (CertificateSlot p : plan) {
      CertificateSlot before = slot(p.type()).orElse(null);
      next.add(
          p.isSkipped() || before == null
              ? p
              : new CertificateSlot(p.type(), null, before.inFlight(), before.installed()));
    }
    return withSlots(next);
  }

  PushTarget requestFiled(String type, UUID requestId) {
    return withSlot(type, s -> s.withInFlight(new CertificateSlot.InFlight(requestId, null)));
  }

  PushTarget keyKept(String type, UUID requestId, byte[] keyBlob) {
    return withSlot(type, s -> s.withInFlight(new CertificateSlot.InFlight(requestId, keyBlob)));
  }

  /** The request for {@code type} is of no further use: the next attempt files a new one. */
  PushTarget requestForgotten(String type) {
    return withSlot(type, s -> s.withInFlight(null));
  }

  /** The push ended well; a full push leaves its certificates installed and their requests done. */
  PushTarget succeeded(Map<String, InstalledCertificate> installed, String what, Instant now) {
    List<CertificateSlot> next = new ArrayList<>();
    for (CertificateSlot s : certificates) {
      InstalledCertificate c = installed.get(s.type());
      next.add(c == null ? s : s.installed(c));
    }
    return new PushTarget(applicationId, access, job.succeeded(what, now), next, createdAt, now);
  }

  PushTarget failed(String error, Instant now, PushSettings settings) {
    return withJob(job.failed(error, now, settings), now);
  }

  /** Whether {@code node} holds the lease of this (running) job. */
  boolean heldBy(String node) {
    PushJob.Lease lease = job.lease();
    return lease != null && lease.node().equals(node);
  }

  Optional<CertificateSlot> slot(String type) {
    return certificates.stream().filter(s -> s.type().equals(type)).findFirst();
  }

  /** The types the GDS issues, primary (the one the endpoint presents) first. */
  List<CertificateSlot> issuedSlots() {
    return certificates.stream().filter(s -> !s.isSkipped()).toList();
  }

  private PushTarget withSlot(String type, UnaryOperator<CertificateSlot> change) {
    if (slot(type).isEmpty()) {
      throw new IllegalStateException("the target has no certificate type " + type);
    }
    return withSlots(
        certificates.stream().map(s -> s.type().equals(type) ? change.apply(s) : s).toList());
  }

  private PushTarget withSlots(List<CertificateSlot> next) {
    return new PushTarget(applicationId, access, job, next, createdAt, updatedAt);
  }

  private PushTarget withJob(PushJob next, Instant now) {
    return new PushTarget(applicationId, access, next, certificates, createdAt, now);
  }

  /** The primary certificate type (the endpoint's), once known. */
  private Optional<CertificateSlot> primary() {
    return certificates.stream().findFirst().filter(s -> !s.isSkipped());
  }

  // ------------------------------------------------------------------ views

  public String endpointUrl() {
    return access.endpointUrl();
  }

  public String securityPolicyUri() {
    return access.securityPolicyUri();
  }

  public String targetUser() {
    return access.targetUser();
  }

  public byte[] passwordBlob() {
    return access.passwordBlob();
  }

  public String pinnedThumbprint() {
    return access.pinnedThumbprint();
  }

  public KeyMode keyMode() {
    return access.keyMode();
  }

  public PushState state() {
    return job.state();
  }

  public PushScope scope() {
    return job.scope();
  }

  public @Nullable PushScope rerunScope() {
    return job.rerunScope();
  }

  public @Nullable String phase() {
    return job.phase();
  }

  public int attempts() {
    return job.attempts();
  }

  public @Nullable String lastError() {
    return job.lastError();
  }

  public @Nullable Instant lastPush() {
    return job.lastPush();
  }

  public @Nullable Instant nextAttemptAt() {
    return job.nextAttemptAt();
  }

  public @Nullable Instant leaseUntil() {
    PushJob.Lease lease = job.lease();
    return lease == null ? null : lease.until();
  }

  public @Nullable String claimedBy() {
    PushJob.Lease lease = job.lease();
    return lease == null ? null : lease.node();
  }

  /** The certificate request of the push in flight, or null. */
  public @Nullable UUID requestId() {
    return primary()
        .map(CertificateSlot::inFlight)
        .map(CertificateSlot.InFlight::requestId)
        .orElse(null);
  }

  /** The sealed private key the GDS generated for the push in flight, or null. */
  public byte @Nullable [] keyBlob() {
    CertificateSlot.InFlight f = primary().map(CertificateSlot::inFlight).orElse(null);
    return f == null ? null : f.keyBlob();
  }

  /** The certificate verified on the target by the last full push, or null. */
  public byte @Nullable [] certificateDer() {
    InstalledCertificate c = installed();
    return c == null ? null : c.der();
  }

  public @Nullable String certificateThumbprint() {
    InstalledCertificate c = installed();
    return c == null ? null : c.thumbprint();
  }

  public @Nullable Instant notBefore() {
    InstalledCertificate c = installed();
    return c == null ? null : c.notBefore();
  }

  public @Nullable Instant notAfter() {
    InstalledCertificate c = installed();
    return c == null ? null : c.notAfter();
  }

  /**
   * Every certificate type, one line each ({@link CertificateSlot#describe()}): what push status
   * shows beside the primary certificate.
   */
  public String certificateSummary() {
    return String.join("\n", certificates.stream().map(CertificateSlot::describe).toList());
  }

  /** The certificate of the primary type verified on the target by the last full push. */
  public @Nullable InstalledCertificate installed() {
    return primary().map(CertificateSlot::installed).orElse(null);
  }

  @Override
  public String toString() {
    return "PushTarget[applicationId="
        + applicationId
        + ", endpoint="
        + access.endpointUrl()
        + ", state="
        + job.state()
        + "]";
  }
}
