package io.gdsvault.gds.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import io.gdsvault.gds.persistence.jdbc.Database;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpaceGuardTest {

  @TempDir Path dir;

  @Test
  void belowTheWatermarkWriteTransactionsAreRefusedAndReadsGoOn() {
    AtomicLong free = new AtomicLong(10L * 1024 * 1024);
    try (Database db = Database.open(Database.h2Url(dir), "", "", 2)) {
      var tx = db.transactions();
      tx.setWriteGuard(new DiskSpaceGuard(free::get, 64L * 1024 * 1024));
      assertThatThrownBy(() -> tx.inTransaction(() -> touch(db)))
          .isInstanceOfSatisfying(
              GdsException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.RESOURCE_UNAVAILABLE));
      // reads, also in a transaction, go on
      assertThat(tx.inTransaction(() -> headSeq(db))).isNotNull();

      // the real file system with a tiny watermark: writes go through
      tx.setWriteGuard(DiskSpaceGuard.of(dir, 1024));
      assertThat(tx.inTransaction(() -> touch(db))).isEqualTo(1);
    }
  }

  private static int touch(Database db) {
    return db.jdbi().withHandle(h -> h.execute("UPDATE audit_head SET seq = seq WHERE id = 1"));
  }

  private static Long headSeq(Database db) {
    return db.jdbi()
        .withHandle(
            h -> h.createQuery("SELECT seq FROM audit_head WHERE id = 1").mapTo(Long.class).one());
  }

  @Test
  void aWatermarkOfZeroNeverRefuses() {
    new DiskSpaceGuard(() -> 0, 0).run();
  }
}
