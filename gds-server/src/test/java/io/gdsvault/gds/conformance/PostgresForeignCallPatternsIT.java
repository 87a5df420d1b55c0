package io.gdsvault.gds.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.gds.testing.TestPostgres;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;

/** {@link ForeignCallPatternsIT} with the GDS on PostgreSQL (embedded, no Docker; one per test). */
class PostgresForeignCallPatternsIT extends ForeignCallPatternsIT {

  private TestPostgres pg;

  @AfterEach
  void stopPostgres() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  @Override
  protected Consumer<ObjectNode> database() {
    try {
      pg = TestPostgres.start();
    } catch (Exception e) {
      throw new IllegalStateException("embedded PostgreSQL did not start", e);
    }
    return t -> {
      ObjectNode db = (ObjectNode) t.get("database");
      db.put("url", pg.jdbcUrl());
      db.put("user", pg.user());
    };
  }
}
