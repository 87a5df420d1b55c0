package io.gdsvault.gds.push;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.ChannelSecurity;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.certificates.CertificateRequestRecord;
import io.gdsvault.gds.certificates.CertificateRequestService;
import io.gdsvault.gds.certificates.FinishResult;
import io.gdsvault.gds.model.GdsException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link CertificateSource} over the GDS's {@link CertificateRequestService}: the push files its
 * requests as the caller {@code push}, so approval follows the configured policy as for any other
 * request.
 */
public final class CertificateRequests implements CertificateSource {

  /** Who the engine is when it files certificate requests: approval still follows the policy. */
  static final Caller PUSH_CALLER =
      new Caller(
          "push",
          EnumSet.of(Role.CERTIFICATE_AUTHORITY_ADMIN),
          null,
          null,
          ChannelSecurity.SIGN_AND_ENCRYPT);

  private final CertificateRequestService service;

  public CertificateRequests(CertificateRequestService service) {
    this.service = service;
  }

  @Override
  public UUID fileSigningRequest(UUID applicationId, String certificateType, byte[] csr) {
    try {
      return service.startSigningRequest(PUSH_CALLER, applicationId, null, certificateType, csr);
    } catch (GdsException e) {
      throw new PushException(
          PushException.Kind.REQUEST_FAILED,
          "the GDS refused the target's signing request: " + e.getMessage(),
          e);
    }
  }

  @Override
  public UUID fileNewKeyPairRequest(
      UUID applicationId,
      String certificateType,
      List<String> domainNames,
      String privateKeyFormat) {
    return service.startNewKeyPairRequest(
        PUSH_CALLER,
        applicationId,
        null,
        certificateType,
        null,
        domainNames,
        privateKeyFormat,
        null);
  }

  @Override
  public Optional<Request> request(UUID requestId) {
    CertificateRequestRecord r;
    try {
      r = service.show(PUSH_CALLER, requestId).getKey();
    } catch (GdsException e) {
      return Optional.empty(); // removed with its application, or never stored
    }
    return Optional.of(
        new Request(
            r.requestId(),
            r.state(),
            r.kind(),
            r.issued(),
            r.privateKeyFormat() == null ? null : r.privateKeyFormat().name(),
            r.certificateDer(),
            r.decisionText()));
  }

  @Override
  public Delivery finish(UUID applicationId, UUID requestId) {
    FinishResult f = service.finish(PUSH_CALLER, applicationId, requestId);
    return new Delivery(f.certificate(), f.privateKey(), f.issuerCertificates());
  }
}
