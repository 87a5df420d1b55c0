package io.gdsvault.gds.certificates;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored certificate request. {@code csrDer} is the requester's CSR, or for a new key pair the
 * CSR the GDS made from the generated key (null while the key is being generated). {@code csrSeal}
 * records that the CSR's proof of possession was verified when it was filed: a keyed seal ({@link
 * io.gdsvault.ca.CsrSeal}) over exactly these CSR bytes and the request id, made with a key derived
 * from the server's data key, so it cannot be forged by writing to the database. {@code keyBlob} is
 * the encrypted private key material, null once delivered or expired.
 */
// byte[] components: DER and sealed blobs passed through as stored; records are not compared
@SuppressWarnings("ArrayRecordComponent")
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
    @Nullable PrivateKeyFormat privateKeyFormat,
    byte @Nullable [] csrDer,
    byte @Nullable [] csrSeal,
    byte @Nullable [] keyBlob,
    @Nullable Instant keyBlobExpiresAt,
    String requestedBy,
    @Nullable String requesterThumbprint,
    Instant createdAt,
    @Nullable String decidedBy,
    @Nullable Instant decidedAt,
    @Nullable String decisionText,
    byte @Nullable [] certificateDer,
    @Nullable String serial,
    @Nullable String caId,
    @Nullable Instant deliveredAt) {

  public CertificateRequestRecord {
    domainNames = domainNames == null ? List.of() : List.copyOf(domainNames);
  }

  public CertificateRequestRecord withState(RequestState next) {
    return new CertificateRequestRecord(
        requestId,
        applicationId,
        applicationUri,
        certificateGroup,
        certificateType,
        kind,
        next,
        subjectName,
        domainNames,
        keyType,
        privateKeyFormat,
        csrDer,
        csrSeal,
        keyBlob,
        keyBlobExpiresAt,
        requestedBy,
        requesterThumbprint,
        createdAt,
        decidedBy,
        decidedAt,
        decisionText,
        certificateDer,
        serial,
        caId,
        deliveredAt);
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
