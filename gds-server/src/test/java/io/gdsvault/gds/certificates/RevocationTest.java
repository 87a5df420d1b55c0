package io.gdsvault.gds.certificates;

import static io.gdsvault.gds.certificates.CertificatesFixture.application;
import static io.gdsvault.gds.certificates.CertificatesFixture.certificateAdmin;
import static io.gdsvault.gds.certificates.CertificatesFixture.csr;
import static io.gdsvault.gds.certificates.CertificatesFixture.refusal;
import static io.gdsvault.gds.certificates.CertificatesFixture.thumbprintOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.Reason;
import io.gdsvault.gds.trust.RevocationStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Revocation: the CRL, the issued record and the request move together. */
class RevocationTest {

  @TempDir Path dir;
  private CertificatesFixture f;

  @BeforeEach
  void open() throws Exception {
    f = new CertificatesFixture(dir).policy(ApprovalPolicy.AUTO_APPROVE);
  }

  @AfterEach
  void close() {
    f.close();
  }

  private UUID delivered(ApplicationRecord app) throws Exception {
    UUID id = f.service().startSigningRequest(certificateAdmin(), app.id(), null, null, csr(app));
    f.service().finish(certificateAdmin(), app.id(), id);
    return id;
  }

  @Test
  void revokingBySerialRevokesTheCertificateOnTheCrlAndItsRequest() throws Exception {
    ApplicationRecord app = f.register("press");
    UUID id = delivered(app);
    CertificateRequestRecord r = f.request(id);
    f.view.clear();

    var revoked =
        f.service().revokeSerial(certificateAdmin(), " " + r.serial().toUpperCase(Locale.ROOT));

    assertThat(revoked).singleElement().satisfies(c -> assertThat(c.revoked()).isTrue());
    assertThat(f.request(id).state()).isEqualTo(RequestState.REVOKED);
    assertThat(f.store.requests.history(id))
        .last()
        .satisfies(e -> assertThat(e.text()).isEqualTo("revoked by serial"));
    assertThat(f.view.calls())
        .containsExactly("recorded:revoked:tx", "revoked:committed", "changed:revoked:committed");
    assertThat(f.service().checkRevocationStatus(certificateAdmin(), r.certificateDer()).status())
        .isEqualTo(RevocationStatus.Status.REVOKED);
    assertThat(refusal(() -> f.service().revokeSerial(certificateAdmin(), "zz")).getMessage())
        .isEqualTo("SERIAL must be hexadecimal");
    assertThat(refusal(() -> f.service().revokeSerial(certificateAdmin(), "abcdef")).reason())
        .isEqualTo(Reason.NOT_FOUND);
  }

  @Test
  void anApplicationRevokesItsOwnCertificateButNoOneElses() throws Exception {
    ApplicationRecord app = f.register("press");
    ApplicationRecord other = f.register("other");
    byte[] mine = f.request(delivered(app)).certificateDer();
    byte[] theirs = f.request(delivered(other)).certificateDer();
    Caller self = application(app, thumbprintOf(mine));

    assertThat(refusal(() -> f.service().revoke(self, app.id(), new byte[] {1})).getMessage())
        .isEqualTo("Certificate is not an X.509 certificate");
    assertThat(refusal(() -> f.service().revoke(certificateAdmin(), app.id(), theirs)).getMessage())
        .isEqualTo("the certificate was not issued to this application");
    f.service().revoke(self, app.id(), mine);

    assertThat(f.store.issued.findByThumbprint(thumbprintOf(mine)).orElseThrow().revoked())
        .isTrue();
    assertThat(f.store.issued.findByThumbprint(thumbprintOf(theirs)).orElseThrow().revoked())
        .isFalse();
    assertThat(refusal(() -> f.service().certificateGroups(self, app.id())).reason())
        .as("a revoked certificate no longer acts for the application")
        .isEqualTo(Reason.ACCESS_DENIED);
  }

  @Test
  void unregisteringRevokesEveryCertificateRemovesOpenRequestsAndEndsBindings() throws Exception {
    ApplicationRecord app = f.register("press");
    UUID done = delivered(app);
    // approved, its key still being made: open and without a certificate
    UUID pending =
        f.service()
            .startNewKeyPairRequest(
                certificateAdmin(), app.id(), null, null, null, List.of(), "PEM", null);
    f.store.issued.bind(app.id(), "bound-cert", "ca-admin", f.clock.instant());

    assertThat(f.service().revokeAll(Caller.system(), app.id())).isEqualTo(1);

    assertThat(f.request(done).state()).isEqualTo(RequestState.REVOKED);
    assertThat(f.request(pending).state()).isEqualTo(RequestState.REMOVED);
    assertThat(f.store.requests.history(pending))
        .last()
        .satisfies(e -> assertThat(e.text()).isEqualTo("application unregistered"));
    assertThat(f.store.issued.isBound(app.id(), "bound-cert")).isFalse();
    assertThat(f.store.issued.findByApplication(app.id()))
        .allSatisfy(c -> assertThat(c.revoked()).isTrue());
    f.keyThreads.runPending();
    assertThat(f.request(pending).keyBlob()).as("no key for a removed request").isNull();
    assertThat(f.service().revokeAll(Caller.system(), null)).isZero();
  }
}
