package io.gdsvault.gds.certificates;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored certificate request. {@code csrDer} is the requester's CSR, or for a new key pair the
 * CSR the GDS made from the generated key (null while the key is being generated). {@code csrSeal}
 * records that the CSR's proof of possession was verified when it was filed: a keyed seal ({@link
 * io.gdsvault.ca.CsrSeal}) over exactly these CSR bytes and the request id, made with a key derived
 * from the server's data key, so it cannot be forged by writing to the database. {@code keyBlob} is
 * the encrypted private key material, null once delivered or expired. {@code pendingSecret} is the
 * password of a new key pair, sealed with the data key, kept only until the key is generated (so a
 * restart can redo the generation) and wiped in the transaction that stores the key or closes the
 * request.
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
    @Nullable Instant deliveredAt,
    byte @Nullable [] pendingSecret) {

  public CertificateRequestRecord {
    domainNames = domainNames == null ? List.of() : List.copyOf(domainNames);
  }

  /** A builder holding this record's values, to change some of them. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A builder for a new record; every component without {@code @Nullable} must be set. */
  public static Builder builder() {
    return new Builder();
  }

  public CertificateRequestRecord withState(RequestState next) {
    return toBuilder().state(next).build();
  }

  /** The request with this private key material (null: none) and its expiry. */
  public CertificateRequestRecord withKeyBlob(byte @Nullable [] blob, @Nullable Instant expiresAt) {
    return toBuilder().keyBlob(blob).keyBlobExpiresAt(expiresAt).build();
  }

  /** The request without private key material (delivered and expired, revoked or removed). */
  public CertificateRequestRecord withoutKey() {
    return toBuilder().keyBlob(null).keyBlobExpiresAt(null).pendingSecret(null).build();
  }

  /** The request without the sealed password it kept for key generation. */
  public CertificateRequestRecord withoutPendingSecret() {
    return toBuilder().pendingSecret(null).build();
  }

  /**
   * A new-key-pair request once its key exists: the GDS's CSR for the key, that CSR's seal and the
   * sealed key material (its expiry stays as filed); the sealed password goes.
   */
  public CertificateRequestRecord withGeneratedKey(byte[] csr, byte[] seal, byte[] blob) {
    return toBuilder().csrDer(csr).csrSeal(seal).keyBlob(blob).pendingSecret(null).build();
  }

  /** The request in {@code outcome} (Approved or Rejected) as decided by {@code by}. */
  public CertificateRequestRecord withDecision(
      RequestState outcome, String by, Instant at, String text) {
    return toBuilder().state(outcome).decidedBy(by).decidedAt(at).decisionText(text).build();
  }

  /** The request with its issued certificate. */
  public CertificateRequestRecord withCertificate(byte[] der, String serialHex, String ca) {
    return toBuilder().certificateDer(der).serial(serialHex).caId(ca).build();
  }

  /**
   * The request once FinishRequest delivered it (Accepted), keeping {@code keptKey} (the delivered
   * key bytes, sealed) until {@code keptUntil} for a repeated FinishRequest, or none.
   */
  public CertificateRequestRecord withDelivery(
      Instant at, byte @Nullable [] keptKey, @Nullable Instant keptUntil) {
    return toBuilder()
        .state(RequestState.ACCEPTED)
        .keyBlob(keptKey)
        .keyBlobExpiresAt(keptUntil)
        .deliveredAt(at)
        .build();
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

  /**
   * Sets a record's components by name (the one place that knows their order). Built from a record
   * it keeps every value not set again.
   */
  public static final class Builder {
    private @Nullable UUID requestId;
    private @Nullable UUID applicationId;
    private @Nullable String applicationUri;
    private @Nullable String certificateGroup;
    private @Nullable String certificateType;
    private @Nullable RequestKind kind;
    private @Nullable RequestState state;
    private @Nullable String subjectName;
    private List<String> domainNames = List.of();
    private @Nullable String keyType;
    private @Nullable PrivateKeyFormat privateKeyFormat;
    private byte @Nullable [] csrDer;
    private byte @Nullable [] csrSeal;
    private byte @Nullable [] keyBlob;
    private @Nullable Instant keyBlobExpiresAt;
    private @Nullable String requestedBy;
    private @Nullable String requesterThumbprint;
    private @Nullable Instant createdAt;
    private @Nullable String decidedBy;
    private @Nullable Instant decidedAt;
    private @Nullable String decisionText;
    private byte @Nullable [] certificateDer;
    private @Nullable String serial;
    private @Nullable String caId;
    private @Nullable Instant deliveredAt;
    private byte @Nullable [] pendingSecret;

    private Builder() {}

    private Builder(CertificateRequestRecord r) {
      requestId = r.requestId;
      applicationId = r.applicationId;
      applicationUri = r.applicationUri;
      certificateGroup = r.certificateGroup;
      certificateType = r.certificateType;
      kind = r.kind;
      state = r.state;
      subjectName = r.subjectName;
      domainNames = r.domainNames;
      keyType = r.keyType;
      privateKeyFormat = r.privateKeyFormat;
      csrDer = r.csrDer;
      csrSeal = r.csrSeal;
      keyBlob = r.keyBlob;
      keyBlobExpiresAt = r.keyBlobExpiresAt;
      requestedBy = r.requestedBy;
      requesterThumbprint = r.requesterThumbprint;
      createdAt = r.createdAt;
      decidedBy = r.decidedBy;
      decidedAt = r.decidedAt;
      decisionText = r.decisionText;
      certificateDer = r.certificateDer;
      serial = r.serial;
      caId = r.caId;
      deliveredAt = r.deliveredAt;
      pendingSecret = r.pendingSecret;
    }

    public Builder requestId(UUID value) {
      requestId = value;
      return this;
    }

    public Builder applicationId(UUID value) {
      applicationId = value;
      return this;
    }

    public Builder applicationUri(String value) {
      applicationUri = value;
      return this;
    }

    public Builder certificateGroup(String value) {
      certificateGroup = value;
      return this;
    }

    public Builder certificateType(String value) {
      certificateType = value;
      return this;
    }

    public Builder kind(RequestKind value) {
      kind = value;
      return this;
    }

    public Builder state(RequestState value) {
      state = value;
      return this;
    }

    public Builder subjectName(String value) {
      subjectName = value;
      return this;
    }

    public Builder domainNames(List<String> value) {
      domainNames = value;
      return this;
    }

    public Builder keyType(String value) {
      keyType = value;
      return this;
    }

    public Builder privateKeyFormat(@Nullable PrivateKeyFormat value) {
      privateKeyFormat = value;
      return this;
    }

    public Builder csrDer(byte @Nullable [] value) {
      csrDer = value;
      return this;
    }

    public Builder csrSeal(byte @Nullable [] value) {
      csrSeal = value;
      return this;
    }

    public Builder keyBlob(byte @Nullable [] value) {
      keyBlob = value;
      return this;
    }

    public Builder keyBlobExpiresAt(@Nullable Instant value) {
      keyBlobExpiresAt = value;
      return this;
    }

    public Builder requestedBy(String value) {
      requestedBy = value;
      return this;
    }

    public Builder requesterThumbprint(@Nullable String value) {
      requesterThumbprint = value;
      return this;
    }

    public Builder createdAt(Instant value) {
      createdAt = value;
      return this;
    }

    public Builder decidedBy(@Nullable String value) {
      decidedBy = value;
      return this;
    }

    public Builder decidedAt(@Nullable Instant value) {
      decidedAt = value;
      return this;
    }

    public Builder decisionText(@Nullable String value) {
      decisionText = value;
      return this;
    }

    public Builder certificateDer(byte @Nullable [] value) {
      certificateDer = value;
      return this;
    }

    public Builder serial(@Nullable String value) {
      serial = value;
      return this;
    }

    public Builder caId(@Nullable String value) {
      caId = value;
      return this;
    }

    public Builder deliveredAt(@Nullable Instant value) {
      deliveredAt = value;
      return this;
    }

    public Builder pendingSecret(byte @Nullable [] value) {
      pendingSecret = value;
      return this;
    }

    /** The record; a required component that was never set fails here. */
    public CertificateRequestRecord build() {
      return new CertificateRequestRecord(
          required(requestId, "requestId"),
          required(applicationId, "applicationId"),
          required(applicationUri, "applicationUri"),
          required(certificateGroup, "certificateGroup"),
          required(certificateType, "certificateType"),
          required(kind, "kind"),
          required(state, "state"),
          required(subjectName, "subjectName"),
          domainNames,
          required(keyType, "keyType"),
          privateKeyFormat,
          csrDer,
          csrSeal,
          keyBlob,
          keyBlobExpiresAt,
          required(requestedBy, "requestedBy"),
          requesterThumbprint,
          required(createdAt, "createdAt"),
          decidedBy,
          decidedAt,
          decisionText,
          certificateDer,
          serial,
          caId,
          deliveredAt,
          pendingSecret);
    }

    private static <T> T required(@Nullable T value, String name) {
      return Objects.requireNonNull(value, () -> name + " is required");
    }
  }
}
