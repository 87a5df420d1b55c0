package io.gdsvault.gds.push;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.persistence.Transactions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The push engine (Part 12 §7.10 from the GDS side): keeps the certificates and trust lists of
 * server applications current through their ServerConfiguration. This class is its public face and
 * wiring; the work is done by:
 *
 * <ul>
 *   <li>{@link PushOperations}: the operator API (enable, disable, run, status);
 *   <li>{@link PushTriggers} and {@link RenewalPolicy}: trust changes and renewals queue pushes;
 *   <li>{@link PushDispatcher}: claims due jobs with leases and runs them on the workers;
 *   <li>{@link PushWorkflow}: one push, as {@link TrustListStep}, {@link CertificateStep} and
 *       {@link InstallStep} over the {@link TargetConnector} port;
 *   <li>{@link PushJobs}: the job store, applying {@link PushTarget}'s named transitions;
 *   <li>{@link TargetCredentials}: the sealed secrets of a target.
 * </ul>
 *
 * <p>Jobs live in the database (one per target): a node claims due jobs with row locks that other
 * nodes skip, holds a lease it renews between steps, and a job whose node died is taken over when
 * the lease runs out. Every step is safe to redo: the trust list is written whole, the certificate
 * request is remembered by id, and a private key the GDS generated stays sealed in the job until
 * the target is verified to use the new certificate.
 */
public final class PushEngine implements AutoCloseable {

  private final TrustSource trust;
  private final PushSettings settings;
  private final PushDispatcher dispatcher;
  private final PushTriggers triggers;
  private final PushOperations operations;
  private final AtomicBoolean closing = new AtomicBoolean();

  /** The parts a push engine works with; tests pass fakes for the ports. */
  public record Parts(
      PushRepository repository,
      Transactions tx,
      TargetConnector connector,
      CertificateSource certificates,
      TrustSource trust,
      Function<UUID, Optional<ApplicationRecord>> applications,
      TargetCredentials credentials,
      PushAudit audit) {}

  /** How the engine runs: its clock, tuning, how it waits, and the crash-test pause hook. */
  public record Environment(Clock clock, PushSettings settings, Sleeper sleeper, PauseHook pause) {

    /** Production: real sleeps, no pause. */
    public static Environment of(Clock clock, PushSettings settings) {
      return new Environment(clock, settings, Sleeper.SYSTEM, PauseHook.NONE);
    }
  }

  public PushEngine(Parts parts, Environment runtime) {
    this(parts, runtime, null);
  }

  /** With {@code workers} given, jobs run there (tests pass a same-thread executor). */
  PushEngine(Parts p, Environment rt, @Nullable Executor workers) {
    this.trust = p.trust();
    this.settings = rt.settings();
    PushAudit audit = p.audit() == null ? PushAudit.NONE : p.audit();
    PushJobs jobs = new PushJobs(p.repository(), p.tx(), audit, rt.clock(), rt.settings());
    PushWorkflow.Parts wp =
        new PushWorkflow.Parts(
            p.connector(),
            p.certificates(),
            p.trust(),
            p.applications(),
            p.credentials(),
            rt.clock(),
            rt.sleeper(),
            rt.pause(),
            rt.settings());
    String node = UUID.randomUUID().toString();
    PushWorkflow workflow = new PushWorkflow(jobs, node, wp, closing::get);
    this.dispatcher =
        new PushDispatcher(
            jobs, node, rt.settings().maxConcurrentPushes(), workers, workflow::execute);
    this.triggers =
        new PushTriggers(
            jobs,
            new RenewalPolicy(p.trust(), rt.settings().renewAfterShare()),
            rt.clock(),
            dispatcher);
    this.operations =
        new PushOperations(
            jobs,
            dispatcher,
            p.connector(),
            p.applications(),
            p.credentials(),
            audit,
            rt.clock(),
            new EndpointRule(rt.settings().allowedEndpoints()));
  }

  /** Starts polling for due jobs and the renewal scan; subscribes to trust changes. */
  public void start() {
    trust.onChange(triggers::fanOutTrust);
    dispatcher.every(settings.poll(), Duration.ofMillis(50), dispatcher::dispatchDue);
    dispatcher.every(settings.renewalScan(), Duration.ofSeconds(1), triggers::scanRenewals);
    dispatcher.start();
  }

  // ------------------------------------------------------------------ operator API

  /** What {@code push enable} needs; the password is wiped by the caller after the call. */
  // a char[] so the caller can wipe the password; requests are never compared with equals
  @SuppressWarnings("ArrayRecordComponent")
  public record EnableRequest(
      UUID applicationId,
      String endpointUrl,
      @Nullable String securityPolicyUri,
      String targetUser,
      char[] targetPassword,
      @Nullable String expectThumbprint,
      @Nullable KeyMode keyMode) {
    @Override
    public String toString() {
      return "EnableRequest[applicationId=" + applicationId + ", endpoint=" + endpointUrl + "]";
    }
  }

  /**
   * Marks a server application as managed by push: connects once (trust on first use, or checked
   * against the expected thumbprint), pins the certificate the target presents, stores the
   * credentials sealed and queues the first full push. Returns the pinned thumbprint.
   *
   * @throws TargetCheckException when the target cannot be reached, refuses the credentials or is
   *     not the expected certificate
   */
  public String enable(Caller caller, EnableRequest r) {
    return operations.enable(caller, r);
  }

  /** Stops managing the target (its certificate and trust list stay as they are). */
  public void disable(Caller caller, UUID applicationId) {
    operations.disable(caller, applicationId);
  }

  /**
   * Queues a full push now (operator trigger); joins a full push already pending or running for the
   * target instead of queueing a second one.
   */
  public void run(Caller caller, UUID applicationId) {
    operations.run(caller, applicationId);
  }

  /** Every target, or one. */
  public List<PushTarget> status(Caller caller, @Nullable UUID applicationId) {
    return operations.status(caller, applicationId);
  }

  /** Status without a caller (in-process views and tests). */
  public Optional<PushTarget> target(UUID applicationId) {
    return operations.target(applicationId);
  }

  // ------------------------------------------------------------------ triggers

  /** Queues a push of the given scope; a running job gets it queued behind. */
  public boolean enqueue(UUID applicationId, PushScope scope, String why) {
    return triggers.enqueue(applicationId, scope, why);
  }

  /** A CA or CRL changed: every target gets the new trust list. */
  public void fanOutTrust() {
    triggers.fanOutTrust();
  }

  /**
   * Queues a full push for targets whose certificate passed the configured share of its life, is
   * not from the current CA of its type (CA rollover), or was revoked. Returns how many.
   */
  public int scanRenewals() {
    return triggers.scanRenewals();
  }

  /** Looks for due jobs now instead of at the next poll. */
  public void wake() {
    dispatcher.wake();
  }

  /** Claims due jobs and runs them (on the workers), as the poll does. */
  void dispatchDue() {
    dispatcher.dispatchDue();
  }

  /** SHA-1 hex (lower case) of the DER encoding, as OPC UA thumbprints are. */
  public static String thumbprint(X509Certificate c) {
    return Thumbprints.of(c);
  }

  @Override
  public void close() {
    closing.set(true);
    dispatcher.close();
  }
}
