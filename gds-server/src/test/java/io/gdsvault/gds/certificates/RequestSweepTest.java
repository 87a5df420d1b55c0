package io.gdsvault.gds.certificates;

import static io.gdsvault.gds.certificates.CertificatesFixture.approver;
import static io.gdsvault.gds.certificates.CertificatesFixture.certificateAdmin;
import static io.gdsvault.gds.certificates.CertificatesFixture.csr;
import static io.gdsvault.gds.certificates.CertificatesFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep after a crash: every open request that can no longer progress is repaired, or closed
 * with a reason the device sees; what a person or the worker can still act on is left alone.
 */
class RequestSweepTest {

  static final String PASSWORD = "device-pw-1";

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

  private UUID newKeyPair(ApplicationRecord app, String format) {
    return f.service()
        .startNewKeyPairRequest(
            certificateAdmin(),
            app.id(),
            null,
            null,
            null,
            List.of(),
            format,
            PASSWORD.toCharArray());
  }

  @Test
  void keyGenerationLostInACrashIsRedoneWithThePasswordTheDeviceGave() throws Exception {
    ApplicationRecord app = f.register("press");
    UUID id = newKeyPair(app, "PFX");
    f.service().approve(approver("ra"), id, "known device");
    byte[] sealed = f.request(id).pendingSecret();
    assertThat(sealed).as("the password is kept sealed until the key exists").isNotNull();
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(PASSWORD);

    f.restart(); // the worker never ran: the request is approved without a key
    assertThat(f.request(id).csrDer()).isNull();
    assertThat(f.service().sweepStuckRequests()).isEqualTo(1);
    assertThat(f.keyThreads.runPending()).isEqualTo(1);

    CertificateRequestRecord r = f.request(id);
    assertThat(r.issued()).isTrue();
    assertThat(r.pendingSecret()).as("wiped with the key stored").isNull();
    assertThat(f.history(id)).containsExactly("created", "approved", "key-generated", "issued");
    FinishResult done = f.service().finish(certificateAdmin(), app.id(), id);
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(new ByteArrayInputStream(done.privateKey()), PASSWORD.toCharArray());
    String alias = ks.aliases().nextElement();
    PrivateKey key = (PrivateKey) ks.getKey(alias, PASSWORD.toCharArray());
    X509Certificate cert = DerCertificates.parse(done.certificate());
    assertThat(key.getAlgorithm()).isEqualTo(cert.getPublicKey().getAlgorithm());
    assertThat(f.service().sweepStuckRequests()).as("nothing left to repair").isZero();
  }

  @Test
  void aRequestRejectedOrRemovedKeepsNoPassword() {
    ApplicationRecord app = f.register("press");
    UUID rejected = newKeyPair(app, "PEM");
    f.service().reject(approver("ra"), rejected, "unknown device");
    assertThat(f.request(rejected).pendingSecret()).isNull();

    f.keyPairs(
        type -> {
          throw new java.security.GeneralSecurityException("no key today");
        });
    f.restart();
    UUID failed = newKeyPair(f.register("drill"), "PEM");
    f.keyThreads.runPending();
    assertThat(f.request(failed).state()).isEqualTo(RequestState.REMOVED);
    assertThat(f.request(failed).pendingSecret()).isNull();
  }

  @Test
  void aKeylessRequestFiledWithoutASealedPasswordIsRemovedOnceStaleAndTheDeviceIsTold() {
    ApplicationRecord app = f.register("press");
    UUID id = newKeyPair(app, "PEM");
    f.service().approve(approver("ra"), id, null);
    // as filed by a version that did not keep the password
    f.store.requests.rows.put(id, f.request(id).withoutPendingSecret());
    f.restart();

    assertThat(f.service().sweepStuckRequests()).as("may still be generated elsewhere").isZero();
    assertThat(f.request(id).state()).isEqualTo(RequestState.APPROVED);
    f.clock.advance(RequestSweep.STALE.plusSeconds(1));
    assertThat(f.service().sweepStaleRequests()).isEqualTo(1);

    CertificateRequestRecord r = f.request(id);
    assertThat(r.state()).isEqualTo(RequestState.REMOVED);
    assertThat(f.store.requests.history(id))
        .last()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("system");
              assertThat(e.text())
                  .isEqualTo("key generation was interrupted; file the request again");
            });
    GdsException told = refusal(() -> f.service().finish(certificateAdmin(), app.id(), id));
    assertThat(told.reason()).isEqualTo(Reason.REQUEST_NOT_ALLOWED);
    assertThat(told.getMessage()).isEqualTo("the request was removed; file a new request");
  }

  @Test
  void anApprovedRequestWithItsCsrButNoCertificateIsIssued() throws Exception {
    ApplicationRecord app = f.register("press");
    UUID id = f.service().startSigningRequest(certificateAdmin(), app.id(), null, null, csr(app));
    // approved, but the process died before the certificate was stored
    f.store.requests.rows.put(
        id, f.request(id).withDecision(RequestState.APPROVED, "ra", f.clock.instant(), "ok"));
    f.restart();

    assertThat(f.service().sweepStuckRequests()).isEqualTo(1);

    assertThat(f.request(id).issued()).isTrue();
    assertThat(f.store.issued.rows)
        .singleElement()
        .satisfies(c -> assertThat(c.requestId()).isEqualTo(id));
    assertThat(f.service().finish(certificateAdmin(), app.id(), id).certificate()).isNotEmpty();
  }

  @Test
  void anApprovedRequestTheCaRefusesIsRemovedWithTheReason() throws Exception {
    ApplicationRecord app = f.register("press");
    UUID id = f.service().startSigningRequest(certificateAdmin(), app.id(), null, null, csr(app));
    f.store.requests.rows.put(
        id, f.request(id).withDecision(RequestState.APPROVED, "ra", f.clock.instant(), "ok"));
    // the application now has another ApplicationUri than its CSR: the CA refuses it for ever
    f.applications.put(
        app.id(),
        new ApplicationRecord(
            app.id(),
            "urn:test:renamed",
            app.applicationType(),
            app.applicationNames(),
            app.productUri(),
            app.discoveryUrls(),
            app.serverCapabilities()));
    f.restart();

    assertThat(f.service().sweepStuckRequests()).isEqualTo(1);

    assertThat(f.request(id).state()).isEqualTo(RequestState.REMOVED);
    assertThat(f.store.issued.rows).isEmpty();
    assertThat(f.store.requests.history(id))
        .last()
        .satisfies(e -> assertThat(e.text()).startsWith("the certificate could not be issued: "));
  }

  @Test
  void anApprovedRequestTheCaCannotSignNowStaysApprovedForTheNextSweep() throws Exception {
    ApplicationRecord app = f.register("press");
    UUID id = f.service().startSigningRequest(certificateAdmin(), app.id(), null, null, csr(app));
    f.store.requests.rows.put(
        id,
        f.request(id).withDecision(RequestState.APPROVED, "ra", f.clock.instant(), "ok").toBuilder()
            .csrSeal(new byte[32]) // an internal failure (here: the integrity check), not a refusal
            .build());
    f.restart();

    assertThat(f.service().sweepStuckRequests()).isZero();

    assertThat(f.request(id).state()).isEqualTo(RequestState.APPROVED);
    assertThat(f.store.issued.rows).isEmpty();
  }

  @Test
  void requestsOfAnApplicationNoLongerRegisteredAreRemoved() throws Exception {
    ApplicationRecord app = f.register("press");
    UUID id = f.service().startSigningRequest(certificateAdmin(), app.id(), null, null, csr(app));
    f.applications.remove(app.id());
    f.restart();

    assertThat(f.service().sweepStuckRequests()).isEqualTo(1);

    assertThat(f.request(id).state()).isEqualTo(RequestState.REMOVED);
    assertThat(f.store.requests.history(id))
        .last()
        .satisfies(e -> assertThat(e.text()).isEqualTo("the application is no longer registered"));
  }

  @Test
  void whatAPersonOrTheDeviceCanStillActOnIsLeftAlone() throws Exception {
    ApplicationRecord app = f.register("press");
    UUID waiting =
        f.service().startSigningRequest(certificateAdmin(), app.id(), null, null, csr(app));
    ApplicationRecord drill = f.register("drill");
    UUID issued =
        f.service().startSigningRequest(certificateAdmin(), drill.id(), null, null, csr(drill));
    f.service().approve(approver("ra"), issued, null);
    UUID keyed = newKeyPair(f.register("mill"), "PEM");
    f.keyThreads.runPending();
    f.restart();

    assertThat(f.service().sweepStuckRequests()).isZero();

    assertThat(f.request(waiting).state()).isEqualTo(RequestState.NEW);
    assertThat(f.request(issued).state()).isEqualTo(RequestState.APPROVED);
    assertThat(f.request(keyed).state()).isEqualTo(RequestState.NEW);
    assertThat(f.keyThreads.pendingCount()).isZero();
  }
}
