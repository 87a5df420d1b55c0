package io.gdsvault.gds.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.ca.CaConfig;
import io.gdsvault.ca.CaGeneration;
import io.gdsvault.ca.CertificateAuthority;
import io.gdsvault.ca.CertificateType;
import io.gdsvault.ca.RevokedEntry;
import io.gdsvault.ca.StoredCrl;
import io.gdsvault.gds.certificates.CertificateRequestRecord;
import io.gdsvault.gds.certificates.IssuedCertificateRecord;
import io.gdsvault.gds.certificates.PrivateKeyFormat;
import io.gdsvault.gds.certificates.RequestHistoryEntry;
import io.gdsvault.gds.certificates.RequestKind;
import io.gdsvault.gds.certificates.RequestState;
import io.gdsvault.signer.testing.FakeSignerBackend;
import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The certificate repositories and the CA state store on every supported database (H2 and
 * PostgreSQL): what several GDS nodes sharing one database rely on.
 */
abstract class CertificateRepositoryContract {

  protected abstract Database database();

  private final Instant now = Instant.parse("2026-02-03T04:05:06Z");

  private <T> T tx(java.util.function.Supplier<T> work) {
    return database().transactions().inTransaction(work);
  }

  @Test
  void crlNumbersIncreaseWithoutGapsUnderConcurrency() throws Exception {
    JdbcCaStateStore store = new JdbcCaStateStore(database().transactions());
    String ca = "ca-" + UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> f = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        f.add(pool.submit(() -> store.nextCrlNumber(ca)));
      }
      List<Long> got = new ArrayList<>();
      for (Future<Long> x : f) {
        got.add(x.get());
      }
      assertThat(got).doesNotHaveDuplicates().hasSize(40);
      assertThat(got.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(40);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void serialsRevocationsCrlsAndGenerationsAreStoredOnce() throws Exception {
    JdbcCaStateStore store = new JdbcCaStateStore(database().transactions());
    String ca = "ca-" + UUID.randomUUID();
    BigInteger serial = new BigInteger("4abcdef0123456789", 16);
    assertThat(store.reserveSerial(ca, serial)).isTrue();
    assertThat(store.reserveSerial(ca, serial)).isFalse();
    assertThat(store.serialReserved(ca, serial)).isTrue();
    assertThat(store.addRevoked(ca, new RevokedEntry(serial, now))).isTrue();
    assertThat(store.addRevoked(ca, new RevokedEntry(serial, now))).isFalse();
    assertThat(store.revoked(ca)).containsExactly(new RevokedEntry(serial, now));
    store.saveCrl(ca, new StoredCrl(2, new byte[] {2}));
    store.saveCrl(ca, new StoredCrl(1, new byte[] {1}));
    assertThat(store.latestCrl(ca).orElseThrow().crlNumber()).isEqualTo(2);
    store.saveCrl(ca, new StoredCrl(3, new byte[] {3}));
    assertThat(store.latestCrl(ca).orElseThrow().der()).containsExactly(3);
    String name = "group/" + UUID.randomUUID();
    CaGeneration g = new CaGeneration(1, ca, ca, new byte[] {9}, now);
    assertThat(store.addGeneration(name, g)).isTrue();
    assertThat(
            store.addGeneration(name, new CaGeneration(1, ca + "x", ca + "x", new byte[] {8}, now)))
        .isFalse();
    assertThat(store.generations(name)).hasSize(1);
  }

  @Test
  void aCaOnTheDatabaseStoreIssuesRevokesAndIsReopenedByASecondNode() throws Exception {
    // the store is under test, not the key: both nodes share an in-memory issuer key
    JdbcCaStateStore store = new JdbcCaStateStore(database().transactions());
    String group = "G" + UUID.randomUUID();
    CaConfig config =
        CaConfig.defaults(group, CertificateType.ECC_NIST_P256, FakeSignerBackend.SETTINGS);
    try (FakeSignerBackend backend = new FakeSignerBackend()) {
      CertificateAuthority node1 =
          CertificateAuthority.open(config, backend, store, Clock.systemUTC());
      CertificateAuthority node2 =
          CertificateAuthority.open(config, backend, store, Clock.systemUTC());
      assertThat(node2.currentCaCertificate()).isEqualTo(node1.currentCaCertificate());
      var kp = java.security.KeyPairGenerator.getInstance("EC");
      kp.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
      var pair = kp.generateKeyPair();
      var csr =
          new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder(
                  new org.bouncycastle.asn1.x500.X500Name("CN=db"), pair.getPublic())
              .build(
                  new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
                      .build(pair.getPrivate()))
              .getEncoded();
      var issued =
          node1.issue(
              csr, new io.gdsvault.ca.IssuanceRequest("urn:db:test", null, null, null, null));
      node2.revoke(issued.serialNumber());
      X509CRL crl = node1.currentCrl();
      assertThat(crl.getRevokedCertificate(issued.certificate())).isNotNull();
    }
  }

  @Test
  void requestsKeepTheirFieldsStateAndHistory() {
    JdbcCertificateRequestRepository repo = new JdbcCertificateRequestRepository();
    UUID id = UUID.randomUUID();
    UUID app = UUID.randomUUID();
    CertificateRequestRecord r =
        CertificateRequestRecord.builder()
            .requestId(id)
            .applicationId(app)
            .applicationUri("urn:repo:app")
            .certificateGroup("DefaultApplicationGroup")
            .certificateType("RsaSha256ApplicationCertificateType")
            .kind(RequestKind.NEW_KEY_PAIR)
            .state(RequestState.NEW)
            .subjectName("CN=x")
            .domainNames(List.of("host", "10.0.0.1"))
            .keyType("RSA-2048")
            .privateKeyFormat(PrivateKeyFormat.PFX)
            .csrDer(new byte[] {5})
            .csrSeal(new byte[] {6, 6})
            .keyBlob(new byte[] {1, 2})
            .keyBlobExpiresAt(now.plusSeconds(60))
            .requestedBy("alice")
            .requesterThumbprint("ab12")
            .createdAt(now)
            .pendingSecret(new byte[] {9, 8, 7})
            .build();
    tx(
        () -> {
          repo.insert(r);
          repo.addHistory(id, new RequestHistoryEntry(now, "alice", "created", "new key pair"));
          return null;
        });
    CertificateRequestRecord read = tx(() -> repo.findForUpdate(id)).orElseThrow();
    assertThat(read.domainNames()).containsExactly("host", "10.0.0.1");
    assertThat(read.keyBlob()).containsExactly(1, 2);
    assertThat(read.csrDer()).containsExactly(5);
    assertThat(read.csrSeal()).containsExactly(6, 6);
    assertThat(read.privateKeyFormat()).isEqualTo(PrivateKeyFormat.PFX);
    assertThat(read.createdAt()).isEqualTo(now);
    assertThat(read.pendingSecret()).containsExactly(9, 8, 7);
    tx(
        () -> {
          repo.update(read.withState(RequestState.APPROVED).withoutPendingSecret());
          repo.addHistory(id, new RequestHistoryEntry(now, "bob", "approved", "ok"));
          return null;
        });
    assertThat(tx(() -> repo.find(id)).orElseThrow().state()).isEqualTo(RequestState.APPROVED);
    assertThat(tx(() -> repo.find(id)).orElseThrow().csrSeal()).containsExactly(6, 6);
    assertThat(tx(() -> repo.find(id)).orElseThrow().pendingSecret()).as("wiped").isNull();
    assertThat(tx(() -> repo.list(List.of(RequestState.APPROVED), 10000)))
        .extracting(CertificateRequestRecord::requestId)
        .contains(id);
    assertThat(tx(() -> repo.history(id)))
        .extracting(RequestHistoryEntry::action)
        .containsExactly("created", "approved");
    assertThat(tx(() -> repo.expiredKeyBlobs(now.plusSeconds(120))))
        .extracting(CertificateRequestRecord::requestId)
        .contains(id);
    assertThat(tx(() -> repo.findByApplication(app))).hasSize(1);
  }

  private static CertificateRequestRecord request(UUID app, RequestState state, Instant at) {
    return CertificateRequestRecord.builder()
        .requestId(UUID.randomUUID())
        .applicationId(app)
        .applicationUri("urn:repo:counted")
        .certificateGroup("DefaultApplicationGroup")
        .certificateType("RsaSha256ApplicationCertificateType")
        .kind(RequestKind.SIGNING_REQUEST)
        .state(state)
        .subjectName("CN=counted")
        .domainNames(List.of())
        .keyType("RSA-2048")
        .requestedBy("alice")
        .createdAt(at)
        .build();
  }

  @Test
  void openRequestCountsAreOneStatementPerApplicationAndCappedOverall() {
    // the quotas ask for these on every filing: counted, never loaded
    JdbcCertificateRequestRepository repo = new JdbcCertificateRequestRepository();
    UUID app = UUID.randomUUID();
    long before = tx(() -> repo.openCounts(app, 1_000_000)).overall();
    tx(
        () -> {
          repo.insert(request(app, RequestState.NEW, now));
          repo.insert(request(app, RequestState.APPROVED, now));
          repo.insert(request(app, RequestState.NEW, now));
          repo.insert(request(app, RequestState.ACCEPTED, now));
          repo.insert(request(app, RequestState.REJECTED, now));
          repo.insert(request(UUID.randomUUID(), RequestState.NEW, now));
          return null;
        });
    var counts = tx(() -> repo.openCounts(app, 1_000_000));
    assertThat(counts.ofApplication()).isEqualTo(3);
    assertThat(counts.overall()).isEqualTo(before + 4);
    assertThat(tx(() -> repo.openCounts(app, 2)).overall()).isEqualTo(2);
  }

  @Test
  void aReadJoinsNothingAndATransactionInsideItIsARealOne() {
    // read() runs in autocommit; a transaction opened inside it still rolls back as a whole
    JdbcCertificateRequestRepository repo = new JdbcCertificateRequestRepository();
    var tx = database().transactions();
    CertificateRequestRecord kept = request(UUID.randomUUID(), RequestState.NEW, now);
    CertificateRequestRecord dropped = request(UUID.randomUUID(), RequestState.NEW, now);
    tx.read(
        () -> {
          tx.run(() -> repo.insert(kept));
          try {
            tx.run(
                () -> {
                  repo.insert(dropped);
                  throw new IllegalStateException("refused");
                });
          } catch (IllegalStateException expected) {
            // rolled back
          }
          return null;
        });
    assertThat(tx.read(() -> repo.find(kept.requestId()))).isPresent();
    assertThat(tx.read(() -> repo.find(dropped.requestId()))).isEmpty();
  }

  @Test
  void issuedCertificatesAndBindingsAreFoundByThumbprintSerialAndApplication() {
    JdbcIssuedCertificateRepository repo = new JdbcIssuedCertificateRepository();
    UUID app = UUID.randomUUID();
    String serial = Long.toHexString(System.nanoTime());
    String thumb = UUID.randomUUID().toString().replace("-", "");
    tx(
        () -> {
          repo.insert(
              new IssuedCertificateRecord(
                  "ca1",
                  serial,
                  app,
                  "DefaultApplicationGroup",
                  "RsaSha256ApplicationCertificateType",
                  null,
                  thumb,
                  new byte[] {7},
                  now.plusSeconds(3600),
                  now,
                  null));
          repo.bind(app, "cafe", "admin", now);
          repo.bind(app, "cafe", "admin", now);
          repo.bind(app, "beef", "admin", now);
          return null;
        });
    tx(
        () -> {
          repo.removeBinding(app, "beef");
          return null;
        });
    assertThat(tx(() -> repo.isBound(app, "beef"))).as("one binding ended").isFalse();
    assertThat(tx(() -> repo.findByThumbprint(thumb))).isPresent();
    assertThat(tx(() -> repo.findBySerial(serial))).hasSize(1);
    assertThat(tx(() -> repo.isBound(app, "cafe"))).isTrue();
    tx(
        () -> {
          repo.markRevoked("ca1", serial, now);
          repo.removeBindings(app);
          return null;
        });
    assertThat(tx(() -> repo.find("ca1", serial)).orElseThrow().revoked()).isTrue();
    assertThat(tx(() -> repo.isBound(app, "cafe"))).isFalse();
  }
}
