package io.gdsvault.gds.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V3 came after V70/V71: a database that already has V71 still gets V3 (out of order) at the next
 * start, and V3 fills in the new columns of the records it finds.
 */
class CapabilityColumnsMigrationTest {

  @TempDir Path dir;

  @Test
  void aDatabaseWithoutV3GetsItAtTheNextStartAndItsRecordsAreFilledIn() throws Exception {
    String url = Database.h2Url(dir);
    Database.open(url, "", "", 2).close();
    // make it look like a database migrated before V3 existed, holding two records
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE applications DROP COLUMN not_available");
      s.execute("ALTER TABLE applications DROP COLUMN capability_key");
      s.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '3'");
      for (String[] r :
          new String[][] {
            {"00000000-0000-0000-0000-000000000001", "urn:a", "[\"DA\",\"NA\"]"},
            {"00000000-0000-0000-0000-000000000002", "urn:b", "[\"X|Y%\"]"}
          }) {
        s.execute(
            "INSERT INTO applications (application_id, record_id, application_uri,"
                + " application_type, product_uri, default_name, names_json, discovery_urls_json,"
                + " capabilities_json, created_at, updated_at) VALUES ('"
                + r[0]
                + "', nextval('application_record_seq'), '"
                + r[1]
                + "', 0, '', 'n', '[]', '[]', '"
                + r[2]
                + "', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
      }
    }
    Database.open(url, "", "", 2).close();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT application_uri, not_available, capability_key FROM applications ORDER BY"
                    + " application_uri")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(2)).isTrue();
      assertThat(rs.getString(3)).isEqualTo("|DA|NA|");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(2)).isFalse();
      assertThat(rs.getString(3)).isEqualTo("|X%7CY%25|");
      assertThat(rs.next()).isFalse();
    }
  }
}
