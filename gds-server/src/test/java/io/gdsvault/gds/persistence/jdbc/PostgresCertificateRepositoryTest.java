package io.gdsvault.gds.persistence.jdbc;

import io.gdsvault.gds.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The certificate repository suite on a real PostgreSQL (see {@link TestPostgres} for how it is
 * started).
 */
class PostgresCertificateRepositoryTest extends CertificateRepositoryContract {

  private static TestPostgres pg;
  private static Database db;

  @BeforeAll
  static void open() throws Exception {
    pg = TestPostgres.start();
    db = Database.open(pg.jdbcUrl(), pg.user(), "", 4);
  }

  @AfterAll
  static void close() throws Exception {
    if (db != null) {
      db.close();
    }
    if (pg != null) {
      pg.close();
    }
  }

  @Override
  protected Database database() {
    return db;
  }
}
