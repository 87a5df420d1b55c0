package io.gdsvault.gds.push;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The push job of one target, immutable: every change is a named transition that returns the next
 * job and refuses a move the state machine ({@link PushState#successors()}) does not allow.
 *
 * @param scope what the job does when it runs
 * @param rerunScope a push queued while this one runs; it starts when this one ends
 * @param phase what the job is doing or did last, for operators
 * @param attempts failed attempts since the job was last queued
 * @param nextAttemptAt when a pending or failed job is due; null: not due until a trigger
 * @param lease the node running the job and until when, while it runs
 * @param trust the trust list this push wrote to the target; a later attempt of the same push
 *     writes it again only when our trust list changed meanwhile
 */
public record PushJob(
    PushState state,
    PushScope scope,
    @Nullable PushScope rerunScope,
    @Nullable String phase,
    int attempts,
    @Nullable String lastError,
    @Nullable Instant lastPush,
    @Nullable Instant nextAttemptAt,
    @Nullable Lease lease,
    @Nullable TrustWritten trust) {

  /** The node that claimed a running job and until when the claim holds without a heartbeat. */
  public record Lease(String node, Instant until) {
    public boolean expired(Instant now) {
      return until.isBefore(now);
    }
  }

  /**
   * A trust list written to the target.
   *
   * @param digest SHA-256 (hex) of the list as we sent it
   * @param crlsKept whether the target kept our CRLs (read back)
   */
  public record TrustWritten(String digest, boolean crlsKept) {}

  /** The first job of a target: a full push, due now. */
  static PushJob first(String phase, Instant now) {
    return new PushJob(
        PushState.PENDING, PushScope.FULL, null, phase, 0, null, null, now, null, null);
  }

  /**
   * Push enabled again: a full push with no failures counted. A running job keeps running and gets
   * the full push queued behind it.
   */
  PushJob reEnabled(String phase, Instant now) {
    if (state == PushState.RUNNING) {
      return new PushJob(
          state,
          scope,
          PushScope.FULL.widen(rerunScope),
          phase,
          0,
          null,
          lastPush,
          now,
          lease,
          trust);
    }
    return move(PushState.PENDING)
        .with(PushScope.FULL, rerunScope, phase, 0, null, now, lease)
        .withTrust(null);
  }

  /**
   * Whether a push of {@code wanted} queued now is done by this job as it stands: a full push is
   * pending (it writes the newest trust list and gets a certificate), or running and a full push is
   * wanted. An operator's run joins it instead of starting a second push (and a second request).
   */
  boolean joins(PushScope wanted) {
    return scope == PushScope.FULL
        && (state == PushState.PENDING || (state == PushState.RUNNING && wanted == scope));
  }

  /**
   * A trigger queued a push of {@code wanted}: a job that {@link #joins} it only becomes due now; a
   * running job gets it queued behind; a job failing with retries left widens its scope; an idle
   * job starts afresh (and writes the trust list again).
   */
  PushJob queued(PushScope wanted, String why, Instant now) {
    if (joins(wanted)) {
      Instant due = state == PushState.PENDING ? now : nextAttemptAt;
      return new PushJob(
          state, scope, rerunScope, phase, attempts, lastError, lastPush, due, lease, trust);
    }
    if (state == PushState.RUNNING) {
      return new PushJob(
          state,
          scope,
          wanted.widen(rerunScope),
          phase,
          attempts,
          lastError,
          lastPush,
          nextAttemptAt,
          lease,
          trust);
    }
    boolean stillQueued =
        state == PushState.PENDING || (state == PushState.FAILED && nextAttemptAt != null);
    PushJob next =
        move(PushState.PENDING)
            .with(
                stillQueued ? wanted.widen(scope) : wanted,
                rerunScope,
                "queued: " + why,
                0,
                lastError,
                now,
                lease);
    return stillQueued ? next : next.withTrust(null);
  }

  /** A node claimed the job (a due one, or a running one whose lease ran out). */
  PushJob claimed(String node, Instant leaseUntil) {
    return move(PushState.RUNNING)
        .with(
            scope,
            rerunScope,
            phase,
            attempts,
            lastError,
            nextAttemptAt,
            new Lease(node, leaseUntil));
  }

  /** A step began: the phase changes and the lease is renewed (the heartbeat). */
  PushJob progressed(String node, String nextPhase, Instant leaseUntil) {
    return move(PushState.RUNNING)
        .with(
            scope,
            rerunScope,
            nextPhase,
            attempts,
            lastError,
            nextAttemptAt,
            new Lease(node, leaseUntil));
  }

  /** The certificate request is not decided yet: the job is due again at {@code next}. */
  PushJob awaitingApproval(String nextPhase, Instant next) {
    return move(PushState.PENDING)
        .with(scope, rerunScope, nextPhase, attempts, lastError, next, null);
  }

  /** Claimed but not run (no free slot, or the engine stops): queued again as it was. */
  PushJob released(String why) {
    return move(PushState.PENDING)
        .with(scope, rerunScope, why, attempts, lastError, nextAttemptAt, null);
  }

  PushJob withTrust(@Nullable TrustWritten written) {
    return new PushJob(
        state,
        scope,
        rerunScope,
        phase,
        attempts,
        lastError,
        lastPush,
        nextAttemptAt,
        lease,
        written);
  }

  /**
   * The push ended well: failures are forgotten and a push queued behind it starts now; otherwise
   * the job rests until the next trigger.
   */
  PushJob succeeded(String what, Instant now) {
    if (rerunScope != null) {
      return new PushJob(
          require(PushState.PENDING), rerunScope, null, what, 0, null, now, now, null, null);
    }
    return new PushJob(
        require(PushState.SUCCEEDED), scope, null, what, 0, null, now, null, null, trust);
  }

  /**
   * An attempt failed: counted, and retried after the backoff while attempts are left. A push
   * queued behind it is merged into the retry.
   */
  PushJob failed(String error, Instant now, PushSettings settings) {
    int failures = attempts + 1;
    Instant retry = failures < settings.maxAttempts() ? now.plus(settings.backoff(failures)) : null;
    PushScope nextScope = rerunScope == null ? scope : rerunScope.widen(scope);
    return new PushJob(
        require(PushState.FAILED),
        nextScope,
        null,
        "failed",
        failures,
        error,
        lastPush,
        retry,
        null,
        trust);
  }

  private PushState require(PushState next) {
    if (!state.mayBecome(next)) {
      throw new IllegalStateException("a " + state.label() + " push job cannot become " + next);
    }
    return next;
  }

  private PushJob move(PushState next) {
    return new PushJob(
        require(next),
        scope,
        rerunScope,
        phase,
        attempts,
        lastError,
        lastPush,
        nextAttemptAt,
        lease,
        trust);
  }

  private PushJob with(
      PushScope nextScope,
      @Nullable PushScope nextRerun,
      @Nullable String nextPhase,
      int nextAttempts,
      @Nullable String error,
      @Nullable Instant next,
      @Nullable Lease nextLease) {
    return new PushJob(
        state,
        nextScope,
        nextRerun,
        nextPhase,
        nextAttempts,
        error,
        lastPush,
        next,
        nextLease,
        trust);
  }
}
