package io.gdsvault.gds.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

  /**
   * Statements keep their parsed form: H2 drops every connection's parsed statements whenever its
   * metadata counter moves, which a per-statement {@code SET QUERY_TIMEOUT} (JDBC setQueryTimeout)
   * did on every statement.
   */
  @Test
  void statementsDoNotMoveTheMetadataCounterThatDiscardsParsedStatements() throws Exception {
    assertCounterStaysWhileStatementsRun(db);
    // nor without a timeout (0 seconds)
    try (Database untimed = openWithStatementTimeout(0)) {
      assertCounterStaysWhileStatementsRun(untimed);
    }
  }

  private static void assertCounterStaysWhileStatementsRun(Database database) throws Exception {
    long before = metadataCounter(database);
    for (int i = 0; i < 5; i++) {
      int one =
          database
              .transactions()
              .read(
                  () ->
                      JdbiTransactions.handle()
                          .createQuery("SELECT COUNT(*) FROM users WHERE user_name = :u")
                          .bind("u", "nobody")
                          .mapTo(Integer.class)
                          .one());
      assertThat(one).isZero();
    }
    assertThat(metadataCounter(database)).isEqualTo(before);
  }

  private static long metadataCounter(Database database) throws Exception {
    try (Connection c = database.dataSource().getConnection()) {
      SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
      return session.getDatabase().getModificationMetaId();
    }
  }

  @Override
  protected String slowStatement() {
    return "SELECT CAST(MAX(RAND()) AS VARCHAR) FROM SYSTEM_RANGE(1, 100000000000)";
  }

  @Override
  protected Database openWithStatementTimeout(int seconds) {
    return Database.open(Database.h2Url(dir), "", "", 2, seconds);
  }

  @Override
  protected Database database() {
    return db;
  }
}
