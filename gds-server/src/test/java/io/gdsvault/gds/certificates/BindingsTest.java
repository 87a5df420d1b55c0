package io.gdsvault.gds.certificates;

import static io.gdsvault.gds.certificates.CertificatesFixture.application;
import static io.gdsvault.gds.certificates.CertificatesFixture.approver;
import static io.gdsvault.gds.certificates.CertificatesFixture.certificateAdmin;
import static io.gdsvault.gds.certificates.CertificatesFixture.csr;
import static io.gdsvault.gds.certificates.CertificatesFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.ChannelSecurity;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.Reason;
import io.gdsvault.gds.trust.CertificateGroup;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Self-service bindings (an admin filing from the application's own client certificate) end with
 * the rejection of the request that made them, the revocation of the application's certificate, and
 * its unregistration.
 */
class BindingsTest {

  static final String BOOTSTRAP = "press-bootstrap-cert";

  @TempDir Path dir;
  private CertificatesFixture f;
  private ApplicationRecord app;

  @BeforeEach
  void open() throws Exception {
    f = new CertificatesFixture(dir);
    app = f.register("press");
  }

  @AfterEach
  void close() {
    f.close();
  }

  /** A CertificateAuthorityAdmin logged in on the device, with its bootstrap certificate. */
  private Caller adminOnTheDevice() {
    return new Caller(
        "ca-admin",
        Set.of(Role.CERTIFICATE_AUTHORITY_ADMIN),
        BOOTSTRAP,
        app.applicationUri(),
        ChannelSecurity.SIGN_AND_ENCRYPT);
  }

  private boolean selfServiceWorks() {
    Caller self = application(app, BOOTSTRAP);
    try {
      return f.service()
          .certificateGroups(self, app.id())
          .contains(CertificateGroup.DEFAULT_APPLICATION_GROUP);
    } catch (io.gdsvault.gds.model.GdsException e) {
      assertThat(e.reason()).isEqualTo(Reason.ACCESS_DENIED);
      return false;
    }
  }

  @Test
  void rejectingTheRequestThatMadeTheBindingEndsIt() throws Exception {
    UUID id = f.service().startSigningRequest(adminOnTheDevice(), app.id(), null, null, csr(app));
    assertThat(selfServiceWorks()).as("bound by filing").isTrue();

    f.service().reject(approver("ra"), id, "not ours");

    assertThat(selfServiceWorks()).as("after the rejection").isFalse();
  }

  @Test
  void aBindingAnotherStandingRequestMadeSurvivesARejection() throws Exception {
    UUID first =
        f.service().startSigningRequest(adminOnTheDevice(), app.id(), null, null, csr(app));
    UUID second =
        f.service().startSigningRequest(adminOnTheDevice(), app.id(), null, null, csr(app));
    f.service().reject(approver("ra"), second, "duplicate");

    assertThat(selfServiceWorks()).as("the first request still stands").isTrue();
    f.service().reject(approver("ra"), first, "not ours either");
    assertThat(selfServiceWorks()).isFalse();
  }

  @Test
  void revokingTheApplicationsCertificateEndsItsBindings() throws Exception {
    UUID id = f.service().startSigningRequest(adminOnTheDevice(), app.id(), null, null, csr(app));
    f.service().approve(approver("ra"), id, null);
    byte[] der = f.service().finish(adminOnTheDevice(), app.id(), id).certificate();
    assertThat(selfServiceWorks()).isTrue();

    f.service().revoke(certificateAdmin(), app.id(), der);

    assertThat(selfServiceWorks()).as("after the revocation").isFalse();
  }

  @Test
  void unregisteringTheApplicationEndsItsBindings() throws Exception {
    f.service().startSigningRequest(adminOnTheDevice(), app.id(), null, null, csr(app));
    assertThat(selfServiceWorks()).isTrue();

    f.service().revokeAll(certificateAdmin(), app.id());

    assertThat(selfServiceWorks()).isFalse();
    assertThat(refusal(() -> f.service().certificateGroups(application(app, BOOTSTRAP), app.id())))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.ACCESS_DENIED));
  }
}
