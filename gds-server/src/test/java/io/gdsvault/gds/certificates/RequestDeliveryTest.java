package io.gdsvault.gds.certificates;

import static io.gdsvault.gds.certificates.CertificatesFixture.GRACE;
import static io.gdsvault.gds.certificates.CertificatesFixture.KEY_TTL;
import static io.gdsvault.gds.certificates.CertificatesFixture.approver;
import static io.gdsvault.gds.certificates.CertificatesFixture.certificateAdmin;
import static io.gdsvault.gds.certificates.CertificatesFixture.csr;
import static io.gdsvault.gds.certificates.CertificatesFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.ChannelSecurity;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FinishRequest's polling contract and how long private keys are kept (Part 12 §7.9.5). */
class RequestDeliveryTest {

  @TempDir Path dir;
  private CertificatesFixture f;

  @BeforeEach
  void open() throws Exception {
    f = new CertificatesFixture(dir);
  }

  @AfterEach
  void close() {
    f.close();
  }

  private UUID approvedNewKeyPair(ApplicationRecord app) {
    f.policy(ApprovalPolicy.AUTO_APPROVE);
    UUID id =
        f.service()
            .startNewKeyPairRequest(
                certificateAdmin(), app.id(), null, null, null, List.of(), "PFX", null);
    f.keyThreads.runPending();
    return id;
  }

  @Test
  void aRepeatWithinTheGracePeriodGetsTheSameBytesAndAfterItTheRequestIsCompleteAndTheKeyGone() {
    ApplicationRecord app = f.register("press");
    UUID id = approvedNewKeyPair(app);

    FinishResult first = f.service().finish(certificateAdmin(), app.id(), id);
    CertificateRequestRecord delivered = f.request(id);
    assertThat(delivered.state()).isEqualTo(RequestState.ACCEPTED);
    assertThat(delivered.deliveredAt()).isEqualTo(f.clock.instant());
    assertThat(delivered.keyBlob()).as("kept for a repeat").isNotNull();
    assertThat(delivered.keyBlobExpiresAt()).isEqualTo(f.clock.instant().plus(GRACE));

    f.clock.advance(Duration.ofMinutes(1));
    FinishResult again = f.service().finish(certificateAdmin(), app.id(), id);
    assertThat(again.certificate()).isEqualTo(first.certificate());
    assertThat(again.privateKey()).isEqualTo(first.privateKey());
    assertThat(f.store.requests.history(id))
        .last()
        .satisfies(e -> assertThat(e.text()).isEqualTo("repeat within the grace period"));
    assertThat(f.view.calls()).contains("delivered:committed", "delivered-again:committed");

    f.clock.advance(GRACE);
    GdsException late = refusal(() -> f.service().finish(certificateAdmin(), app.id(), id));
    assertThat(late.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
    assertThat(late.getMessage()).isEqualTo("the request was already completed");
    assertThat(f.request(id).keyBlob()).as("erased when read late").isNull();
    assertThat(f.history(id))
        .containsExactly(
            "created",
            "approved",
            "key-generated",
            "issued",
            "delivered",
            "delivered",
            "key-expired");
  }

  @Test
  void finishRequestFromAnotherClientCertificateThanTheRequestersIsRefused() throws Exception {
    f.policy(ApprovalPolicy.AUTO_APPROVE);
    ApplicationRecord app = f.register("press");
    UUID id = f.service().startSigningRequest(certificateAdmin(), app.id(), null, null, csr(app));
    Caller sameUserOtherClient =
        new Caller(
            "ca-admin",
            Set.of(Role.CERTIFICATE_AUTHORITY_ADMIN),
            "other-client",
            "urn:test:ca-tool",
            ChannelSecurity.SIGN_AND_ENCRYPT);

    GdsException e = refusal(() -> f.service().finish(sameUserOtherClient, app.id(), id));

    assertThat(e.reason()).isEqualTo(Reason.ACCESS_DENIED);
    assertThat(e.getMessage())
        .isEqualTo("FinishRequest must come from the client certificate that started the request");
    assertThat(f.service().finish(certificateAdmin(), app.id(), id).privateKey()).isNull();
  }

  // for a request a user filed, FinishRequest also needs that user (the same client certificate
  // in another user's session, or in a session without a user, gets nothing)
  @Test
  void finishRequestFromAnotherUserOnTheRequestersClientCertificateIsRefused() throws Exception {
    f.policy(ApprovalPolicy.AUTO_APPROVE);
    ApplicationRecord app = f.register("press");
    UUID id = f.service().startSigningRequest(certificateAdmin(), app.id(), null, null, csr(app));
    Caller otherUserSameClient =
        new Caller(
            "someone-else",
            Set.of(Role.CERTIFICATE_AUTHORITY_ADMIN),
            "ca-client",
            "urn:test:ca-tool",
            ChannelSecurity.SIGN_AND_ENCRYPT);
    Caller noUserSameClient =
        new Caller(
            null,
            Set.of(Role.CERTIFICATE_AUTHORITY_ADMIN),
            "ca-client",
            "urn:test:ca-tool",
            ChannelSecurity.SIGN_AND_ENCRYPT);

    for (Caller c : List.of(otherUserSameClient, noUserSameClient)) {
      GdsException e = refusal(() -> f.service().finish(c, app.id(), id));
      assertThat(e.reason()).isEqualTo(Reason.ACCESS_DENIED);
      assertThat(e.getMessage())
          .isEqualTo("FinishRequest must come from the user who started the request");
    }
    assertThat(f.request(id).state()).isEqualTo(RequestState.APPROVED);
    assertThat(f.service().finish(certificateAdmin(), app.id(), id).certificate()).isNotEmpty();
  }

  @Test
  void eachStateAnswersFinishRequestAsPart12Says() throws Exception {
    ApplicationRecord app = f.register("press");
    ApplicationRecord other = f.register("other");
    Caller admin = certificateAdmin();
    UUID waiting = f.service().startSigningRequest(admin, app.id(), null, null, csr(app));
    UUID rejected = f.service().startSigningRequest(admin, app.id(), null, null, csr(app));
    f.service().reject(approver("ra"), rejected, "no");

    assertThat(refusal(() -> f.service().finish(admin, app.id(), waiting)).reason())
        .isEqualTo(Reason.NOTHING_TO_DO);
    assertThat(refusal(() -> f.service().finish(admin, app.id(), rejected)).reason())
        .isEqualTo(Reason.REQUEST_NOT_ALLOWED);
    assertThat(refusal(() -> f.service().finish(admin, other.id(), waiting)).getMessage())
        .isEqualTo("the request belongs to another application");
    assertThat(refusal(() -> f.service().finish(admin, app.id(), UUID.randomUUID())).reason())
        .isEqualTo(Reason.NOT_FOUND);
    assertThat(refusal(() -> f.service().finish(admin, app.id(), null)).reason())
        .isEqualTo(Reason.NOT_FOUND);
  }

  @Test
  void anUndeliveredKeyIsPurgedWhenItsTimeRunsOutAndItsRequestRemoved() {
    ApplicationRecord app = f.register("press");
    UUID id = approvedNewKeyPair(app);
    f.view.clear();

    assertThat(f.service().purgeExpiredKeys()).as("not yet").isZero();
    f.clock.advance(KEY_TTL.plusSeconds(1));
    assertThat(f.service().purgeExpiredKeys()).isEqualTo(1);

    CertificateRequestRecord r = f.request(id);
    assertThat(r.state()).isEqualTo(RequestState.REMOVED);
    assertThat(r.keyBlob()).isNull();
    assertThat(f.store.requests.history(id))
        .last()
        .satisfies(e -> assertThat(e.text()).isEqualTo("the undelivered private key was deleted"));
    assertThat(f.view.calls())
        .containsExactly("recorded:key-expired:tx", "changed:removed:committed");
    assertThat(f.service().purgeExpiredKeys()).isZero();
    // removed before delivery: the device is told to file a new request
    GdsException removed = refusal(() -> f.service().finish(certificateAdmin(), app.id(), id));
    assertThat(removed.reason()).isEqualTo(Reason.REQUEST_NOT_ALLOWED);
    assertThat(removed.getMessage()).isEqualTo("the request was removed; file a new request");
  }
}
