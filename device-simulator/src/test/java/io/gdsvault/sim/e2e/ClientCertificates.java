package io.gdsvault.sim.e2e;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.FinishResult;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.sim.push.CertificateCodec;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;

/** A client application with a certificate from the GDS (pull flow, auto-approved). */
final class ClientCertificates {

  record Issued(UUID applicationId, String uri, KeyPair keyPair, X509Certificate certificate) {}

  private ClientCertificates() {}

  static Issued issue(PushFixture f, String uri) throws Exception {
    UUID app =
        f.gds
            .directory()
            .register(
                Caller.system(),
                new ApplicationRecord(
                    null,
                    uri,
                    ApplicationType.CLIENT,
                    List.of(new LocalizedName("en", "test client")),
                    "urn:test",
                    List.of(),
                    List.of()));
    var service = f.gds.certificates().service();
    UUID request =
        service.startNewKeyPairRequest(
            Caller.system(), app, null, null, "CN=test client", List.of(), "PEM", null);
    FinishResult r = null;
    for (int i = 0; i < 300 && r == null; i++) {
      try {
        r = service.finish(Caller.system(), app, request);
      } catch (GdsException e) {
        Thread.sleep(100);
      }
    }
    if (r == null) {
      throw new AssertionError("the client certificate was not issued");
    }
    X509Certificate cert = CertificateCodec.decodeCertificate(r.certificate());
    PrivateKey key = CertificateCodec.decodePrivateKey("PEM", r.privateKey());
    return new Issued(app, uri, new KeyPair(cert.getPublicKey(), key), cert);
  }
}
