package io.gdsvault.gds.push;

import io.gdsvault.gds.certificates.RequestKind;
import io.gdsvault.gds.certificates.RequestState;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a push gets its certificates: the normal request lifecycle and approval policy, as the pull
 * flow uses it (implemented by {@link CertificateRequests}). Refusals are {@link PushException}s of
 * kind {@code REQUEST_FAILED}.
 */
public interface CertificateSource {

  /**
   * Files the target's CSR for a certificate of our type {@code certificateType} (a type of the
   * DefaultApplicationGroup, e.g. {@code RsaSha256ApplicationCertificateType}); returns the id.
   */
  UUID fileSigningRequest(UUID applicationId, String certificateType, byte[] csr);

  /** Files a request for a key pair the GDS generates, in {@code privateKeyFormat}. */
  UUID fileNewKeyPairRequest(
      UUID applicationId,
      String certificateType,
      List<String> domainNames,
      String privateKeyFormat);

  /** The request as the push needs to see it; empty when it no longer exists. */
  Optional<Request> request(UUID requestId);

  /** FinishRequest: the certificate, the issuer chain and the key the GDS generated. */
  Delivery finish(UUID applicationId, UUID requestId);

  /**
   * A request's standing.
   *
   * @param issued the certificate was made (an approved request may still be being issued)
   * @param privateKeyFormat PEM or PFX for a new key pair, else null
   * @param certificateDer the issued certificate, once issued
   * @param decisionText the approver's comment or reason
   */
  // DER passed through as stored; never compared with equals
  @SuppressWarnings("ArrayRecordComponent")
  record Request(
      UUID requestId,
      RequestState state,
      RequestKind kind,
      boolean issued,
      @Nullable String privateKeyFormat,
      byte @Nullable [] certificateDer,
      @Nullable String decisionText) {}

  /** What FinishRequest delivers (DER certificate and issuers; the key bytes, if any). */
  // the key is wiped after use, so the bytes stay arrays; never compared with equals
  @SuppressWarnings("ArrayRecordComponent")
  record Delivery(byte[] certificate, byte @Nullable [] privateKey, List<byte[]> issuers) {
    @Override
    public String toString() {
      return "Delivery[private key hidden]";
    }
  }
}
