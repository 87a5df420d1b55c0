package io.gdsvault.gds.push;

import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.GdsException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One push, in order (Part 12 §7.10 from the GDS side), over SignAndEncrypt sessions as the
 * target's SecurityAdmin: {@link TrustListStep write the trust list} (once per push, unless ours
 * changes); for a full push, {@link CertificateStep obtain a certificate} for every certificate
 * type the target lists that the GDS issues (the job waits while a request is undecided), {@link
 * InstallStep install} them with one ApplyChanges and verify the target presents the primary one.
 * Every step names itself in the job and renews the lease; any failure is recorded as a failed
 * attempt.
 */
final class PushWorkflow {

  private static final Logger log = LoggerFactory.getLogger(PushWorkflow.class);

  private final PushJobs jobs;
  private final String node;
  private final TargetConnector connector;
  private final TrustSource trust;
  private final Function<UUID, Optional<ApplicationRecord>> applications;
  private final TargetCredentials credentials;
  private final TrustListStep trustList;
  private final CertificateStep certificate;
  private final InstallStep install;
  private final PauseHook pauseHook;
  private final Clock clock;
  private final Sleeper sleeper;
  private final PushSettings settings;
  private final BooleanSupplier stopping;

  record Parts(
      TargetConnector connector,
      CertificateSource certificates,
      TrustSource trust,
      Function<UUID, Optional<ApplicationRecord>> applications,
      TargetCredentials credentials,
      Clock clock,
      Sleeper sleeper,
      PauseHook pause,
      PushSettings settings) {}

  PushWorkflow(PushJobs jobs, String node, Parts p, BooleanSupplier stopping) {
    this.jobs = jobs;
    this.node = node;
    this.connector = p.connector();
    this.trust = p.trust();
    this.applications = p.applications();
    this.credentials = p.credentials();
    this.pauseHook = p.pause();
    this.clock = p.clock();
    this.sleeper = p.sleeper();
    this.settings = p.settings();
    this.stopping = stopping;
    this.trustList = new TrustListStep(trust, jobs, node);
    this.certificate = new CertificateStep(p.certificates(), trust, credentials, jobs, node);
    this.install = new InstallStep(jobs, node, this::pause);
  }

  /** Runs a claimed job to its end, a wait for approval, or a recorded failure. */
  void execute(PushTarget job) {
    MDC.put("applicationId", job.applicationId().toString());
    MDC.put("jobId", job.applicationId() + "/" + node.substring(0, 8));
    try {
      if (applications.apply(job.applicationId()).isEmpty()) {
        throw new PushException(
            PushException.Kind.REQUEST_FAILED, "the application is no longer registered");
      }
      try (TargetLink link = link(job)) {
        run(job, link);
      }
    } catch (PushException e) {
      failed(job, e, e.getMessage());
    } catch (GdsException e) {
      failed(job, e, e.getMessage());
    } catch (RuntimeException e) {
      log.error("push failed unexpectedly applicationId={}", job.applicationId(), e);
      failed(job, e, "internal error: " + e.getClass().getSimpleName());
    } finally {
      MDC.remove("applicationId");
      MDC.remove("jobId");
    }
  }

  /**
   * The steps connect only when they need the target: a push waiting for approval, whose trust list
   * is written already, checks its requests and waits again without a session.
   */
  private void run(PushTarget job, TargetLink link) {
    String note = trustList.ensure(link, job);
    if (job.scope() == PushScope.TRUST) {
      jobs.succeeded(job, node, Map.of(), "trust list written" + note);
      return;
    }
    pause(PauseHook.Point.AFTER_TRUST_LIST, job.applicationId());
    jobs.progress(job, node, "obtaining certificate");
    Optional<List<CertificateStep.Ready>> ready = certificate.obtain(link, job);
    if (ready.isEmpty()) {
      return; // waiting for approval: the job stays pending
    }
    List<CertificateStep.Ready> certificates = ready.get();
    try {
      jobs.progress(job, node, "updating certificate");
      install.install(link, job, certificates);
    } finally {
      link.disconnect();
      certificates.forEach(CertificateStep.Ready::wipe);
    }
    jobs.progress(job, node, "verifying the new certificate");
    install.verify(link, job, certificates.get(0).x509());
    Map<String, InstalledCertificate> installed = new LinkedHashMap<>();
    for (CertificateStep.Ready c : certificates) {
      installed.put(c.type(), InstalledCertificate.of(c.x509()));
    }
    jobs.succeeded(job, node, installed, "certificate installed" + note);
  }

  private TargetLink link(PushTarget job) {
    return new TargetLink(
        connector,
        job,
        credentials.openPassword(job),
        serverTrust(job),
        clock,
        sleeper,
        settings.verifyTimeout(),
        stopping);
  }

  /**
   * The target's handshake certificate is trusted when it is the pinned one, the one the last push
   * installed, or one of our CAs issued that is not revoked.
   */
  private Predicate<X509Certificate> serverTrust(PushTarget job) {
    return c -> {
      String t = Thumbprints.of(c);
      if (t.equals(job.pinnedThumbprint()) || t.equals(job.certificateThumbprint())) {
        return true;
      }
      try {
        return trust.isGood(Thumbprints.der(c));
      } catch (RuntimeException e) {
        return false;
      }
    };
  }

  /** Calls the pause hook; a stop requested meanwhile (interrupt) ends the push. */
  private void pause(PauseHook.Point point, UUID applicationId) {
    pauseHook.reached(point, applicationId);
    if (Thread.currentThread().isInterrupted()) {
      throw new PushException(PushException.Kind.INTERRUPTED, "interrupted at " + point.label());
    }
  }

  private void failed(PushTarget job, RuntimeException cause, @Nullable String message) {
    if (cause instanceof PushException p && p.kind() == PushException.Kind.LEASE_LOST) {
      log.warn("push of applicationId={} stopped: {}", job.applicationId(), message);
      return;
    }
    try {
      jobs.failed(job, node, message);
    } catch (PushException e) {
      log.warn(
          "push failure of applicationId={} not recorded: {}", job.applicationId(), e.getMessage());
    }
  }
}
