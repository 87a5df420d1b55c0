package io.gdsvault.gds.push;

import io.gdsvault.gds.certificates.RequestKind;
import io.gdsvault.gds.certificates.RequestState;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificates of a full push, one for every type the target lists that the GDS issues ({@link
 * CertificateTypePolicy}), through the normal request lifecycle: files one request per type once
 * (the target's CSR, or a new key pair when asked or when the target cannot make a CSR), remembers
 * them in the job, waits while any is undecided (without touching the target), and collects them
 * when all are issued. A key the GDS made is kept sealed in the job until the target is verified to
 * use it, so a retry after a crash installs the same certificate.
 */
final class CertificateStep {

  private static final Logger log = LoggerFactory.getLogger(CertificateStep.class);

  /** A certificate ready to install for {@code type}: DER, issuers, and a key the GDS made. */
  // the key bytes are wiped after use, so they stay an array; never compared with equals
  @SuppressWarnings("ArrayRecordComponent")
  record Ready(
      String type,
      byte[] der,
      List<byte[]> issuers,
      @Nullable String keyFormat,
      byte @Nullable [] key,
      X509Certificate x509) {

    void wipe() {
      if (key != null) {
        Arrays.fill(key, (byte) 0);
      }
    }
  }

  private final CertificateSource certificates;
  private final TrustSource trust;
  private final TargetCredentials credentials;
  private final PushJobs jobs;
  private final String node;

  CertificateStep(
      CertificateSource certificates,
      TrustSource trust,
      TargetCredentials credentials,
      PushJobs jobs,
      String node) {
    this.certificates = certificates;
    this.trust = trust;
    this.credentials = credentials;
    this.jobs = jobs;
    this.node = node;
  }

  /**
   * The certificates to install, primary type first, or empty while a request waits (the job is
   * then pending).
   */
  Optional<List<Ready>> obtain(TargetLink link, PushTarget job) {
    PushTarget current = filed(link, job);
    List<CertificateSlot> slots = current.issuedSlots();
    if (slots.isEmpty()) {
      throw new PushException(
          PushException.Kind.NOT_SUPPORTED,
          "the target lists no certificate type the GDS issues: "
              + current.certificates().stream()
                  .map(CertificateSlot::describe)
                  .collect(Collectors.joining(", ")));
    }
    List<CertificateSource.Request> requests = new ArrayList<>();
    for (CertificateSlot slot : slots) {
      UUID id = Objects.requireNonNull(slot.inFlight(), "filed above").requestId();
      CertificateSource.Request r =
          certificates
              .request(id)
              .orElseThrow(
                  () ->
                      dropped(
                          job,
                          slot,
                          "the certificate request disappeared; a new one is made next time"));
      requests.add(checked(job, slot, r));
    }
    for (CertificateSource.Request r : requests) {
      if (r.state() == RequestState.NEW) {
        return waiting(job, "waiting for approval of request " + r.requestId());
      }
      if (r.state() == RequestState.APPROVED && !r.issued()) {
        return waiting(job, "request " + r.requestId() + " is being issued");
      }
    }
    List<Ready> ready = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      CertificateSlot slot = slots.get(i);
      CertificateSource.Request r = requests.get(i);
      ready.add(
          r.state() == RequestState.ACCEPTED ? delivered(job, slot, r) : collect(job, slot, r));
    }
    return Optional.of(ready);
  }

  /** Refuses a request that can no longer give a certificate; the next attempt files anew. */
  private CertificateSource.Request checked(
      PushTarget job, CertificateSlot slot, CertificateSource.Request r) {
    return switch (r.state()) {
      case NEW, APPROVED, ACCEPTED -> r;
      case REJECTED -> throw dropped(job, slot, rejected(r));
      case REVOKED, REMOVED ->
          throw dropped(
              job,
              slot,
              "request "
                  + r.requestId()
                  + " is "
                  + r.state().label()
                  + "; a new one is made next time");
    };
  }

  private Optional<List<Ready>> waiting(PushTarget job, String phase) {
    jobs.awaitApproval(job, node, phase);
    return Optional.empty();
  }

  /** Approved and issued: FinishRequest, keeping a generated key sealed in the job. */
  private Ready collect(PushTarget job, CertificateSlot slot, CertificateSource.Request r) {
    CertificateSource.Delivery f = certificates.finish(job.applicationId(), r.requestId());
    byte[] key = f.privateKey();
    if (key != null) {
      byte[] sealed = credentials.sealKey(job.applicationId(), r.requestId(), key);
      jobs.keyKept(job, node, slot.type(), r.requestId(), sealed);
    }
    return new Ready(
        slot.type(),
        f.certificate(),
        f.issuers(),
        r.privateKeyFormat(),
        key,
        Thumbprints.parse(f.certificate()));
  }

  /** Delivered in an earlier attempt: the certificate is in the request, the key in the job. */
  private Ready delivered(PushTarget job, CertificateSlot slot, CertificateSource.Request r) {
    byte[] key = null;
    String format = null;
    if (r.kind() == RequestKind.NEW_KEY_PAIR) {
      CertificateSlot.InFlight kept = slot.inFlight();
      byte[] blob = kept == null ? null : kept.keyBlob();
      if (blob == null) {
        throw dropped(
            job,
            slot,
            "the key of request "
                + r.requestId()
                + " was not kept; a new request is made next time");
      }
      key = credentials.openKey(job.applicationId(), r.requestId(), blob);
      format = r.privateKeyFormat();
    }
    byte[] der = Objects.requireNonNull(r.certificateDer(), "accepted request has no certificate");
    X509Certificate x = Thumbprints.parse(der);
    return new Ready(slot.type(), der, trust.issuerChain(x), format, key, x);
  }

  private PushException dropped(PushTarget job, CertificateSlot slot, String message) {
    jobs.forgetRequest(job, node, slot.type());
    return new PushException(PushException.Kind.REQUEST_FAILED, message);
  }

  private static String rejected(CertificateSource.Request r) {
    String why = r.decisionText();
    return "request "
        + r.requestId()
        + " was rejected"
        + (why == null || why.isBlank() ? "" : ": " + why);
  }

  /**
   * The job with a request for every type the GDS issues: when none is in flight (a new push), the
   * target's types are read and planned first; a type whose request was dropped gets a new one.
   */
  private PushTarget filed(TargetLink link, PushTarget job) {
    PushTarget current = job;
    if (job.certificates().stream().allMatch(s -> s.inFlight() == null)) {
      List<String> listed = link.session().certificateTypes();
      List<CertificateSlot> plan =
          CertificateTypePolicy.plan(
              listed.isEmpty() ? List.of(CertificateTypePolicy.RSA_SHA256) : listed,
              trust.issuedTypes());
      log.debug("target lists {}; planned {}", listed, plan);
      current = jobs.planned(job, node, plan);
    }
    for (CertificateSlot slot : current.issuedSlots()) {
      if (slot.inFlight() == null) {
        current = jobs.requestFiled(current, node, slot.type(), file(link, current, slot.type()));
      }
    }
    return current;
  }

  /** Files the request for {@code type}: the target's CSR, or a key pair the GDS generates. */
  private UUID file(TargetLink link, PushTarget job, String type) {
    String ours =
        CertificateTypePolicy.issuingType(type, trust.issuedTypes())
            .orElseThrow(() -> new IllegalStateException("planned as issued: " + type));
    if (job.keyMode() == KeyMode.CSR) {
      try {
        byte[] csr = link.session().createSigningRequest(type);
        UUID id = certificates.fileSigningRequest(job.applicationId(), ours, csr);
        log.info("push filed signing request requestId={} type={}", id, type);
        return id;
      } catch (PushException e) {
        if (!e.notSupported()) {
          throw e;
        }
        log.info("target has no CreateSigningRequest; using a new key pair");
      }
    }
    String format = keyFormat(link.session().supportedPrivateKeyFormats());
    String host = URI.create(job.endpointUrl()).getHost();
    List<String> names = host == null ? List.of() : List.of(host);
    UUID id = certificates.fileNewKeyPairRequest(job.applicationId(), ours, names, format);
    log.info("push filed new key pair request requestId={} type={} format={}", id, type, format);
    return id;
  }

  /** PEM if the target takes it, else PFX. */
  static String keyFormat(List<String> formats) {
    List<String> upper = formats.stream().map(f -> f.toUpperCase(Locale.ROOT)).toList();
    for (String wanted : List.of("PEM", "PFX")) {
      if (upper.contains(wanted)) {
        return wanted;
      }
    }
    throw new PushException(
        PushException.Kind.NOT_SUPPORTED,
        "the target supports no private key format the GDS can deliver (PEM, PFX)");
  }
}
