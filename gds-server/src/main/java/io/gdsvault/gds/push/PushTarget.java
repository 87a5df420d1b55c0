package io.gdsvault.gds.push;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A server application managed by push, together with its push job. Secrets are kept sealed: {@code
 * passwordBlob} (the SecurityAdmin password on the target) and {@code keyBlob} (a private key the
 * GDS generated, kept until the target is verified to use it).
 *
 * @param pinnedThumbprint SHA-1 hex of the server certificate seen when push was enabled
 * @param requestId the certificate request of the push in flight, or null
 * @param certificateDer the certificate verified on the target by the last full push, or null
 */
// sealed blobs and DER go to JDBC and the cipher as bytes; targets are never compared with equals
@SuppressWarnings("ArrayRecordComponent")
public record PushTarget(
    UUID applicationId,
    String endpointUrl,
    String securityPolicyUri,
    String targetUser,
    byte[] passwordBlob,
    String pinnedThumbprint,
    KeyMode keyMode,
    PushState state,
    PushScope scope,
    @Nullable PushScope rerunScope,
    @Nullable String phase,
    int attempts,
    @Nullable String lastError,
    @Nullable Instant lastPush,
    @Nullable Instant nextAttemptAt,
    @Nullable Instant leaseUntil,
    @Nullable String claimedBy,
    @Nullable UUID requestId,
    byte @Nullable [] keyBlob,
    byte @Nullable [] certificateDer,
    @Nullable String certificateThumbprint,
    @Nullable Instant notBefore,
    @Nullable Instant notAfter,
    Instant createdAt,
    Instant updatedAt) {

  /** A builder-style copy helper: start from this record and change a few fields. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public String toString() {
    return "PushTarget[applicationId="
        + applicationId
        + ", endpoint="
        + endpointUrl
        + ", state="
        + state
        + "]";
  }

  /** Mutable copy of a target (the repository stores the result of {@link #build()}). */
  public static final class Builder {
    public UUID applicationId;
    public String endpointUrl;
    public String securityPolicyUri;
    public String targetUser;
    public byte[] passwordBlob;
    public String pinnedThumbprint;
    public KeyMode keyMode;
    public PushState state;
    public PushScope scope;
    public @Nullable PushScope rerunScope;
    public @Nullable String phase;
    public int attempts;
    public @Nullable String lastError;
    public @Nullable Instant lastPush;
    public @Nullable Instant nextAttemptAt;
    public @Nullable Instant leaseUntil;
    public @Nullable String claimedBy;
    public @Nullable UUID requestId;
    public byte @Nullable [] keyBlob;
    public byte @Nullable [] certificateDer;
    public @Nullable String certificateThumbprint;
    public @Nullable Instant notBefore;
    public @Nullable Instant notAfter;
    public Instant createdAt;
    public Instant updatedAt;

    // NullAway.Init: a mutable builder; callers set the required fields before build()
    @SuppressWarnings("NullAway.Init")
    public Builder() {}

    Builder(PushTarget t) {
      applicationId = t.applicationId;
      endpointUrl = t.endpointUrl;
      securityPolicyUri = t.securityPolicyUri;
      targetUser = t.targetUser;
      passwordBlob = t.passwordBlob;
      pinnedThumbprint = t.pinnedThumbprint;
      keyMode = t.keyMode;
      state = t.state;
      scope = t.scope;
      rerunScope = t.rerunScope;
      phase = t.phase;
      attempts = t.attempts;
      lastError = t.lastError;
      lastPush = t.lastPush;
      nextAttemptAt = t.nextAttemptAt;
      leaseUntil = t.leaseUntil;
      claimedBy = t.claimedBy;
      requestId = t.requestId;
      keyBlob = t.keyBlob;
      certificateDer = t.certificateDer;
      certificateThumbprint = t.certificateThumbprint;
      notBefore = t.notBefore;
      notAfter = t.notAfter;
      createdAt = t.createdAt;
      updatedAt = t.updatedAt;
    }

    public PushTarget build() {
      return new PushTarget(
          applicationId,
          endpointUrl,
          securityPolicyUri,
          targetUser,
          passwordBlob,
          pinnedThumbprint,
          keyMode,
          state,
          scope,
          rerunScope,
          phase,
          attempts,
          lastError,
          lastPush,
          nextAttemptAt,
          leaseUntil,
          claimedBy,
          requestId,
          keyBlob,
          certificateDer,
          certificateThumbprint,
          notBefore,
          notAfter,
          createdAt,
          updatedAt);
    }
  }
}
