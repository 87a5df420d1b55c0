package io.gdsvault.gds.persistence.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The push job store suite on the embedded H2 file database (PostgreSQL mode), as `gds serve` uses
 * it.
 */
class H2PushRepositoryTest extends PushRepositoryContract {

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
  protected boolean sharedByNodes() {
    return false;
  }

  @Override
  protected Database database() {
    return db;
  }
}
