package io.gdsvault.gds.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.push.CertificateSlot;
import io.gdsvault.gds.push.PushTarget;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A push target stored before certificate types had rows of their own keeps its request in flight,
 * its kept key and its installed certificate, now as its RsaSha256 type; nothing secret stays in
 * the old columns.
 */
class PushCertificateTypesMigrationTest {

  @TempDir Path dir;

  @Test
  void aTargetOfTheOneCertificateSchemaBecomesItsRsaSha256Type() throws Exception {
    String url = Database.h2Url(dir);
    Flyway.configure()
        .dataSource(url, "", "")
        .locations("classpath:db/migration")
        .target("80")
        .load()
        .migrate();
    UUID app = UUID.randomUUID();
    UUID request = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.parse("2026-01-02T03:04:05Z"));
    try (Connection c = DriverManager.getConnection(url, "", "")) {
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO applications (application_id, record_id, application_uri,"
                  + " application_type, product_uri, default_name, names_json,"
                  + " discovery_urls_json, capabilities_json, created_at, updated_at) VALUES"
                  + " (?, 1, 'urn:old', 1, '', 'old', '[]', '[]', '[]', ?, ?)")) {
        p.setObject(1, app);
        p.setTimestamp(2, now);
        p.setTimestamp(3, now);
        p.executeUpdate();
      }
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO push_targets (application_id, endpoint_url, security_policy_uri,"
                  + " target_user, password_blob, pinned_thumbprint, key_mode, state, scope,"
                  + " attempts, request_id, key_blob, certificate_der, certificate_thumbprint,"
                  + " not_before, not_after, created_at, updated_at) VALUES (?,"
                  + " 'opc.tcp://h:4840', 'p', 'u', X'01', 'aa', 'CSR', 'PENDING', 'FULL', 0, ?,"
                  + " X'0909', X'0707', 'cd', ?, ?, ?, ?)")) {
        p.setObject(1, app);
        p.setObject(2, request);
        p.setTimestamp(3, now);
        p.setTimestamp(4, now);
        p.setTimestamp(5, now);
        p.setTimestamp(6, now);
        p.executeUpdate();
      }
    }

    Database db = Database.open(url, "", "", 2);
    try {
      PushTarget t =
          db.transactions().inTransaction(() -> new JdbcPushRepository().find(app)).orElseThrow();
      assertThat(t.certificates()).hasSize(1);
      CertificateSlot slot = t.certificates().get(0);
      assertThat(slot.type()).isEqualTo("RsaSha256ApplicationCertificateType");
      assertThat(slot.inFlight().requestId()).isEqualTo(request);
      assertThat(slot.inFlight().keyBlob()).containsExactly(9, 9);
      assertThat(t.certificateDer()).containsExactly(7, 7);
      assertThat(t.certificateThumbprint()).isEqualTo("cd");
      assertThat(t.requestId()).isEqualTo(request);
      assertThat(t.job().trust()).isNull();
    } finally {
      db.close();
    }
    try (Connection c = DriverManager.getConnection(url, "", "");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT request_id, key_blob, certificate_der FROM push_targets")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(1)).isNull();
      assertThat(rs.getObject(2)).as("the kept key is not left behind").isNull();
      assertThat(rs.getObject(3)).isNull();
    }
  }
}
