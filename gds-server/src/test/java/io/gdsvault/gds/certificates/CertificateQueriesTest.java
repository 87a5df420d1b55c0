package io.gdsvault.gds.certificates;

import static io.gdsvault.gds.certificates.CertificatesFixture.certificateAdmin;
import static io.gdsvault.gds.certificates.CertificatesFixture.csr;
import static io.gdsvault.gds.certificates.CertificatesFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.trust.CertificateGroup;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GetCertificateStatus, GetCertificates and the operators' bundle. */
class CertificateQueriesTest {

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

  @Test
  void anUpdateIsRequiredWithoutACertificateAndOnceAThirdOfItsLifeIsLeft() throws Exception {
    ApplicationRecord app = f.register("press");
    assertThat(f.service().updateRequired(certificateAdmin(), app.id(), null, null)).isTrue();
    UUID id = f.service().startSigningRequest(certificateAdmin(), app.id(), null, null, csr(app));
    assertThat(f.service().updateRequired(certificateAdmin(), app.id(), null, null)).isFalse();

    X509Certificate cert = DerCertificates.parse(f.request(id).certificateDer());
    Duration life =
        Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant());
    f.clock.set(cert.getNotAfter().toInstant().minus(life.dividedBy(3)).plusSeconds(60));

    assertThat(f.service().updateRequired(certificateAdmin(), app.id(), null, null)).isTrue();
  }

  @Test
  void getCertificatesGivesTheNewestValidCertificatePerTypeAndTheBundleItsChain() throws Exception {
    ApplicationRecord app = f.register("press");
    f.service().startSigningRequest(certificateAdmin(), app.id(), null, null, csr(app));
    f.clock.advance(Duration.ofSeconds(1));
    UUID newest =
        f.service().startSigningRequest(certificateAdmin(), app.id(), null, null, csr(app));

    assertThat(f.service().certificates(certificateAdmin(), app.id(), null))
        .singleElement()
        .satisfies(c -> assertThat(c.requestId()).isEqualTo(newest));
    assertThat(
            refusal(() -> f.service().certificates(certificateAdmin(), app.id(), "NoSuchGroup"))
                .getMessage())
        .isEqualTo("unknown CertificateGroupId");
    CertificateBundle bundle = f.service().bundle(certificateAdmin(), newest);
    assertThat(bundle.issuerCertificates()).hasSize(1);
    assertThat(bundle.crls()).isNotEmpty();
    assertThat(f.service().issuedCertificates(certificateAdmin(), null)).hasSize(2);
    assertThat(f.service().trustListGroup(certificateAdmin(), app.id(), null).name())
        .isEqualTo(CertificateGroup.DEFAULT_APPLICATION_GROUP);
  }
}
