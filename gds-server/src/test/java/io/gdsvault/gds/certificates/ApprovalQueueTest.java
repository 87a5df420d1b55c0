package io.gdsvault.gds.certificates;

import static io.gdsvault.gds.certificates.CertificatesFixture.application;
import static io.gdsvault.gds.certificates.CertificatesFixture.approver;
import static io.gdsvault.gds.certificates.CertificatesFixture.certificateAdmin;
import static io.gdsvault.gds.certificates.CertificatesFixture.csr;
import static io.gdsvault.gds.certificates.CertificatesFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.ChannelSecurity;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The approval queue: decided once, by someone else than the requester, audited atomically. */
class ApprovalQueueTest {

  private static final Caller BOTH =
      new Caller(
          "both",
          Set.of(Role.CERTIFICATE_AUTHORITY_ADMIN, Role.REGISTRATION_AUTHORITY_ADMIN),
          null,
          null,
          ChannelSecurity.SIGN_AND_ENCRYPT);

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

  @Test
  void theRequesterCannotApproveTheirOwnRequest() throws Exception {
    ApplicationRecord app = f.register("press");
    UUID id = f.service().startSigningRequest(BOTH, app.id(), null, null, csr(app));

    GdsException e = refusal(() -> f.service().approve(BOTH, id, "mine"));

    assertThat(e.reason()).isEqualTo(Reason.ACCESS_DENIED);
    assertThat(e.getMessage())
        .isEqualTo(
            "the requester cannot approve their own request: ask another"
                + " RegistrationAuthorityAdmin");
    assertThat(f.request(id).state()).isEqualTo(RequestState.NEW);
    assertThat(f.service().approve(approver("ra"), id, "checked").state())
        .isEqualTo(RequestState.APPROVED);
  }

  // four-eyes by device: another user on the client certificate that filed the request (someone
  // who holds the application's key files) cannot approve it; the same user elsewhere neither
  @Test
  void anApproverOnTheClientCertificateThatFiledTheRequestIsRefused() throws Exception {
    ApplicationRecord app = f.register("press");
    UUID id = f.service().startSigningRequest(certificateAdmin(), app.id(), null, null, csr(app));
    Caller onTheFilingClient =
        new Caller(
            "ra",
            Set.of(Role.REGISTRATION_AUTHORITY_ADMIN),
            "ca-client",
            "urn:test:ca-tool",
            ChannelSecurity.SIGN_AND_ENCRYPT);

    GdsException e = refusal(() -> f.service().approve(onTheFilingClient, id, "looks fine"));

    assertThat(e.reason()).isEqualTo(Reason.ACCESS_DENIED);
    assertThat(e).isInstanceOf(io.gdsvault.gds.model.ArgumentRefusal.class);
    assertThat(e.getMessage())
        .startsWith("the request was filed from this client certificate")
        .contains("ask another RegistrationAuthorityAdmin on another client");
    assertThat(f.request(id).state()).isEqualTo(RequestState.NEW);
    assertThat(f.service().approve(approver("ra"), id, "checked").state())
        .isEqualTo(RequestState.APPROVED);
  }

  @Test
  void selfApprovalWhenTheSettingsAllowIt(@TempDir Path other) throws Exception {
    try (CertificatesFixture lab = new CertificatesFixture(other).allowSelfApproval()) {
      ApplicationRecord app = lab.register("press");
      UUID id = lab.service().startSigningRequest(BOTH, app.id(), null, null, csr(app));
      CertificateRequestRecord r = lab.service().approve(BOTH, id, "lab");
      assertThat(r.state()).isEqualTo(RequestState.APPROVED);
      assertThat(r.decidedBy()).isEqualTo("both");
      assertThat(r.issued()).isTrue();
    }
  }

  @Test
  void aRequestIsDecidedOnlyOnce() throws Exception {
    ApplicationRecord app = f.register("press");
    UUID id = f.service().startSigningRequest(certificateAdmin(), app.id(), null, null, csr(app));
    f.service().approve(approver("ra"), id, " checked ");
    assertThat(f.request(id).decisionText()).isEqualTo("checked");

    GdsException twice = refusal(() -> f.service().approve(approver("rb"), id, "again"));
    GdsException reject = refusal(() -> f.service().reject(approver("rb"), id, "too late"));

    assertThat(twice.reason()).isEqualTo(Reason.INVALID_STATE);
    assertThat(twice.getMessage()).isEqualTo("the request is approved");
    assertThat(reject.reason()).isEqualTo(Reason.INVALID_STATE);
    assertThat(f.store.issued.rows).hasSize(1);
  }

  @Test
  void aRejectionNeedsAReasonAndDropsAnyKeyButKeepsItsExpiry() {
    ApplicationRecord app = f.register("press");
    UUID id =
        f.service()
            .startNewKeyPairRequest(
                certificateAdmin(), app.id(), null, null, null, List.of(), "PEM", null);
    f.keyThreads.runPending();
    assertThat(f.request(id).keyBlob()).isNotNull();

    assertThat(refusal(() -> f.service().reject(approver("ra"), id, "  ")).getMessage())
        .isEqualTo("a reason is required to reject a request");
    CertificateRequestRecord r = f.service().reject(approver("ra"), id, "unknown device");

    assertThat(r.state()).isEqualTo(RequestState.REJECTED);
    assertThat(r.decisionText()).isEqualTo("unknown device");
    assertThat(r.keyBlob()).isNull();
    assertThat(r.keyBlobExpiresAt()).isNotNull();
    assertThat(f.store.issued.rows).isEmpty();
  }

  @Test
  void onlyRegistrationAuthorityAdminsDecideAndOperatorsReadTheQueue() throws Exception {
    ApplicationRecord app = f.register("press");
    UUID id = f.service().startSigningRequest(certificateAdmin(), app.id(), null, null, csr(app));
    Caller device = application(app, "press-cert");

    assertThat(refusal(() -> f.service().approve(certificateAdmin(), id, "")).reason())
        .isEqualTo(Reason.ACCESS_DENIED);
    assertThat(refusal(() -> f.service().list(device, List.of())).reason())
        .isEqualTo(Reason.ACCESS_DENIED);
    assertThat(f.service().list(certificateAdmin(), List.of(RequestState.NEW)))
        .extracting(CertificateRequestRecord::requestId)
        .containsExactly(id);
    assertThat(f.service().openRequests()).hasSize(1);
    var shown = f.service().show(approver("ra"), id);
    assertThat(shown.getValue()).extracting(RequestHistoryEntry::action).containsExactly("created");
    assertThat(refusal(() -> f.service().show(approver("ra"), UUID.randomUUID())).reason())
        .isEqualTo(Reason.NOT_FOUND);
  }

  @Test
  void aDecisionWhoseAuditRowIsRefusedIsRolledBackWithItsIssuance() throws Exception {
    ApplicationRecord app = f.register("press");
    UUID id = f.service().startSigningRequest(certificateAdmin(), app.id(), null, null, csr(app));
    f.audit.failOn("issued");

    assertThat(catchThrowable(() -> f.service().approve(approver("ra"), id, "ok")))
        .hasMessage("audit row refused");

    assertThat(f.request(id).state()).isEqualTo(RequestState.NEW);
    assertThat(f.request(id).issued()).isFalse();
    assertThat(f.history(id)).containsExactly("created");
    assertThat(f.store.issued.rows).isEmpty();
    assertThat(f.service().approve(approver("ra"), id, "ok").issued()).isTrue();
  }
}
