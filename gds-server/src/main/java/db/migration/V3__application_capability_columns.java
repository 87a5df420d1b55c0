package db.migration;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gdsvault.gds.persistence.jdbc.CapabilityKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * QueryApplications over 100,000 applications: two columns on {@code applications} so that the
 * capability filters need no correlated subquery per row, which H2 runs as a separate query each
 * time.
 *
 * <ul>
 *   <li>{@code not_available}: the record carries the capability {@code NA} and is never returned
 *       by QueryApplications/QueryServers (Part 12 §6.5.10/11);
 *   <li>{@code capability_key}: every capability between {@code |} delimiters ({@link
 *       CapabilityKey}), so a common capability is a cheap LIKE on the row the ordering index
 *       already reads; rare ones still start from {@code application_capabilities}.
 * </ul>
 *
 * Plain DDL that runs on H2 and PostgreSQL; existing rows are filled in from {@code
 * capabilities_json} here in Java (no database-specific string aggregation).
 */
public class V3__application_capability_columns extends BaseJavaMigration {

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE applications ADD COLUMN not_available BOOLEAN DEFAULT FALSE NOT NULL");
      s.execute(
          "ALTER TABLE applications ADD COLUMN capability_key VARCHAR(8000) DEFAULT '|' NOT NULL");
    }
    ObjectMapper json = new ObjectMapper();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT application_id, capabilities_json FROM applications");
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE applications SET not_available = ?, capability_key = ?"
                    + " WHERE application_id = ?")) {
      int pending = 0;
      while (rs.next()) {
        List<String> caps = json.readValue(rs.getString(2), STRINGS);
        update.setBoolean(1, caps.contains(CapabilityKey.NOT_AVAILABLE));
        update.setString(2, CapabilityKey.of(caps));
        update.setObject(3, rs.getObject(1));
        update.addBatch();
        if (++pending == 1000) {
          update.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        update.executeBatch();
      }
    }
  }
}
