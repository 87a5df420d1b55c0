package io.gdsvault.gds.push;

import io.gdsvault.gds.persistence.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job store: applies transitions to stored targets, each in its own transaction on the locked
 * row, and records the end of every push in the audit trail in the same transaction. A running job
 * is changed only by the node that holds its lease: a node whose job was taken over stops.
 */
final class PushJobs {

  private static final Logger log = LoggerFactory.getLogger(PushJobs.class);
  private static final int MAX_ERROR = 1000;

  private final PushRepository repository;
  private final Transactions tx;
  private final PushAudit audit;
  private final Clock clock;
  private final PushSettings settings;

  PushJobs(
      PushRepository repository,
      Transactions tx,
      PushAudit audit,
      Clock clock,
      PushSettings settings) {
    this.repository = repository;
    this.tx = tx;
    this.audit = audit;
    this.clock = clock;
    this.settings = settings;
  }

  Transactions tx() {
    return tx;
  }

  PushRepository repository() {
    return repository;
  }

  Optional<PushTarget> find(UUID applicationId) {
    return tx.inTransaction(() -> repository.find(applicationId));
  }

  List<PushTarget> list() {
    return tx.inTransaction(repository::list);
  }

  /** Applies {@code transition} to the stored target; empty when it no longer exists. */
  Optional<PushTarget> change(UUID applicationId, UnaryOperator<PushTarget> transition) {
    return tx.inTransaction(
        () ->
            repository
                .findForUpdate(applicationId)
                .map(
                    t -> {
                      PushTarget next = transition.apply(t);
                      repository.update(next);
                      return next;
                    }));
  }

  /**
   * Applies a transition of a running job for the node that runs it.
   *
   * @throws PushException {@code LEASE_LOST} when another node holds the job now
   */
  PushTarget changeOwn(UUID applicationId, String node, UnaryOperator<PushTarget> transition) {
    return tx.inTransaction(
        () -> {
          PushTarget t =
              repository
                  .findForUpdate(applicationId)
                  .orElseThrow(
                      () ->
                          new PushException(
                              PushException.Kind.LEASE_LOST, "push was disabled meanwhile"));
          if (!t.heldBy(node)) {
            throw new PushException(
                PushException.Kind.LEASE_LOST,
                "the job was taken over by node " + t.claimedBy() + " meanwhile");
          }
          PushTarget next = transition.apply(t);
          repository.update(next);
          return next;
        });
  }

  /**
   * Claims up to {@code limit} due jobs for {@code node}, skipping those in {@code running} (this
   * node runs them already).
   */
  List<PushTarget> claimDue(String node, int limit, Set<UUID> running) {
    Instant now = clock.instant();
    return tx.inTransaction(
        () -> {
          List<PushTarget> out = new ArrayList<>();
          for (PushTarget t : repository.lockDue(now, limit)) {
            if (running.contains(t.applicationId())) {
              continue;
            }
            if (t.state() == PushState.RUNNING) {
              log.warn(
                  "push job of applicationId={} was interrupted (node {}); redoing it",
                  t.applicationId(),
                  t.claimedBy());
            }
            PushTarget claimed = t.claimed(node, now, settings.lease());
            repository.update(claimed);
            out.add(claimed);
          }
          return out;
        });
  }

  /** Renews the lease and names the step a running job is at. */
  PushTarget progress(PushTarget job, String node, String phase) {
    return changeOwn(
        job.applicationId(),
        node,
        t -> t.progressed(node, phase, clock.instant(), settings.lease()));
  }

  /** The push waits for its certificate request: due again after the poll interval. */
  void awaitApproval(PushTarget job, String node, String phase) {
    changeOwn(
        job.applicationId(),
        node,
        t -> t.awaitingApproval(phase, clock.instant(), settings.poll()));
    log.info("push waits: {}", phase);
  }

  void trustWritten(PushTarget job, String node, PushJob.TrustWritten written) {
    changeOwn(job.applicationId(), node, t -> t.trustWritten(written));
  }

  PushTarget planned(PushTarget job, String node, List<CertificateSlot> plan) {
    return changeOwn(job.applicationId(), node, t -> t.planned(plan));
  }

  PushTarget requestFiled(PushTarget job, String node, String type, UUID requestId) {
    return changeOwn(job.applicationId(), node, t -> t.requestFiled(type, requestId));
  }

  void keyKept(PushTarget job, String node, String type, UUID requestId, byte[] keyBlob) {
    changeOwn(job.applicationId(), node, t -> t.keyKept(type, requestId, keyBlob));
  }

  void forgetRequest(PushTarget job, String node, String type) {
    changeOwn(job.applicationId(), node, t -> t.requestForgotten(type));
  }

  /**
   * Records a push that ended well, with its audit row; {@code installed} holds the certificate of
   * each type a full push installed, the primary type first (empty for a trust list push).
   */
  void succeeded(
      PushTarget job, String node, Map<String, InstalledCertificate> installed, String what) {
    Instant now = clock.instant();
    changeOwn(
        job.applicationId(),
        node,
        t -> {
          PushTarget done = t.succeeded(installed, what, now);
          audit.record(
              CertificateRequests.PUSH_CALLER.describe(),
              "push.succeeded",
              job.applicationId().toString(),
              "endpoint="
                  + job.endpointUrl()
                  + " scope="
                  + job.scope()
                  + " phase="
                  + what
                  + installedDetail(installed),
              "ok");
          return done;
        });
    log.info(
        "push succeeded applicationId={} ({}){}",
        job.applicationId(),
        what,
        installedDetail(installed));
  }

  private static String installedDetail(Map<String, InstalledCertificate> installed) {
    if (installed.isEmpty()) {
      return "";
    }
    InstalledCertificate primary = installed.values().iterator().next();
    return " thumbprint="
        + primary.thumbprint()
        + " notAfter="
        + primary.notAfter()
        + " types="
        + String.join(",", installed.keySet());
  }

  /** Records a failed attempt (retried after the backoff while attempts are left). */
  void failed(PushTarget job, String node, @Nullable String message) {
    String error =
        message == null
            ? "failed"
            : message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message;
    Instant now = clock.instant();
    PushTarget failed =
        changeOwn(
            job.applicationId(),
            node,
            t -> {
              PushTarget next = t.failed(error, now, settings);
              audit.record(
                  CertificateRequests.PUSH_CALLER.describe(),
                  "push.failed",
                  job.applicationId().toString(),
                  "endpoint="
                      + job.endpointUrl()
                      + " scope="
                      + job.scope()
                      + " phase="
                      + t.phase()
                      + " attempt="
                      + next.attempts()
                      + " error="
                      + error,
                  "failed");
              return next;
            });
    log.warn(
        "push failed applicationId={} attempt={} error={}",
        job.applicationId(),
        failed.attempts(),
        error);
  }

  /** Puts a claimed job back as it was (it was not run). */
  void release(PushTarget job, String why) {
    change(job.applicationId(), t -> t.released(why));
  }
}
