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
import io.gdsvault.signer.local.LocalKeyStoreBackend;
import io.gdsvault.signer.local.LocalSignerSettings;
import java.math.BigInteger;
import java.nio.file.Files;
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
    var dir = Files.createTempDirectory("ca-db-");
    JdbcCaStateStore store = new JdbcCaStateStore(database().transactions());
    String group = "G" + UUID.randomUUID();
    CaConfig config =
        CaConfig.defaults(
            group, CertificateType.ECC_NIST_P256, LocalSignerSettings.inDirectory(dir));
    try (LocalKeyStoreBackend backend =
        LocalKeyStoreBackend.open((LocalSignerSettings) config.signer())) {
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
        new CertificateRequestRecord(
            id,
            app,
            "urn:repo:app",
            "DefaultApplicationGroup",
            "RsaSha256ApplicationCertificateType",
            RequestKind.NEW_KEY_PAIR,
            RequestState.NEW,
            "CN=x",
            List.of("host", "10.0.0.1"),
            "RSA-2048",
            PrivateKeyFormat.PFX,
            new byte[] {5},
            new byte[] {6, 6},
            new byte[] {1, 2},
            now.plusSeconds(60),
            "alice",
            "ab12",
            now,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
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
    tx(
        () -> {
          repo.update(read.withState(RequestState.APPROVED));
          repo.addHistory(id, new RequestHistoryEntry(now, "bob", "approved", "ok"));
          return null;
        });
    assertThat(tx(() -> repo.find(id)).orElseThrow().state()).isEqualTo(RequestState.APPROVED);
    assertThat(tx(() -> repo.find(id)).orElseThrow().csrSeal()).containsExactly(6, 6);
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
          return null;
        });
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
