package io.gdsvault.sim.e2e;

import static io.gdsvault.sim.e2e.PushFixture.TARGET_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.push.PushEngine;
import io.gdsvault.gds.push.PushTarget;
import io.gdsvault.gds.trust.CertificateGroup;
import io.gdsvault.gds.trust.GroupCertificateType;
import io.gdsvault.sim.app.PushTargetDevice;
import java.security.cert.X509Certificate;
import java.util.List;
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
    CertificateGroup g = f.gds.certificates().groups().requireGroup(CertificateGroup.DEFAULT_APPLICATION_GROUP);
    return g.defaultType();
  }

  record Provisioned(PushTargetDevice device, UUID app, PushTarget job) {}

  Provisioned provision(String name) throws Exception {
    PushTargetDevice d = f.startTarget(name);
    UUID app = f.register(d.support().applicationUri(), d.endpointUrl());
    X509Certificate selfSigned = PushFixture.advertised(d.endpointUrl());
    String pinned = f.engine().enable(io.gdsvault.gds.auth.Caller.system(),
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

    var trust = TrustLists.read(f, p.device().endpointUrl());
    assertThat(trust.trustedCertificates()).contains(rsa().ca().currentCaCertificate(), f.gds.server().certificate());
    assertThat(trust.trustedCrls()).isNotEmpty();
    assertThat(trust.trustedCrls().stream().map(c -> c.getIssuerX500Principal()))
        .contains(rsa().ca().currentCaCertificate().getSubjectX500Principal());
  }
}
