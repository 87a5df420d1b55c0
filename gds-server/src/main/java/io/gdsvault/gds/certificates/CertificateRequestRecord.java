package io.gdsvault.gds.certificates;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored certificate request. {@code csrDer} is the requester's CSR, or for a new key pair the
 * CSR the GDS made from the generated key (null while the key is being generated). {@code
 * keyBlob} is the encrypted private key material, null once delivered or expired.
 */
public record CertificateRequestRecord(
    UUID requestId,
    UUID applicationId,
    String applicationUri,
    String certificateGroup,
    String certificateType,
    RequestKind kind,
    RequestState state,
    String subjectName,
    List<String> domainNames,
    String keyType,
    PrivateKeyFormat privateKeyFormat,
    byte[] csrDer,
    byte[] keyBlob,
    Instant keyBlobExpiresAt,
    String requestedBy,
    String requesterThumbprint,
    Instant createdAt,
    String decidedBy,
    Instant decidedAt,
    String decisionText,
    byte[] certificateDer,
    String serial,
    String caId,
    Instant deliveredAt) {

  public CertificateRequestRecord {
    domainNames = domainNames == null ? List.of() : List.copyOf(domainNames);
  }

  public CertificateRequestRecord withState(RequestState next) {
    return new CertificateRequestRecord(requestId, applicationId, applicationUri, certificateGroup,
        certificateType, kind, next, subjectName, domainNames, keyType, privateKeyFormat, csrDer,
        keyBlob, keyBlobExpiresAt, requestedBy, requesterThumbprint, createdAt, decidedBy,
        decidedAt, decisionText, certificateDer, serial, caId, deliveredAt);
  }

  /** Whether the certificate has been issued and waits for (or went through) delivery. */
  public boolean issued() {
    return certificateDer != null;
  }

  @Override
  public String toString() {
    // never print key material
    return "CertificateRequest[" + requestId + ", " + state + ", app=" + applicationId + "]";
  }
}
