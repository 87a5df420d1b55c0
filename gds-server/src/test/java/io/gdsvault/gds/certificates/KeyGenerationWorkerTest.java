package io.gdsvault.gds.certificates;

import static io.gdsvault.gds.certificates.CertificatesFixture.approver;
import static io.gdsvault.gds.certificates.CertificatesFixture.certificateAdmin;
import static io.gdsvault.gds.certificates.CertificatesFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import io.gdsvault.testing.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** New key pairs: made off the request thread, resumable, and never left half done. */
class KeyGenerationWorkerTest {

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

  private UUID start(ApplicationRecord app, List<String> names) {
    return f.service()
        .startNewKeyPairRequest(
            certificateAdmin(), app.id(), null, null, null, names, "PEM", "pw".toCharArray());
  }

  @Test
  void theKeyIsMadeOffTheRequestThreadAndAnApprovalGivenMeanwhileIsIssuedWhenItArrives()
      throws Exception {
    ApplicationRecord app = f.register("press");
    UUID id = start(app, List.of("press", "127.0.0.1"));
    assertThat(f.request(id).csrDer()).as("no key yet").isNull();
    assertThat(f.keyThreads.pendingCount()).isEqualTo(1);

    f.service().approve(approver("ra"), id, "known device");
    GdsException waiting = refusal(() -> f.service().finish(certificateAdmin(), app.id(), id));
    assertThat(waiting.reason()).isEqualTo(Reason.NOTHING_TO_DO);
    assertThat(waiting.getMessage()).isEqualTo("the certificate is being issued");

    assertThat(f.keyThreads.runPending()).isEqualTo(1);
    CertificateRequestRecord r = f.request(id);
    assertThat(r.issued()).isTrue();
    assertThat(r.keyBlob()).isNotNull();
    assertThat(f.history(id)).containsExactly("created", "approved", "key-generated", "issued");
    assertThat(f.audit.calls()).contains("recorded:key-generated:tx", "recorded:issued:tx");

    FinishResult done = f.service().finish(certificateAdmin(), app.id(), id);
    X509Certificate cert = DerCertificates.parse(done.certificate());
    assertThat(cert.getSubjectX500Principal().getName()).contains("CN=press");
    List<Object> sans = new ArrayList<>();
    cert.getSubjectAlternativeNames().forEach(n -> sans.add(n.get(1)));
    assertThat(sans).contains(app.applicationUri(), "press", "127.0.0.1");
    assertThat(new String(done.privateKey(), StandardCharsets.US_ASCII))
        .contains("ENCRYPTED PRIVATE KEY");
    assertThat(done.issuerCertificates()).hasSize(1);
  }

  @Test
  void keysComeFromThePoolEachToOneRequestAndClosingTheManagerStopsThePool() throws Exception {
    // the pool plugs in as the worker's key source: a burst is served with keys made ahead
    List<java.security.PublicKey> made = java.util.Collections.synchronizedList(new ArrayList<>());
    KeyPairPool pool =
        new KeyPairPool(
            2,
            2048,
            1,
            java.time.Duration.ZERO,
            () -> {
              java.security.KeyPair k =
                  io.gdsvault.ca.KeyPairs.generate(io.gdsvault.ca.CertificateType.RSA_SHA256, 2048);
              made.add(k.getPublic());
              return k;
            },
            System::nanoTime);
    f.close();
    f = new CertificatesFixture(dir.resolve("rsa"), io.gdsvault.ca.CertificateType.RSA_SHA256);
    f.keyPairs(pool);
    pool.start();
    Await.until("the pool holds 2 key pairs")
        .atMost(Duration.ofSeconds(60))
        .every(Duration.ofMillis(10))
        .isTrue(() -> pool.size() >= 2);
    List<java.security.PublicKey> pooled = List.copyOf(made);
    assertThat(pooled).hasSize(2);

    ApplicationRecord press = f.register("press");
    ApplicationRecord drill = f.register("drill");
    UUID first = start(press, List.of());
    UUID second = start(drill, List.of());
    f.service().approve(approver("ra"), first, null);
    f.service().approve(approver("ra"), second, null);
    f.keyThreads.runPending();

    java.security.PublicKey k1 =
        DerCertificates.parse(
                f.service().finish(certificateAdmin(), press.id(), first).certificate())
            .getPublicKey();
    java.security.PublicKey k2 =
        DerCertificates.parse(
                f.service().finish(certificateAdmin(), drill.id(), second).certificate())
            .getPublicKey();
    assertThat(pooled).contains(k1, k2);
    assertThat(k1).isNotEqualTo(k2);
    assertThat(pool.counts()).containsExactly(2L, 0L);

    f.service().close();
    assertThat(pool.size()).isZero();
  }

  @Test
  void runningTheWorkerAgainForARequestThatHasItsKeyChangesNothing() {
    ApplicationRecord app = f.register("press");
    UUID id = start(app, List.of());
    f.keyThreads.runPending();
    CertificateRequestRecord before = f.request(id);
    List<String> history = f.history(id);

    f.keyThreads.runAgain(); // as a sweep after a restart would

    assertThat(f.request(id).csrDer()).isEqualTo(before.csrDer());
    assertThat(f.request(id).keyBlob()).isEqualTo(before.keyBlob());
    assertThat(f.history(id)).isEqualTo(history).containsExactly("created", "key-generated");
  }

  @Test
  void aKeyThatCannotBeMadeRemovesTheRequestSayingWhy() {
    f.keyPairs(
        type -> {
          throw new GeneralSecurityException("no key today");
        });
    ApplicationRecord app = f.register("press");
    UUID id = start(app, List.of());

    f.keyThreads.runPending();

    CertificateRequestRecord r = f.request(id);
    assertThat(r.state()).isEqualTo(RequestState.REMOVED);
    assertThat(r.keyBlob()).isNull();
    assertThat(r.keyBlobExpiresAt()).isNull();
    assertThat(f.store.requests.history(id))
        .last()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("removed");
              assertThat(e.text()).isEqualTo("key generation failed");
            });
    assertThat(f.audit.calls()).contains("recorded:removed:tx");
  }

  @Test
  void aRequestRejectedBeforeItsKeyArrivesGetsNone() {
    ApplicationRecord app = f.register("press");
    UUID id = start(app, List.of());
    f.service().reject(approver("ra"), id, "unknown device");

    f.keyThreads.runPending();

    CertificateRequestRecord r = f.request(id);
    assertThat(r.state()).isEqualTo(RequestState.REJECTED);
    assertThat(r.csrDer()).isNull();
    assertThat(r.keyBlob()).isNull();
    assertThat(f.history(id)).containsExactly("created", "rejected");
  }
}
