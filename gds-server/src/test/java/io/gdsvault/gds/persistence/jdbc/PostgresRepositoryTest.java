package io.gdsvault.gds.persistence.jdbc;

import io.gdsvault.gds.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The repository suite on a real PostgreSQL (see {@link TestPostgres} for how it is started). */
class PostgresRepositoryTest extends RepositoryContract {

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
  protected String slowStatement() {
    return "SELECT 'x' FROM pg_sleep(30)";
  }

  @Override
  protected Database openWithStatementTimeout(int seconds) {
    return Database.open(pg.jdbcUrl(), pg.user(), "", 2, seconds);
  }

  @Override
  protected Database database() {
    return db;
  }
}
