package io.gdsvault.gds.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 database appends instead of overwriting freed space (a commit survived kill -9
 * only that way), so its file grows while the server runs; a clean close gives the space back.
 */
class H2DurabilityTest {

  @TempDir Path dataDir;

  @Test
  void urlAppendsOnlyAndWritesEveryCommitAtOnce() {
    String url = Database.h2Url(dataDir);
    assertThat(url).contains(";WRITE_DELAY=0").contains(";REUSE_SPACE=FALSE");
    assertThat(Database.h2FileOf(url))
        .isEqualTo(dataDir.resolve("db").resolve("gds.mv.db").toAbsolutePath());
    assertThat(Database.h2FileOf("jdbc:postgresql://localhost/gds")).isNull();
  }

  @Test
  void cleanCloseCompactsALargeFileAndKeepsEveryRow() throws Exception {
    String url = Database.h2Url(dataDir);
    Path file = Database.h2FileOf(url);
    int rows = 0;
    try (Database db = Database.open(url, "", "", 2)) {
      db.jdbi().useHandle(h -> h.execute("CREATE TABLE fill (id INT PRIMARY KEY, v VARCHAR(400))"));
      // one transaction per row, as the server commits them
      while (Files.size(file) < Database.COMPACT_ON_CLOSE_BYTES + 1024 * 1024) {
        int id = rows++;
        db.jdbi().useHandle(h -> h.execute("INSERT INTO fill VALUES (?, ?)", id, "x".repeat(300)));
      }
    }
    long afterClose = Files.size(file);
    assertThat(afterClose).isLessThan(Database.COMPACT_ON_CLOSE_BYTES / 4);
    try (Database db = Database.open(url, "", "", 2)) {
      int count =
          db.jdbi()
              .withHandle(h -> h.select("SELECT COUNT(*) FROM fill").mapTo(Integer.class).one());
      assertThat(count).isEqualTo(rows);
    }
  }
}
