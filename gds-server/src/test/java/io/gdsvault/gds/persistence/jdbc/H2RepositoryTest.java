package io.gdsvault.gds.persistence.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository suite on the embedded H2 file database (PostgreSQL mode), as `gds serve` uses it.
 */
class H2RepositoryTest extends RepositoryContract {

  @TempDir static Path dir;
  private static Database db;

  @BeforeAll
  static void open() {
    db = Database.open(Database.h2Url(dir), "", "", 4);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Override
  protected String slowStatement() {
    return "SELECT CAST(MAX(RAND()) AS VARCHAR) FROM SYSTEM_RANGE(1, 100000000000)";
  }

  @Override
  protected Database database() {
    return db;
  }
}
