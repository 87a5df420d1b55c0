package io.gdsvault.sim.e2e;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.FinishResult;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.sim.push.CertificateCodec;
import io.gdsvault.testing.Await;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
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
    // the key pair is made asynchronously: finish answers with a GdsException until it is there
    FinishResult r =
        Await.until("the client certificate of " + uri + " issued")
            .atMost(Duration.ofSeconds(30))
            .every(Duration.ofMillis(100))
            .value(() -> service.finish(Caller.system(), app, request), issued -> true);
    X509Certificate cert = CertificateCodec.decodeCertificate(r.certificate());
    PrivateKey key = CertificateCodec.decodePrivateKey("PEM", r.privateKey());
    return new Issued(app, uri, new KeyPair(cert.getPublicKey(), key), cert);
  }
}
