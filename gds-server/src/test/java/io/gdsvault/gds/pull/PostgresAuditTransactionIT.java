package io.gdsvault.gds.pull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.gds.testing.GdsTestServer;
import io.gdsvault.gds.testing.TestClients;
import io.gdsvault.gds.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link AuditTransactionIT} with the GDS on PostgreSQL (embedded), where a failed statement aborts
 * the transaction.
 */
class PostgresAuditTransactionIT extends AuditTransactionIT {

  private static TestPostgres pg;

  @BeforeAll
  static void onPostgres() throws Exception {
    TestClients.disconnect(admin);
    gds.close();
    pg = TestPostgres.start();
    gds =
        GdsTestServer.start(
            t -> {
              ObjectNode db = (ObjectNode) t.get("database");
              db.put("url", pg.jdbcUrl());
              db.put("user", pg.user());
            });
    admin = TestClients.admin(gds);
    PullSupport.users();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    // the GDS goes before its database
    TestClients.disconnect(admin);
    admin = null;
    if (gds != null) {
      gds.close();
      gds = null;
    }
    if (pg != null) {
      pg.close();
    }
  }
}
