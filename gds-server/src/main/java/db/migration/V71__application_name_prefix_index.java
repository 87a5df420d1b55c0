package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * With 1,000,000 applications on PostgreSQL, QueryApplications with an ApplicationName pattern such
 * as {@code "Device 12 %"} becomes {@code name_text LIKE 'Device 12 %'}. A plain B-tree index only
 * serves LIKE prefixes under the C collation, so PostgreSQL needs an index with {@code
 * text_pattern_ops}; H2 already uses its index for LIKE prefixes and has no such operator class, so
 * this migration does nothing there.
 */
public class V71__application_name_prefix_index extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    String product = context.getConnection().getMetaData().getDatabaseProductName();
    if (!"PostgreSQL".equalsIgnoreCase(product)) {
      return;
    }
    try (Statement s = context.getConnection().createStatement()) {
      s.execute(
          "CREATE INDEX application_names_text_prefix_idx ON application_names (name_text"
              + " text_pattern_ops)");
    }
  }
}
