package io.gdsvault.gds.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.persistence.jdbc.Database;
import io.gdsvault.gds.persistence.jdbc.JdbcAuditRepository;
import io.gdsvault.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefusalSummaryTest {

  @TempDir static Path dir;
  private static Database db;
  private static AuditTrail trail;
  private static final MutableClock clock = MutableClock.startingNow();
  private static final Pattern COUNT = Pattern.compile("refused (\\d+) calls?");

  @BeforeAll
  static void open() {
    db = Database.open(Database.h2Url(dir), "", "", 2);
    trail = new AuditTrail(new JdbcAuditRepository(), db.transactions(), clock);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static List<AuditRecord> rows(String action) {
    return trail.list(io.gdsvault.gds.auth.Caller.system(), null, AuditTrail.MAX_LIST).stream()
        .filter(r -> r.action().equals(action))
        .toList();
  }

  private static long count(AuditRecord r) {
    Matcher m = COUNT.matcher(r.detail());
    assertThat(m.find()).as(r.detail()).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void refusalsBecomeOneRowPerCallerActionAndReasonPerFlush() {
    RefusalSummary s = new RefusalSummary(trail, clock, 60);
    for (int i = 0; i < 10_000; i++) {
      s.refused("anonymous", "method.Test1", i % 2 == 0 ? "Bad_UserAccessDenied" : "Bad_X");
      if (i % 1000 == 0) {
        clock.advance(Duration.ofSeconds(1));
      }
    }
    s.refused("anonymous cert=ab12", "method.Test1", "Bad_UserAccessDenied");
    assertThat(s.pending()).isEqualTo(10_001);
    assertThat(rows("method.Test1")).isEmpty(); // nothing written per call

    s.flush();
    List<AuditRecord> rows = rows("method.Test1");
    assertThat(rows).hasSize(3);
    assertThat(rows.stream().mapToLong(RefusalSummaryTest::count).sum()).isEqualTo(10_001);
    assertThat(rows)
        .filteredOn(r -> r.actor().equals("anonymous") && r.outcome().equals("Bad_X"))
        .singleElement()
        .satisfies(r -> assertThat(count(r)).isEqualTo(5_000));
    assertThat(s.pending()).isZero();
    s.flush();
    assertThat(rows("method.Test1")).hasSize(3); // an empty interval writes nothing
    assertThat(trail.verify().intact()).isTrue();
  }

  @Test
  void beyondTheKeyLimitCallersAreCountedTogether() {
    RefusalSummary s = new RefusalSummary(trail, clock, 60);
    int callers = RefusalSummary.MAX_KEYS + 5;
    for (int i = 0; i < callers; i++) {
      s.refused("anonymous cert=" + i, "method.Test2", "Bad_UserAccessDenied");
    }
    s.close(); // close writes what is counted
    List<AuditRecord> rows = rows("method.Test2");
    assertThat(rows).hasSize(RefusalSummary.MAX_KEYS + 1);
    assertThat(rows)
        .filteredOn(r -> r.actor().equals(RefusalSummary.OTHER_CALLERS))
        .singleElement()
        .satisfies(r -> assertThat(count(r)).isEqualTo(5));
    assertThat(trail.verify().intact()).isTrue();
  }
}
