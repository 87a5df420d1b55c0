package io.gdsvault.gds.push;

import io.gdsvault.gds.certificates.RequestKind;
import io.gdsvault.gds.certificates.RequestState;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The request lifecycle in memory: requests are filed New, approved at once when {@link
 * #autoApprove} is set or by {@link #approve}, issued by a {@link TestCa}, and Accepted when
 * finished.
 */
final class FakeCertificates implements CertificateSource {

  /** A stored request. */
  static final class Filed {
    final UUID id = UUID.randomUUID();
    final UUID applicationId;
    final String type;
    final RequestKind kind;
    final @Nullable String format;
    RequestState state = RequestState.NEW;
    byte @Nullable [] certificate;
    @Nullable String decision;
    int finishes;

    Filed(UUID applicationId, String type, RequestKind kind, @Nullable String format) {
      this.applicationId = applicationId;
      this.type = type;
      this.kind = kind;
      this.format = format;
    }
  }

  final Map<UUID, Filed> requests = new LinkedHashMap<>();
  private final TestCa ca;
  private final Clock clock;
  volatile boolean autoApprove = true;
  volatile boolean refusesCsrs;

  FakeCertificates(TestCa ca, Clock clock) {
    this.ca = ca;
    this.clock = clock;
  }

  @Override
  public synchronized UUID fileSigningRequest(
      UUID applicationId, String certificateType, byte[] csr) {
    if (refusesCsrs) {
      throw new PushException(
          PushException.Kind.REQUEST_FAILED,
          "the GDS refused the target's signing request: the key is too short");
    }
    return file(new Filed(applicationId, certificateType, RequestKind.SIGNING_REQUEST, null));
  }

  @Override
  public synchronized UUID fileNewKeyPairRequest(
      UUID applicationId,
      String certificateType,
      List<String> domainNames,
      String privateKeyFormat) {
    return file(
        new Filed(applicationId, certificateType, RequestKind.NEW_KEY_PAIR, privateKeyFormat));
  }

  private UUID file(Filed f) {
    requests.put(f.id, f);
    if (autoApprove) {
      approve(f.id);
    }
    return f.id;
  }

  synchronized void approve(UUID id) {
    Filed f = requests.get(id);
    f.state = RequestState.APPROVED;
    f.certificate =
        Thumbprints.der(ca.issue("target " + id, clock.instant(), Duration.ofDays(365)));
  }

  synchronized void reject(UUID id, String reason) {
    Filed f = requests.get(id);
    f.state = RequestState.REJECTED;
    f.decision = reason;
  }

  synchronized long count(UUID applicationId) {
    return requests.values().stream().filter(f -> f.applicationId.equals(applicationId)).count();
  }

  @Override
  public synchronized Optional<Request> request(UUID requestId) {
    Filed f = requests.get(requestId);
    if (f == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Request(
            f.id, f.state, f.kind, f.certificate != null, f.format, f.certificate, f.decision));
  }

  @Override
  public synchronized Delivery finish(UUID applicationId, UUID requestId) {
    Filed f = requests.get(requestId);
    if (f == null || f.certificate == null || f.state != RequestState.APPROVED) {
      throw new IllegalStateException("not deliverable: " + requestId);
    }
    f.state = RequestState.ACCEPTED;
    f.finishes++;
    byte[] key =
        f.kind == RequestKind.NEW_KEY_PAIR
            ? ("private key of " + requestId).getBytes(StandardCharsets.US_ASCII)
            : null;
    return new Delivery(f.certificate, key, List.of(ca.der()));
  }
}
