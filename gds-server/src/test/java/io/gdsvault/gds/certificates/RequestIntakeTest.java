package io.gdsvault.gds.certificates;

import static io.gdsvault.gds.certificates.CertificatesFixture.application;
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
import io.gdsvault.gds.trust.CertificateGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filing: checks, the quota, the audit row and the policy decision, in the order the wire sees. */
class RequestIntakeTest {

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
  void aFiledRequestIsAuditedInsideItsTransactionAndAnnouncedOnlyAfterItCommitted()
      throws Exception {
    ApplicationRecord app = f.register("press");
    UUID id = f.service().startSigningRequest(certificateAdmin(), app.id(), null, null, csr(app));

    CertificateRequestRecord r = f.request(id);
    assertThat(r.state()).isEqualTo(RequestState.NEW);
    assertThat(r.requestedBy()).isEqualTo("ca-admin");
    assertThat(r.requesterThumbprint()).isEqualTo("ca-client");
    assertThat(r.certificateGroup()).isEqualTo(CertificateGroup.DEFAULT_APPLICATION_GROUP);
    assertThat(r.keyType()).isEqualTo("EC-256");
    assertThat(r.csrSeal()).isNotNull();
    assertThat(f.history(id)).containsExactly("created");
    assertThat(f.audit.calls()).containsExactly("recorded:created:tx", "created:committed");
    assertThat(f.view.calls()).containsExactly("recorded:created:tx", "created:committed");
  }

  @Test
  void aRequestWhoseAuditRowIsRefusedIsNotFiled() throws Exception {
    ApplicationRecord app = f.register("press");
    byte[] csr = csr(app);
    f.audit.failOn("created");

    Throwable t =
        catchThrowable(
            () -> f.service().startSigningRequest(certificateAdmin(), app.id(), null, null, csr));

    assertThat(t).hasMessage("audit row refused");
    assertThat(f.store.requests.rows).isEmpty();
    assertThat(f.store.requests.history).isEmpty();
    assertThat(f.view.calls()).as("nothing announced").isEmpty();
  }

  @Test
  void theQuotaIsAskedInsideTheFilingTransactionAndItsRefusalStoresNothing() throws Exception {
    List<Boolean> askedInTransaction = Collections.synchronizedList(new ArrayList<>());
    f.quotas(
        r -> {
          askedInTransaction.add(f.store.inTransaction());
          if (!f.store.requests.findByApplication(r.applicationId()).isEmpty()) {
            throw new GdsException(Reason.TOO_MANY_OPERATIONS, "one is enough");
          }
        });
    ApplicationRecord app = f.register("press");
    f.service().startSigningRequest(certificateAdmin(), app.id(), null, null, csr(app));
    byte[] second = csr(app);

    GdsException e =
        refusal(
            () ->
                f.service().startSigningRequest(certificateAdmin(), app.id(), null, null, second));

    assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_OPERATIONS);
    assertThat(f.store.requests.rows).hasSize(1);
    assertThat(f.audit.calls()).containsExactly("recorded:created:tx", "created:committed");
    assertThat(askedInTransaction).containsExactly(true, true);
  }

  @Test
  void openRequestQuotasCountOpenRequestsPerApplicationAndOnTheWholeGds() throws Exception {
    f.quotas(new OpenRequestQuotas(f.store.requests, 1, 2));
    Caller admin = certificateAdmin();
    ApplicationRecord a = f.register("a");
    ApplicationRecord b = f.register("b");
    ApplicationRecord c = f.register("c");
    UUID first = f.service().startSigningRequest(admin, a.id(), null, null, csr(a));
    byte[] csrA = csr(a);

    GdsException mine =
        refusal(() -> f.service().startSigningRequest(admin, a.id(), null, null, csrA));
    assertThat(mine.reason()).isEqualTo(Reason.TOO_MANY_OPERATIONS);
    assertThat(mine.getMessage()).isEqualTo("the application has 1 open requests (limit 1)");

    // a closed request frees its place
    f.service().reject(CertificatesFixture.approver("ra"), first, "not this one");
    f.service().startSigningRequest(admin, a.id(), null, null, csrA);
    f.service().startSigningRequest(admin, b.id(), null, null, csr(b));
    byte[] csrC = csr(c);
    GdsException all =
        refusal(() -> f.service().startSigningRequest(admin, c.id(), null, null, csrC));
    assertThat(all.reason()).isEqualTo(Reason.RESOURCE_UNAVAILABLE);
    assertThat(all.getMessage()).isEqualTo("too many open requests on this GDS");
  }

  @Test
  void autoApprovalDecidesAndIssuesRightAfterFilingEachStepAuditedInItsTransaction()
      throws Exception {
    f.policy(ApprovalPolicy.AUTO_APPROVE);
    ApplicationRecord app = f.register("press");
    UUID id = f.service().startSigningRequest(certificateAdmin(), app.id(), null, null, csr(app));

    CertificateRequestRecord r = f.request(id);
    assertThat(r.state()).isEqualTo(RequestState.APPROVED);
    assertThat(r.issued()).isTrue();
    assertThat(r.decidedBy()).isEqualTo("policy");
    assertThat(r.decisionText()).isEqualTo(ApprovalPolicy.AUTO_APPROVE_WARNING);
    assertThat(f.history(id)).containsExactly("created", "approved", "issued");
    assertThat(f.audit.calls())
        .containsExactly(
            "recorded:created:tx",
            "recorded:approved:tx",
            "recorded:issued:tx",
            "created:committed",
            "changed:approved:committed");
    assertThat(f.store.issued.rows)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.requestId()).isEqualTo(id);
              assertThat(c.serial()).isEqualTo(r.serial());
              assertThat(c.thumbprint())
                  .isEqualTo(CertificatesFixture.thumbprintOf(c.certificateDer()));
            });
  }

  @Test
  void filingAndThePolicysDecisionAreOneTransactionSoAFailedDecisionStoresNothing()
      throws Exception {
    f.policy(ApprovalPolicy.AUTO_APPROVE);
    ApplicationRecord app = f.register("press");
    f.audit.failOn("approved"); // as a crash between filing and the decision would
    byte[] csr = csr(app);

    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    f.service().startSigningRequest(certificateAdmin(), app.id(), null, null, csr)))
        .hasMessage("audit row refused");

    assertThat(f.store.requests.rows).as("no request left New").isEmpty();
    assertThat(f.store.issued.rows).isEmpty();
    UUID id = f.service().startSigningRequest(certificateAdmin(), app.id(), null, null, csr);
    assertThat(f.request(id).state()).isEqualTo(RequestState.APPROVED);
    assertThat(f.request(id).issued()).isTrue();
  }

  @Test
  void aPolicyRejectionIsRecordedWithItsReasonAndNothingIsIssued() throws Exception {
    f.policy(r -> new ApprovalPolicy.Decision(ApprovalPolicy.Outcome.REJECT, "not from here"));
    ApplicationRecord app = f.register("press");
    UUID id = f.service().startSigningRequest(certificateAdmin(), app.id(), null, null, csr(app));

    assertThat(f.request(id).state()).isEqualTo(RequestState.REJECTED);
    assertThat(f.request(id).decisionText()).isEqualTo("not from here");
    assertThat(f.history(id)).containsExactly("created", "rejected");
    assertThat(f.store.issued.rows).isEmpty();
  }

  @Test
  void anAdminFilingFromTheApplicationsOwnCertificateLetsThatCertificateActForIt()
      throws Exception {
    ApplicationRecord app = f.register("press");
    Caller self = application(app, "press-cert");
    assertThat(refusal(() -> f.service().certificateGroups(self, app.id())).reason())
        .isEqualTo(Reason.ACCESS_DENIED);

    Caller adminOnTheDevice =
        new Caller(
            "ca-admin",
            Set.of(Role.CERTIFICATE_AUTHORITY_ADMIN),
            "press-cert",
            app.applicationUri(),
            ChannelSecurity.SIGN_AND_ENCRYPT);
    f.service().startSigningRequest(adminOnTheDevice, app.id(), null, null, csr(app));

    assertThat(f.service().certificateGroups(self, app.id()))
        .containsExactly(CertificateGroup.DEFAULT_APPLICATION_GROUP);
    Caller otherCertificate = application(app, "someone-else");
    assertThat(refusal(() -> f.service().certificateGroups(otherCertificate, app.id())).reason())
        .isEqualTo(Reason.ACCESS_DENIED);
  }

  @Test
  void aCsrThatIsEmptyUnreadableOrForAnotherUriIsRefusedWithItsReason() throws Exception {
    ApplicationRecord app = f.register("press");
    ApplicationRecord other = f.register("other");
    Caller admin = certificateAdmin();
    byte[] foreign = csr(other);

    GdsException empty =
        refusal(() -> f.service().startSigningRequest(admin, app.id(), null, null, new byte[0]));
    GdsException garbage =
        refusal(() -> f.service().startSigningRequest(admin, app.id(), null, null, new byte[] {1}));
    GdsException uri =
        refusal(() -> f.service().startSigningRequest(admin, app.id(), null, null, foreign));
    GdsException unknown =
        refusal(
            () -> f.service().startSigningRequest(admin, UUID.randomUUID(), null, null, foreign));

    assertThat(empty.getMessage()).isEqualTo("CertificateRequest is empty");
    assertThat(garbage.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
    assertThat(uri.reason()).isEqualTo(Reason.CERTIFICATE_URI_INVALID);
    assertThat(unknown.reason()).isEqualTo(Reason.NOT_FOUND);
    assertThat(f.store.requests.rows).isEmpty();
  }

  @Test
  void newKeyPairInputsAreRefusedNamingTheFieldTheyGotWrong() {
    ApplicationRecord app = f.register("press");
    Caller admin = certificateAdmin();
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 65; i++) {
      many.add("h" + i + ".example");
    }
    String longSubject = "CN=" + "x".repeat(1024);

    assertThat(newKeyPair(admin, app, null, many, "PEM", null)).isEqualTo("too many DomainNames");
    assertThat(newKeyPair(admin, app, null, List.of("bad name!"), "PEM", null))
        .isEqualTo("a DomainName is not a DNS name or IP address");
    assertThat(newKeyPair(admin, app, longSubject, List.of(), "PEM", null))
        .isEqualTo("SubjectName is too long");
    assertThat(newKeyPair(admin, app, "not a name", List.of(), "PEM", null))
        .isEqualTo("SubjectName is not a valid X.500 name");
    assertThat(newKeyPair(admin, app, null, List.of(), "PEM", new char[1025]))
        .isEqualTo("PrivateKeyPassword is too long");
    assertThat(newKeyPair(admin, app, null, List.of(), "JKS", null)).isNotBlank();
    assertThat(f.store.requests.rows).isEmpty();
    assertThat(f.keyThreads.pendingCount()).isZero();
  }

  private String newKeyPair(
      Caller caller,
      ApplicationRecord app,
      String subject,
      List<String> names,
      String format,
      char[] password) {
    GdsException e =
        refusal(
            () ->
                f.service()
                    .startNewKeyPairRequest(
                        caller, app.id(), null, null, subject, names, format, password));
    assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
    return e.getMessage();
  }
}
