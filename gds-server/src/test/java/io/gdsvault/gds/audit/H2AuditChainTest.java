package io.gdsvault.gds.audit;

import io.gdsvault.gds.persistence.jdbc.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The audit chain on the embedded H2 database (one file: both "nodes" share its pool). */
class H2AuditChainTest extends AuditChainContract {

  @TempDir static Path dir;
  private static Database db;

  @BeforeAll
  static void open() {
    db = Database.open(Database.h2Url(dir), "", "", 8);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Override
  protected Database node1() {
    return db;
  }

  @Override
  protected Database node2() {
    return db;
  }
}
