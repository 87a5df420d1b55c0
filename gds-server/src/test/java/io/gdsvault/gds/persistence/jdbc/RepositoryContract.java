package io.gdsvault.gds.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.auth.User;
import io.gdsvault.gds.directory.ApplicationQuery;
import io.gdsvault.gds.directory.StoredApplication;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.Reason;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One repository suite, run against every supported database (H2 in PostgreSQL mode and
 * PostgreSQL). Subclasses provide the {@link Database}.
 */
abstract class RepositoryContract {

  protected abstract Database database();

  /** A statement that runs for far longer than a second on this database. */
  protected abstract String slowStatement();

  /** A second pool on the same database whose statements time out after {@code seconds}. */
  protected abstract Database openWithStatementTimeout(int seconds);

  private final JdbcApplicationRepository apps = new JdbcApplicationRepository();
  private final JdbcUserRepository users = new JdbcUserRepository();
  private final Instant now = Instant.parse("2026-01-02T03:04:05Z");

  private <T> T tx(java.util.function.Supplier<T> work) {
    return database().transactions().inTransaction(work);
  }

  private ApplicationRecord record(String tag, ApplicationType type, List<String> caps) {
    return new ApplicationRecord(
        UUID.randomUUID(),
        "urn:repo:" + tag + ":" + UUID.randomUUID(),
        type,
        List.of(new LocalizedName("en", "Name " + tag), new LocalizedName("de", "Name-de " + tag)),
        "urn:repo:product:" + tag,
        type == ApplicationType.CLIENT ? List.of() : List.of("opc.tcp://" + tag + ":4840"),
        caps);
  }

  private ApplicationQuery all(String productPattern) {
    return new ApplicationQuery(
        0, 100, null, null, productPattern, EnumSet.allOf(ApplicationType.class), List.of(), null);
  }

  @Test
  void aStoredRecordReadsBackEqual() {
    ApplicationRecord r =
        record("roundtrip", ApplicationType.CLIENT_AND_SERVER, List.of("DA", "HD"));
    StoredApplication stored = tx(() -> apps.insert(r, now));
    StoredApplication read = tx(() -> apps.findById(r.applicationId())).orElseThrow();
    assertThat(read.record()).isEqualTo(r);
    assertThat(read.recordId()).isEqualTo(stored.recordId());
    assertThat(read.createdAt().truncatedTo(ChronoUnit.SECONDS)).isEqualTo(now);
    assertThat(tx(() -> apps.findByUri(r.applicationUri())))
        .extracting(StoredApplication::record)
        .containsExactly(r);
  }

  @Test
  void aTakenApplicationUriIsEntryExists() {
    ApplicationRecord r = record("dup", ApplicationType.SERVER, List.of());
    tx(() -> apps.insert(r, now));
    ApplicationRecord again = r.withApplicationId(UUID.randomUUID());
    assertThatThrownBy(() -> tx(() -> apps.insert(again, now)))
        .isInstanceOfSatisfying(
            GdsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ENTRY_EXISTS));
  }

  @Test
  void updatesGetAHigherRecordIdAndUnknownIdsAreEmpty() {
    ApplicationRecord r = record("upd", ApplicationType.SERVER, List.of("DA"));
    long first = tx(() -> apps.insert(r, now)).recordId();
    ApplicationRecord changed =
        new ApplicationRecord(
            r.applicationId(),
            r.applicationUri(),
            ApplicationType.DISCOVERY_SERVER,
            List.of(LocalizedName.of("x")),
            "",
            List.of("opc.tcp://y:1"),
            List.of("LDS"));
    long second = tx(() -> apps.update(changed, now.plusSeconds(1))).orElseThrow().recordId();
    assertThat(second).isGreaterThan(first);
    assertThat(tx(() -> apps.findById(r.applicationId())).orElseThrow().record())
        .isEqualTo(changed);
    assertThat(tx(() -> apps.update(record("ghost", ApplicationType.SERVER, List.of()), now)))
        .isEmpty();
  }

  @Test
  void deleteRemovesTheRecordOnce() {
    ApplicationRecord r = record("del", ApplicationType.SERVER, List.of("DA"));
    tx(() -> apps.insert(r, now));
    assertThat(tx(() -> apps.delete(r.applicationId()))).isTrue();
    assertThat(tx(() -> apps.delete(r.applicationId()))).isFalse();
    assertThat(tx(() -> apps.findById(r.applicationId()))).isEmpty();
  }

  @Test
  void queriesFilterAndReturnRecordIdOrderWithOneExtraRow() {
    String tag = "q" + UUID.randomUUID().toString().substring(0, 6);
    ApplicationRecord s1 = record(tag, ApplicationType.SERVER, List.of("DA", "AC"));
    ApplicationRecord s2 = record(tag, ApplicationType.SERVER, List.of("DA"));
    ApplicationRecord c1 = record(tag, ApplicationType.CLIENT, List.of());
    ApplicationRecord na = record(tag, ApplicationType.SERVER, List.of("NA"));
    List<Long> ids =
        List.of(s1, s2, c1, na).stream()
            .map(r -> tx(() -> apps.insert(r, now)).recordId())
            .toList();
    String product = "urn:repo:product:" + tag;

    assertThat(tx(() -> apps.query(all(product))))
        .extracting(a -> a.record().applicationUri())
        .containsExactly(
            s1.applicationUri(), s2.applicationUri(), c1.applicationUri(), na.applicationUri());
    ApplicationQuery limited =
        new ApplicationQuery(
            0, 2, null, null, product, EnumSet.allOf(ApplicationType.class), List.of(), null);
    assertThat(tx(() -> apps.query(limited))).hasSize(3);
    // Part 12 §6.5.10: only records with an id greater than StartingRecordId
    ApplicationQuery afterSecond =
        new ApplicationQuery(
            ids.get(1),
            100,
            null,
            null,
            product,
            EnumSet.allOf(ApplicationType.class),
            List.of(),
            null);
    assertThat(tx(() -> apps.query(afterSecond)))
        .extracting(a -> a.record().applicationUri())
        .containsExactly(c1.applicationUri(), na.applicationUri());
    ApplicationQuery clients =
        new ApplicationQuery(
            0, 100, null, null, product, EnumSet.of(ApplicationType.CLIENT), List.of(), null);
    assertThat(tx(() -> apps.query(clients)))
        .extracting(a -> a.record().applicationUri())
        .containsExactly(c1.applicationUri());
    ApplicationQuery both =
        new ApplicationQuery(
            0,
            100,
            null,
            null,
            product,
            EnumSet.allOf(ApplicationType.class),
            List.of("DA", "AC"),
            "NA");
    assertThat(tx(() -> apps.query(both)))
        .extracting(a -> a.record().applicationUri())
        .containsExactly(s1.applicationUri());
    ApplicationQuery noNa =
        new ApplicationQuery(
            0, 100, null, null, product, EnumSet.allOf(ApplicationType.class), List.of(), "NA");
    assertThat(tx(() -> apps.query(noNa))).hasSize(3);
    // Part 4 LIKE: % any run, _ one character; Part 12 §6.5.10: only the default (first) name
    ApplicationQuery byName =
        new ApplicationQuery(
            0,
            100,
            "Name " + tag.substring(0, tag.length() - 1) + "_",
            null,
            product,
            EnumSet.allOf(ApplicationType.class),
            List.of(),
            null);
    assertThat(tx(() -> apps.query(byName))).hasSize(4);
    ApplicationQuery bySecondName =
        new ApplicationQuery(
            0,
            100,
            "Name-de " + tag.substring(0, tag.length() - 1) + "_",
            null,
            product,
            EnumSet.allOf(ApplicationType.class),
            List.of(),
            null);
    assertThat(tx(() -> apps.query(bySecondName))).isEmpty();
    ApplicationQuery byUri =
        new ApplicationQuery(
            0,
            100,
            null,
            "urn:repo:" + tag + ":%",
            null,
            EnumSet.allOf(ApplicationType.class),
            List.of(),
            null);
    assertThat(tx(() -> apps.query(byUri))).hasSize(4);
    ApplicationQuery literalPercent =
        new ApplicationQuery(
            0,
            100,
            null,
            "urn:repo:" + tag + "\\%",
            null,
            EnumSet.allOf(ApplicationType.class),
            List.of(),
            null);
    assertThat(tx(() -> apps.query(literalPercent))).isEmpty();
    assertThat(tx(apps::lastCounterResetTime)).isNotNull();
    assertThat(tx(apps::count)).isGreaterThanOrEqualTo(4);
  }

  @Test
  void capabilityFiltersMatchWholeCapabilitiesWhetherCommonOrRare() {
    // common capabilities are matched on the row (capability_key LIKE), rare ones from the
    // capability table: both ways must give the same, exact answer, odd characters included
    String tag = "cap" + UUID.randomUUID().toString().substring(0, 6);
    String odd = "X|Y%_!" + tag;
    ApplicationRecord a = record(tag, ApplicationType.SERVER, List.of("DA", odd));
    ApplicationRecord b = record(tag, ApplicationType.SERVER, List.of("DA", "X"));
    ApplicationRecord c = record(tag, ApplicationType.SERVER, List.of("Y%_!" + tag));
    ApplicationRecord hidden = record(tag, ApplicationType.SERVER, List.of("DA", "NA", odd));
    for (ApplicationRecord r : List.of(a, b, c, hidden)) {
      tx(() -> apps.insert(r, now));
    }
    String product = "urn:repo:product:" + tag;
    for (JdbcApplicationRepository repo :
        List.of(new JdbcApplicationRepository(1), new JdbcApplicationRepository(Long.MAX_VALUE))) {
      assertThat(tx(() -> repo.query(withCaps(product, List.of(odd)))))
          .extracting(s -> s.record().applicationUri())
          .containsExactly(a.applicationUri());
      assertThat(tx(() -> repo.query(withCaps(product, List.of("DA", "X")))))
          .extracting(s -> s.record().applicationUri())
          .containsExactly(b.applicationUri());
      assertThat(tx(() -> repo.query(withCaps(product, List.of("Y"))))).isEmpty();
      assertThat(tx(() -> repo.query(withCaps(product, List.of("Y%_!" + tag)))))
          .extracting(s -> s.record().applicationUri())
          .containsExactly(c.applicationUri());
      assertThat(tx(() -> repo.query(withCaps(product, List.of("DA")))))
          .extracting(s -> s.record().applicationUri())
          .containsExactly(a.applicationUri(), b.applicationUri());
    }
    // an update moves a record in or out of the NA set
    ApplicationRecord shown =
        new ApplicationRecord(
            hidden.applicationId(),
            hidden.applicationUri(),
            hidden.applicationType(),
            hidden.applicationNames(),
            hidden.productUri(),
            hidden.discoveryUrls(),
            List.of("DA"));
    tx(() -> apps.update(shown, now));
    assertThat(tx(() -> apps.query(withCaps(product, List.of("DA")))))
        .extracting(s -> s.record().applicationUri())
        .containsExactly(a.applicationUri(), b.applicationUri(), hidden.applicationUri());
  }

  private static ApplicationQuery withCaps(String product, List<String> caps) {
    return new ApplicationQuery(
        0, 100, null, null, product, EnumSet.allOf(ApplicationType.class), caps, "NA");
  }

  @Test
  void usersKeepTheirRolesAndHashes() {
    String name = "user" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(
            tx(
                () ->
                    users.insert(
                        name, "hash-1", Set.of(Role.DISCOVERY_ADMIN, Role.SECURITY_ADMIN), now)))
        .isTrue();
    assertThat(tx(() -> users.insert(name, "hash-2", Set.of(Role.DISCOVERY_ADMIN), now))).isFalse();
    assertThat(tx(() -> users.find(name)))
        .contains(new User(name, Set.of(Role.DISCOVERY_ADMIN, Role.SECURITY_ADMIN)));
    assertThat(tx(() -> users.passwordHash(name))).contains("hash-1");
    assertThat(tx(() -> users.updatePasswordHash(name, "hash-3", now))).isTrue();
    assertThat(tx(() -> users.passwordHash(name))).contains("hash-3");
    assertThat(tx(() -> users.countWithRole(Role.SECURITY_ADMIN))).isGreaterThanOrEqualTo(1);
    assertThat(tx(users::list)).extracting(User::name).contains(name);
    assertThat(tx(() -> users.delete(name))).isTrue();
    assertThat(tx(() -> users.find(name))).isEmpty();
  }

  @Test
  void aFailedTransactionLeavesNothingBehind() {
    ApplicationRecord r = record("rollback", ApplicationType.SERVER, List.of("DA"));
    assertThatThrownBy(
            () ->
                tx(
                    () -> {
                      apps.insert(r, now);
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(tx(() -> apps.findByUri(r.applicationUri()))).isEmpty();
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void manyWildcardsOverALongUriDoNotBacktrack() {
    // one 2,000-character URI within the documented limits: H2's own LIKE tries every split of the
    // value per %, so five of them would take hours for this one row
    String tag = "bt" + UUID.randomUUID().toString().substring(0, 6);
    String prefix = "urn:" + tag + ":";
    ApplicationRecord wrongOrder = withUri(prefix + "a".repeat(1000) + "b".repeat(990) + "c", tag);
    ApplicationRecord rightOrder = withUri(prefix + "ab".repeat(495) + "c", tag);
    ApplicationRecord noEnd = withUri(prefix + "ab".repeat(995), tag);
    tx(() -> apps.insert(wrongOrder, now));
    tx(() -> apps.insert(rightOrder, now));
    tx(() -> apps.insert(noEnd, now));

    assertThat(tx(() -> apps.query(byUri(prefix + "%a%b%a%b%a%c"))))
        .extracting(a -> a.record().applicationUri())
        .containsExactly(rightOrder.applicationUri());
    assertThat(tx(() -> apps.query(byUri(prefix + "%a%a%a%a%a%b%")))).hasSize(3);
    assertThat(tx(() -> apps.query(byUri(prefix + "%a%a%a%a%a%z")))).isEmpty();
    // %% is one %; an escaped % is a literal and never a wildcard
    assertThat(tx(() -> apps.query(byUri(prefix + "%%%%a%%b%%%%c")))).hasSize(2);
    assertThat(tx(() -> apps.query(byUri(prefix + "%a\\%b%a%b%c")))).isEmpty();
  }

  @Test
  void everyStatementHasTheConfiguredTimeoutAndACancelledOneIsReasonTimeout() {
    try (Database oneSecond = openWithStatementTimeout(1)) {
      assertThat(oneSecond.statementTimeoutSeconds()).isEqualTo(1);
      // more than once on a connection: the timeout stays with the pool's connections
      for (int i = 0; i < 2; i++) {
        long started = System.nanoTime();
        assertThatThrownBy(
                () ->
                    oneSecond
                        .transactions()
                        .read(
                            () ->
                                JdbiTransactions.handle()
                                    .createQuery(slowStatement())
                                    .mapTo(String.class)
                                    .list()))
            .isInstanceOfSatisfying(
                GdsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - started))
            .isLessThan(Duration.ofSeconds(20));
      }
      // and the pool still answers afterwards
      assertThat(
              oneSecond
                  .transactions()
                  .read(
                      () ->
                          JdbiTransactions.handle()
                              .createQuery("SELECT 1")
                              .mapTo(Integer.class)
                              .one()))
          .isEqualTo(1);
    }
    assertThat(database().statementTimeoutSeconds())
        .isEqualTo(Database.DEFAULT_STATEMENT_TIMEOUT_SECONDS);
  }

  private ApplicationRecord withUri(String uri, String tag) {
    ApplicationRecord r = record(tag, ApplicationType.SERVER, List.of());
    return new ApplicationRecord(
        r.applicationId(),
        uri,
        r.applicationType(),
        r.applicationNames(),
        r.productUri(),
        r.discoveryUrls(),
        r.serverCapabilities());
  }

  private static ApplicationQuery byUri(String pattern) {
    return new ApplicationQuery(
        0, 100, null, pattern, null, EnumSet.allOf(ApplicationType.class), List.of(), null);
  }
}
