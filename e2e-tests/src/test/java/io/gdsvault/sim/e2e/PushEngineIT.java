package io.gdsvault.sim.e2e;

import static io.gdsvault.sim.e2e.PushFixture.TARGET_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.push.PushEngine;
import io.gdsvault.gds.push.PushTarget;
import io.gdsvault.gds.trust.CertificateGroup;
import io.gdsvault.gds.trust.GroupCertificateType;
import io.gdsvault.sim.push.PushTargetDevice;
import java.security.cert.X509Certificate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The push engine against the device simulator (Part 12 §7.10): a real GDS and a real push target
 * in this JVM on 127.0.0.1; every outcome is checked from the target's side (GetEndpoints, the
 * handshake certificate, the trust list read back from its TrustList object).
 */
class PushEngineIT {

  PushFixture f;

  @AfterEach
  void close() throws Exception {
    if (f != null) {
      f.close();
    }
  }

  GroupCertificateType rsa() {
    CertificateGroup g =
        f.gds.certificates().groups().requireGroup(CertificateGroup.DEFAULT_APPLICATION_GROUP);
    return g.defaultType();
  }

  record Provisioned(PushTargetDevice device, UUID app, PushTarget job) {}

  Provisioned provision(String name) throws Exception {
    PushTargetDevice d = f.startTarget(name);
    UUID app = f.register(d.support().applicationUri(), d.endpointUrl());
    X509Certificate selfSigned = PushFixture.advertised(d.endpointUrl());
    String pinned =
        f.engine()
            .enable(
                io.gdsvault.gds.auth.Caller.system(),
                f.enableRequest(app, d.endpointUrl(), TARGET_PASSWORD));
    assertThat(pinned).isEqualTo(PushEngine.thumbprint(selfSigned));
    PushTarget job = f.awaitSucceeded(app, null);
    return new Provisioned(d, app, job);
  }

  @Test
  void initialProvisioningWritesTheTrustListThenInstallsACertificateFromOurCa() throws Exception {
    // the endpoint, the handshake and the trust list must all show what the GDS pushed
    f = new PushFixture(PushFixture.autoApprove(), PushFixture.fastSettings(0.66));
    Provisioned p = provision("target");

    X509Certificate advertised = PushFixture.advertised(p.device().endpointUrl());
    assertThat(PushEngine.thumbprint(advertised)).isEqualTo(p.job().certificateThumbprint());
    PushFixture.assertChainsTo(advertised, rsa().ca().currentCaCertificate());
    assertThat(advertised.getNotAfter().toInstant()).isEqualTo(p.job().notAfter());
    X509Certificate shaken = f.handshakeAsGds(p.device().endpointUrl());
    assertThat(PushEngine.thumbprint(shaken)).isEqualTo(p.job().certificateThumbprint());
    assertThat(p.job().lastPush()).isNotNull();
    assertThat(p.job().lastError()).isNull();
    assertThat(p.job().phase())
        .as("the simulator kept our CRLs")
        .isEqualTo("certificate installed");

    var trust = TrustLists.read(f, p.device().endpointUrl());
    assertThat(trust.trustedCertificates())
        .contains(rsa().ca().currentCaCertificate(), f.gds.server().certificate());
    assertThat(trust.trustedCrls()).isNotEmpty();
    assertThat(trust.trustedCrls().stream().map(c -> c.getIssuerX500Principal()))
        .contains(rsa().ca().currentCaCertificate().getSubjectX500Principal());
  }

  @Test
  void renewalAfterTheConfiguredShareOfTheLifetimeInstallsAFreshCertificate() throws Exception {
    // a tiny share: the certificate is due for renewal as soon as it is installed
    f = new PushFixture(PushFixture.autoApprove(), PushFixture.fastSettings(1e-9));
    Provisioned p = provision("target");
    String first = p.job().certificateThumbprint();

    assertThat(f.engine().scanRenewals()).isEqualTo(1);
    PushTarget renewed = f.awaitSucceeded(p.app(), first);

    X509Certificate advertised = PushFixture.advertised(p.device().endpointUrl());
    assertThat(PushEngine.thumbprint(advertised))
        .isEqualTo(renewed.certificateThumbprint())
        .isNotEqualTo(first);
    assertThat(PushEngine.thumbprint(f.handshakeAsGds(p.device().endpointUrl())))
        .isEqualTo(renewed.certificateThumbprint());
    assertThat(renewed.notAfter()).isAfterOrEqualTo(p.job().notAfter());
  }

  @Test
  void caRolloverFansOutTheNewCaAndRenewsTheCertificateUnderIt() throws Exception {
    // trust first (old and new CA), then a certificate from the new CA (Part 12 §7.10 order)
    f = new PushFixture(PushFixture.autoApprove(), PushFixture.fastSettings(0.66));
    Provisioned p = provision("target");
    X509Certificate oldCa = rsa().ca().currentCaCertificate();
    java.time.Instant before = java.time.Instant.now();

    X509Certificate newCa = rsa().ca().rollover();
    f.gds.certificates().groups().changed();
    f.await(
        p.app(),
        t -> t.state() == io.gdsvault.gds.push.PushState.SUCCEEDED && t.lastPush().isAfter(before),
        "trust list pushed");
    var trust = TrustLists.read(f, p.device().endpointUrl());
    assertThat(trust.trustedCertificates()).contains(oldCa, newCa);

    assertThat(f.engine().scanRenewals()).isEqualTo(1);
    PushTarget renewed = f.awaitSucceeded(p.app(), p.job().certificateThumbprint());
    X509Certificate advertised = PushFixture.advertised(p.device().endpointUrl());
    assertThat(PushEngine.thumbprint(advertised)).isEqualTo(renewed.certificateThumbprint());
    PushFixture.assertChainsTo(advertised, newCa);
    assertThat(PushEngine.thumbprint(f.handshakeAsGds(p.device().endpointUrl())))
        .isEqualTo(renewed.certificateThumbprint());
  }

  @Test
  void revocationFansOutTheNewCrlAndTheTargetRefusesTheRevokedClient() throws Exception {
    f = new PushFixture(PushFixture.autoApprove(), PushFixture.fastSettings(0.66));
    Provisioned p = provision("target");
    ClientCertificates.Issued client =
        ClientCertificates.issue(f, "urn:gdsvault:test:revoked-client");
    // accepted while valid: the target trusts our CA through the pushed trust list
    assertThat(
            PushFixture.handshake(
                p.device().endpointUrl(), client.keyPair(), client.certificate(), client.uri()))
        .isNotNull();
    java.time.Instant before = java.time.Instant.now();

    f.gds
        .certificates()
        .service()
        .revoke(
            io.gdsvault.gds.auth.Caller.system(),
            client.applicationId(),
            client.certificate().getEncoded());
    f.await(
        p.app(),
        t -> t.state() == io.gdsvault.gds.push.PushState.SUCCEEDED && t.lastPush().isAfter(before),
        "CRL pushed");

    var trust = TrustLists.read(f, p.device().endpointUrl());
    assertThat(trust.trustedCrls())
        .anySatisfy(crl -> assertThat(crl.isRevoked(client.certificate())).isTrue());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                PushFixture.handshake(
                    p.device().endpointUrl(), client.keyPair(), client.certificate(), client.uri()))
        .as("a client with a revoked certificate is refused by the target")
        .isInstanceOf(Exception.class);
    // the target itself still works with its pushed certificate
    assertThat(PushEngine.thumbprint(f.handshakeAsGds(p.device().endpointUrl())))
        .isEqualTo(p.job().certificateThumbprint());
  }
}
