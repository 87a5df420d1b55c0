package io.gdsvault.gds.push;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The end of a full push: UpdateCertificate of each type with its issuer chain (and the key the GDS
 * made), then ApplyChanges; and the proof: new sessions until GetEndpoints and the handshake both
 * present the new certificate of the primary type (the one of the job's security policy). A session
 * that dies before ApplyChanges leaves the target as it was (its transaction is discarded), so
 * redoing the step is safe.
 */
final class InstallStep {

  private final PushJobs jobs;
  private final String node;
  private final BiConsumer<PauseHook.Point, UUID> pause;

  InstallStep(PushJobs jobs, String node, BiConsumer<PauseHook.Point, UUID> pause) {
    this.jobs = jobs;
    this.node = node;
    this.pause = pause;
  }

  /**
   * UpdateCertificate for every type, then one ApplyChanges when the target asks for it: the new
   * certificates take effect together.
   */
  void install(TargetLink link, PushTarget job, List<CertificateStep.Ready> certificates) {
    TargetConnector.Session s = link.session();
    boolean apply = false;
    for (CertificateStep.Ready c : certificates) {
      try {
        apply |= s.updateCertificate(c.type(), c.der(), c.issuers(), c.keyFormat(), c.key());
      } catch (PushException e) {
        if (e.kind() != PushException.Kind.REFUSED) {
          // busy with another session's changes, or the session died: the same certificate
          // is installed on the next attempt
          throw e.during("updating the certificate");
        }
        // the target refused this certificate: a new request next time
        jobs.forgetRequest(job, node, c.type());
        throw e.during("the target refused the certificate");
      }
    }
    if (apply) {
      pause.accept(PauseHook.Point.BEFORE_APPLY_CHANGES, job.applicationId());
      s.applyChanges();
    }
  }

  /** Reconnects until the endpoint and the handshake present the new certificate. */
  void verify(TargetLink link, PushTarget job, X509Certificate installed) {
    String expected = Thumbprints.of(installed);
    try {
      link.retry(Duration.ZERO, () -> presents(link, job, expected));
    } catch (PushException e) {
      if (e.kind() == PushException.Kind.INTERRUPTED) {
        throw e;
      }
      throw new PushException(
          PushException.Kind.NOT_VERIFIED,
          "the target does not present the new certificate " + expected + ": " + e.getMessage(),
          e);
    }
  }

  private static Boolean presents(TargetLink link, PushTarget job, String expected) {
    List<X509Certificate> advertised =
        link.endpointCertificates(job.endpointUrl(), job.securityPolicyUri());
    if (advertised.stream().noneMatch(c -> expected.equals(Thumbprints.of(c)))) {
      throw new PushException(
          PushException.Kind.NOT_VERIFIED,
          "the endpoint still advertises " + advertised.stream().map(Thumbprints::of).toList());
    }
    try (TargetConnector.Session s = link.connect(c -> expected.equals(Thumbprints.of(c)))) {
      String shown = Thumbprints.of(s.serverCertificate());
      if (!expected.equals(shown)) {
        throw new PushException(
            PushException.Kind.NOT_VERIFIED, "the handshake presented " + shown);
      }
    }
    return Boolean.TRUE;
  }
}
