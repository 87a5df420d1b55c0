package io.gdsvault.gds.audit;

import io.gdsvault.gds.persistence.jdbc.Database;
import io.gdsvault.gds.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The audit chain on a real PostgreSQL with two pools: two nodes sharing one database. */
class PostgresAuditChainTest extends AuditChainContract {

  private static TestPostgres pg;
  private static Database one;
  private static Database two;

  @BeforeAll
  static void open() throws Exception {
    pg = TestPostgres.start();
    one = Database.open(pg.jdbcUrl(), pg.user(), "", 8);
    two = Database.open(pg.jdbcUrl(), pg.user(), "", 8);
  }

  @AfterAll
  static void close() throws Exception {
    if (two != null) {
      two.close();
    }
    if (one != null) {
      one.close();
    }
    if (pg != null) {
      pg.close();
    }
  }

  @Override
  protected Database node1() {
    return one;
  }

  @Override
  protected Database node2() {
    return two;
  }
}
