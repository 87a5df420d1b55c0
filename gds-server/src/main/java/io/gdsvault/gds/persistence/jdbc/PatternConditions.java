package io.gdsvault.gds.persistence.jdbc;

import io.gdsvault.gds.directory.LikePattern;
import io.gdsvault.gds.directory.StoredApplication;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;

/**
 * The LIKE filters of one directory query, kept safe from backtracking (see {@link LikePattern}):
 * exact values as {@code =}, patterns with few {@code %} as one SQL LIKE, and the others as cheap
 * necessary SQL conditions plus an exact check in Java on the rows the database returns.
 */
final class PatternConditions {

  /** One page of the query: rows with a record id greater than {@code after}, at most limit. */
  @FunctionalInterface
  interface Page {
    List<StoredApplication> rows(long after, int limit);
  }

  /** Rows read per round when rows are checked in Java (fewer rounds for selective filters). */
  static final int MIN_BATCH = 256;

  private final Map<String, String> binds = new LinkedHashMap<>();
  private final List<Predicate<ApplicationRecord>> checks = new ArrayList<>();

  /**
   * The SQL of one filter on {@code column} (" AND ..."; empty without a pattern), remembering its
   * parameters and, for a pattern the database should not evaluate, the exact check on {@code
   * field}.
   */
  String add(
      String column,
      String parameter,
      @Nullable String pattern,
      Function<ApplicationRecord, String> field) {
    if (pattern == null) {
      return "";
    }
    LikePattern p = LikePattern.parse(pattern);
    if (!p.hasWildcard()) {
      binds.put(parameter, p.literal());
      return " AND " + column + " = :" + parameter;
    }
    if (p.databaseSafe()) {
      binds.put(parameter, p.sqlLike());
      return " AND " + column + " LIKE :" + parameter + " ESCAPE '!'";
    }
    StringBuilder sql = new StringBuilder();
    List<String> conditions = p.necessaryConditions();
    for (int i = 0; i < conditions.size(); i++) {
      String name = parameter + "_" + i;
      binds.put(name, conditions.get(i));
      sql.append(" AND ").append(column).append(" LIKE :").append(name).append(" ESCAPE '!'");
    }
    checks.add(r -> p.matches(field.apply(r)));
    return sql.toString();
  }

  void bind(Query query) {
    binds.forEach(query::bind);
  }

  /**
   * The first {@code wanted} rows after {@code after} that pass every check: one page when the
   * database evaluates every filter, else pages in record id order until enough rows passed or the
   * rows ran out. Past {@code deadlineNanos} (0: none) the query is refused as timed out.
   */
  List<StoredApplication> collect(Page page, long after, int wanted, long deadlineNanos) {
    if (checks.isEmpty()) {
      return page.rows(after, wanted);
    }
    int batch = Math.max(wanted, MIN_BATCH);
    List<StoredApplication> out = new ArrayList<>();
    long from = after;
    while (true) {
      List<StoredApplication> rows = page.rows(from, batch);
      for (StoredApplication row : rows) {
        if (checks.stream().allMatch(c -> c.test(row.record()))) {
          out.add(row);
          if (out.size() == wanted) {
            return out;
          }
        }
      }
      if (rows.size() < batch) {
        return out;
      }
      from = rows.get(rows.size() - 1).recordId();
      if (deadlineNanos != 0 && System.nanoTime() - deadlineNanos > 0) {
        throw new GdsException(Reason.TIMEOUT, "the query took too long: use a narrower filter");
      }
    }
  }
}
