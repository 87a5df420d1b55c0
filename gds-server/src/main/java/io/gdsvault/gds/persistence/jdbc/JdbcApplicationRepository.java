package io.gdsvault.gds.persistence.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.gdsvault.gds.directory.ApplicationQuery;
import io.gdsvault.gds.directory.ApplicationRepository;
import io.gdsvault.gds.directory.LikePattern;
import io.gdsvault.gds.directory.StoredApplication;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.Reason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** {@link ApplicationRepository} on plain SQL (H2 in PostgreSQL mode and PostgreSQL). */
public final class JdbcApplicationRepository implements ApplicationRepository {

  private static final ObjectMapper JSON = new ObjectMapper();
  // readers are resolved once (the fallback of JsonLists)
  private static final ObjectReader NAMES =
      JSON.readerFor(new TypeReference<List<LocalizedName>>() {});
  private static final ObjectReader STRINGS = JSON.readerFor(new TypeReference<List<String>>() {});
  private static final long FREQUENCY_TTL_NANOS = 60_000_000_000L;
  private static final int MAX_REMEMBERED_CAPABILITIES = 1000;
  private static final String COLUMNS =
      "a.application_id, a.record_id, a.application_uri, a.application_type, a.product_uri,"
          + " a.names_json, a.discovery_urls_json, a.capabilities_json, a.created_at, a.updated_at";

  /** Per capability: whether it is common (see {@link #isCommon}), for a minute. */
  private final Map<String, Frequency> capabilityFrequency = new ConcurrentHashMap<>();

  private final long commonShareDivisor;

  public JdbcApplicationRepository() {
    this(10);
  }

  /**
   * Tests: a capability is common when more than 1/{@code commonShareDivisor} of the applications
   * carry it (1: never, a very large number: whenever one does).
   */
  JdbcApplicationRepository(long commonShareDivisor) {
    this.commonShareDivisor = commonShareDivisor;
  }

  @Override
  public StoredApplication insert(ApplicationRecord r, Instant now) {
    Handle h = JdbiTransactions.handle();
    if (!findByUri(r.applicationUri()).isEmpty()) {
      throw new GdsException(Reason.ENTRY_EXISTS, "ApplicationUri is already registered");
    }
    long recordId = nextRecordId(h);
    try {
      h.createUpdate(
              "INSERT INTO applications (application_id, record_id, application_uri,"
                  + " application_type, product_uri, default_name, names_json,"
                  + " discovery_urls_json, capabilities_json, not_available, capability_key,"
                  + " created_at, updated_at)"
                  + " VALUES (:id, :rid, :uri, :type, :product, :name, :names, :urls, :caps,"
                  + " :na, :capKey, :now, :now)")
          .bind("id", r.applicationId())
          .bind("rid", recordId)
          .bind("uri", r.applicationUri())
          .bind("type", (short) r.applicationType().value())
          .bind("product", r.productUri())
          .bind("name", r.defaultName())
          .bind("names", json(r.applicationNames()))
          .bind("urls", json(r.discoveryUrls()))
          .bind("caps", json(r.serverCapabilities()))
          .bind("na", r.serverCapabilities().contains(CapabilityKey.NOT_AVAILABLE))
          .bind("capKey", CapabilityKey.of(r.serverCapabilities()))
          .bind("now", Timestamp.from(now))
          .execute();
    } catch (UnableToExecuteStatementException e) {
      throw translate(e);
    }
    insertChildren(h, r);
    return new StoredApplication(recordId, r, now, now);
  }

  @Override
  public Optional<StoredApplication> update(ApplicationRecord r, Instant now) {
    Handle h = JdbiTransactions.handle();
    Optional<StoredApplication> existing = findById(r.id());
    if (existing.isEmpty()) {
      return Optional.empty();
    }
    long recordId = nextRecordId(h);
    try {
      h.createUpdate(
              "UPDATE applications SET record_id = :rid, application_uri = :uri,"
                  + " application_type = :type, product_uri = :product, default_name = :name,"
                  + " names_json = :names, discovery_urls_json = :urls, capabilities_json = :caps,"
                  + " not_available = :na, capability_key = :capKey,"
                  + " updated_at = :now WHERE application_id = :id")
          .bind("id", r.applicationId())
          .bind("rid", recordId)
          .bind("uri", r.applicationUri())
          .bind("type", (short) r.applicationType().value())
          .bind("product", r.productUri())
          .bind("name", r.defaultName())
          .bind("names", json(r.applicationNames()))
          .bind("urls", json(r.discoveryUrls()))
          .bind("caps", json(r.serverCapabilities()))
          .bind("na", r.serverCapabilities().contains(CapabilityKey.NOT_AVAILABLE))
          .bind("capKey", CapabilityKey.of(r.serverCapabilities()))
          .bind("now", Timestamp.from(now))
          .execute();
    } catch (UnableToExecuteStatementException e) {
      throw translate(e);
    }
    h.createUpdate("DELETE FROM application_names WHERE application_id = :id")
        .bind("id", r.applicationId())
        .execute();
    h.createUpdate("DELETE FROM application_capabilities WHERE application_id = :id")
        .bind("id", r.applicationId())
        .execute();
    insertChildren(h, r);
    return Optional.of(new StoredApplication(recordId, r, existing.get().createdAt(), now));
  }

  @Override
  public Optional<StoredApplication> findById(UUID applicationId) {
    return JdbiTransactions.handle()
        .createQuery("SELECT " + COLUMNS + " FROM applications a WHERE a.application_id = :id")
        .bind("id", applicationId)
        .map((rs, ctx) -> read(rs))
        .findOne();
  }

  @Override
  public List<StoredApplication> findByUri(String applicationUri) {
    return JdbiTransactions.handle()
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM applications a WHERE a.application_uri = :uri"
                + " ORDER BY a.record_id")
        .bind("uri", applicationUri)
        .map((rs, ctx) -> read(rs))
        .list();
  }

  @Override
  public boolean delete(UUID applicationId) {
    return JdbiTransactions.handle()
            .createUpdate("DELETE FROM applications WHERE application_id = :id")
            .bind("id", applicationId)
            .execute()
        > 0;
  }

  @Override
  public List<StoredApplication> query(ApplicationQuery q) {
    Handle h = JdbiTransactions.handle();
    PatternConditions patterns = new PatternConditions();
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(COLUMNS)
            .append(" FROM applications a WHERE a.record_id > :after");
    if (!q.types().containsAll(EnumSet.allOf(ApplicationType.class))) {
      sql.append(" AND a.application_type IN (<types>)");
    }
    sql.append(
        patterns.add(
            "a.application_uri", "uri", q.uriPattern(), ApplicationRecord::applicationUri));
    sql.append(
        patterns.add(
            "a.product_uri", "product", q.productUriPattern(), ApplicationRecord::productUri));
    if (q.namePattern() != null) {
      // only the default (first) name counts (Part 12 §6.5.10); IN (not EXISTS) lets the
      // database start from the name index for selective patterns
      sql.append(
              " AND a.application_id IN (SELECT n.application_id FROM application_names n"
                  + " WHERE n.position = 0")
          .append(
              patterns.add(
                  "n.name_text", "name", q.namePattern(), JdbcApplicationRepository::defaultName))
          .append(')');
    }
    List<Boolean> common = q.capabilities().stream().map(c -> isCommon(h, c)).toList();
    appendCapabilities(sql, q, common);
    // with an exact ProductUri, ordering by (product_uri, record_id) is the same order and lets
    // the database read the (product_uri, record_id) index in order instead of sorting
    boolean productExact =
        q.productUriPattern() != null && !LikePattern.parse(q.productUriPattern()).hasWildcard();
    sql.append(productExact ? " ORDER BY a.product_uri, a.record_id" : " ORDER BY a.record_id");
    sql.append(" LIMIT :limit");
    String text = sql.toString();
    PatternConditions.Page page =
        (after, limit) -> {
          Query query = h.createQuery(text).bind("after", after).bind("limit", limit);
          bindFilters(query, q, common);
          patterns.bind(query);
          return query.map((rs, ctx) -> read(rs)).list();
        };
    return patterns.collect(page, q.afterRecordId(), q.limit() + 1, deadlineNanos(h));
  }

  /**
   * Capability filters. No correlated subqueries: H2 runs one as a separate query for every row it
   * reads. A common capability is a LIKE on the row the ordering index reads anyway (a match comes
   * every few rows); a rare one starts from application_capabilities (a few ids, found by index).
   */
  private static void appendCapabilities(
      StringBuilder sql, ApplicationQuery q, List<Boolean> common) {
    for (int i = 0; i < q.capabilities().size(); i++) {
      if (common.get(i)) {
        sql.append(" AND a.capability_key LIKE :cap").append(i).append(" ESCAPE '!'");
      } else {
        sql.append(
                " AND a.application_id IN (SELECT c.application_id FROM application_capabilities c"
                    + " WHERE c.capability = :cap")
            .append(i)
            .append(')');
      }
    }
    if (CapabilityKey.NOT_AVAILABLE.equals(q.excludeCapability())) {
      sql.append(" AND a.not_available = FALSE");
    } else if (q.excludeCapability() != null) {
      sql.append(" AND a.capability_key NOT LIKE :exclude ESCAPE '!'");
    }
  }

  private static void bindFilters(Query query, ApplicationQuery q, List<Boolean> common) {
    if (!q.types().containsAll(EnumSet.allOf(ApplicationType.class))) {
      query.bindList("types", q.types().stream().map(t -> (short) t.value()).toList());
    }
    for (int i = 0; i < q.capabilities().size(); i++) {
      String c = q.capabilities().get(i);
      query.bind("cap" + i, common.get(i) ? CapabilityKey.likePattern(c) : c);
    }
    if (q.excludeCapability() != null
        && !CapabilityKey.NOT_AVAILABLE.equals(q.excludeCapability())) {
      query.bind("exclude", CapabilityKey.likePattern(q.excludeCapability()));
    }
  }

  private static String defaultName(ApplicationRecord r) {
    return r.applicationNames().isEmpty() ? "" : r.applicationNames().get(0).text();
  }

  /** When a query that filters in Java gives up: the statement timeout from now (0: never). */
  private static long deadlineNanos(Handle h) {
    Object attribute =
        h.getConfig(SqlStatements.class).getAttribute(Database.STATEMENT_TIMEOUT_ATTRIBUTE);
    int seconds = attribute instanceof Integer i ? i : 0;
    return seconds <= 0 ? 0 : System.nanoTime() + seconds * 1_000_000_000L;
  }

  /**
   * Whether more than a tenth of the applications carry {@code capability} (then matches are dense
   * in record id order). Counted with a bound, so a common capability costs at most a tenth of the
   * table's index entries, and remembered for a minute.
   */
  private boolean isCommon(Handle h, String capability) {
    long now = System.nanoTime();
    Frequency known = capabilityFrequency.get(capability);
    if (known != null && now - known.checkedAt() < FREQUENCY_TTL_NANOS) {
      return known.common();
    }
    long total = h.createQuery("SELECT COUNT(*) FROM applications").mapTo(Long.class).one();
    long bound = total / commonShareDivisor + 1;
    long found =
        h.createQuery(
                "SELECT COUNT(*) FROM (SELECT 1 FROM application_capabilities"
                    + " WHERE capability = :cap LIMIT :bound) t")
            .bind("cap", capability)
            .bind("bound", bound)
            .mapTo(Long.class)
            .one();
    boolean common = total > 0 && found >= bound;
    if (capabilityFrequency.size() >= MAX_REMEMBERED_CAPABILITIES) {
      capabilityFrequency.clear();
    }
    capabilityFrequency.put(capability, new Frequency(common, now));
    return common;
  }

  private record Frequency(boolean common, long checkedAt) {}

  @Override
  public Instant lastCounterResetTime() {
    return JdbiTransactions.handle()
        .createQuery("SELECT reset_time FROM directory_counter WHERE id = 1")
        .map((rs, ctx) -> rs.getTimestamp(1).toInstant())
        .one();
  }

  @Override
  public long count() {
    return JdbiTransactions.handle()
        .createQuery("SELECT COUNT(*) FROM applications")
        .mapTo(Long.class)
        .one();
  }

  private static long nextRecordId(Handle h) {
    return h.createQuery("SELECT nextval('application_record_seq')").mapTo(Long.class).one();
  }

  private static void insertChildren(Handle h, ApplicationRecord r) {
    var names =
        h.prepareBatch(
            "INSERT INTO application_names (application_id, position, name_text)"
                + " VALUES (:id, :pos, :text)");
    for (int i = 0; i < r.applicationNames().size(); i++) {
      names
          .bind("id", r.applicationId())
          .bind("pos", i)
          .bind("text", r.applicationNames().get(i).text())
          .add();
    }
    names.execute();
    if (!r.serverCapabilities().isEmpty()) {
      var caps =
          h.prepareBatch(
              "INSERT INTO application_capabilities (application_id, capability)"
                  + " VALUES (:id, :cap)");
      for (String c : r.serverCapabilities()) {
        caps.bind("id", r.applicationId()).bind("cap", c).add();
      }
      caps.execute();
    }
  }

  private static StoredApplication read(ResultSet rs) throws SQLException {
    UUID id = rs.getObject("application_id", UUID.class);
    ApplicationType type =
        ApplicationType.fromValue(rs.getShort("application_type"))
            .orElseThrow(() -> new IllegalStateException("bad application_type in database"));
    ApplicationRecord r =
        new ApplicationRecord(
            id,
            rs.getString("application_uri"),
            type,
            names(rs.getString("names_json")),
            rs.getString("product_uri"),
            strings(rs.getString("discovery_urls_json")),
            strings(rs.getString("capabilities_json")));
    return new StoredApplication(
        rs.getLong("record_id"),
        r,
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise record field", e);
    }
  }

  private static List<LocalizedName> names(String json) {
    List<LocalizedName> fast = JsonLists.names(json);
    return fast != null ? fast : parse(json, NAMES);
  }

  private static List<String> strings(String json) {
    List<String> fast = JsonLists.strings(json);
    return fast != null ? fast : parse(json, STRINGS);
  }

  /** Jackson, for whatever {@link JsonLists} does not read. */
  private static <T> List<T> parse(String json, ObjectReader reader) {
    try {
      return reader.readValue(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt record field in database", e);
    }
  }

  /** Unique violations (SQLState 23505 on H2 and PostgreSQL) are ENTRY_EXISTS. */
  static RuntimeException translate(UnableToExecuteStatementException e) {
    Throwable c = e.getCause();
    if (c instanceof SQLException s && "23505".equals(s.getSQLState())) {
      return new GdsException(Reason.ENTRY_EXISTS, "ApplicationUri is already registered");
    }
    return e;
  }
}
