package io.gdsvault.gds.persistence.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool, the schema (Flyway migrations in {@code db/migration}) and Jdbi.
 *
 * <p>Migration numbering: V1-V9 directory/users (core; V3 is a Java migration), V10-V19
 * certificates and trust (pull flow), V20+ push and later features, V70-V79 several nodes
 * (cluster_* tables; V71 is a Java migration in {@code db.migration}). Migrations may arrive out of
 * order (V3 came after V71): a database that is further along still takes a new lower one.
 */
public final class Database implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final JdbiTransactions transactions;

  /** The H2 file ({@code .mv.db}) when this is the embedded database, else null. */
  private final @Nullable Path h2File;

  /** A clean close compacts an H2 file at least this large (see {@link #h2Url}). */
  static final long COMPACT_ON_CLOSE_BYTES = 64L * 1024 * 1024;

  /** The statement timeout when none is configured (database.statementTimeoutSeconds). */
  public static final int DEFAULT_STATEMENT_TIMEOUT_SECONDS = 10;

  /** Every statement's timeout in seconds (0: none). */
  private final int statementTimeoutSeconds;

  /** The Jdbi attribute (an Integer) that holds {@link #statementTimeoutSeconds()}. */
  static final String STATEMENT_TIMEOUT_ATTRIBUTE = "gds.statementTimeoutSeconds";

  /**
   * The statements that set a connection's timeout to {@link #statementTimeoutSeconds()} and to
   * none, when the database keeps it per connection (H2, PostgreSQL); else null.
   */
  private final @Nullable String timeoutSql;

  private final @Nullable String noTimeoutSql;

  private Database(
      HikariDataSource dataSource, @Nullable Path h2File, String url, int timeoutSeconds) {
    this.dataSource = dataSource;
    this.h2File = h2File;
    this.statementTimeoutSeconds = timeoutSeconds;
    this.timeoutSql = connectionTimeoutSql(url, timeoutSeconds * 1000L);
    this.noTimeoutSql = connectionTimeoutSql(url, 0);
    this.jdbi = Jdbi.create(dataSource);
    this.transactions = new JdbiTransactions(jdbi);
    jdbi.define(STATEMENT_TIMEOUT_ATTRIBUTE, timeoutSeconds);
    if (timeoutSql == null && timeoutSeconds > 0) {
      // every statement Jdbi runs, by JDBC setQueryTimeout (the database cancels it, SQLState
      // 57014, which JdbiTransactions turns into Reason.TIMEOUT)
      jdbi.getConfig(SqlStatements.class).setQueryTimeout(timeoutSeconds);
    }
    jdbi.getConfig(SqlStatements.class)
        .addCustomizer(
            new StatementCustomizer() {
              @Override
              public void beforeExecution(PreparedStatement stmt, StatementContext ctx) {
                if (changesData(ctx.getRawSql())) {
                  transactions.beforeWrite();
                }
              }
            });
  }

  /** {@link #open(String, String, String, int, int)} with the default statement timeout. */
  public static Database open(String url, String user, String password, int maxPoolSize) {
    return open(url, user, password, maxPoolSize, DEFAULT_STATEMENT_TIMEOUT_SECONDS);
  }

  /**
   * Opens the pool and migrates the schema; closes the pool again when migration fails. Every
   * statement run through {@link #jdbi()} is cancelled after {@code statementTimeoutSeconds} (0:
   * never).
   */
  public static Database open(
      String url, String user, String password, int maxPoolSize, int statementTimeoutSeconds) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (user != null && !user.isEmpty()) {
      config.setUsername(user);
    }
    if (password != null && !password.isEmpty()) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(maxPoolSize);
    config.setMinimumIdle(1);
    config.setPoolName("gds-db");
    config.setAutoCommit(true);
    String timeoutSql = connectionTimeoutSql(url, statementTimeoutSeconds * 1000L);
    if (timeoutSql != null && statementTimeoutSeconds > 0) {
      config.setConnectionInitSql(timeoutSql);
    }
    HikariDataSource ds = new HikariDataSource(config);
    try {
      // migrations on their own connection, without the statement timeout (a migration of a large
      // database may take longer than a statement may)
      Flyway.configure()
          .dataSource(url, user, password)
          .locations("classpath:db/migration")
          .outOfOrder(true)
          .load()
          .migrate();
      return new Database(ds, h2FileOf(url), url, statementTimeoutSeconds);
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
  }

  /**
   * The statement that sets a connection's statement timeout to {@code millis} (0: none), for H2
   * and PostgreSQL (null for other databases: the timeout is then set per statement). Not JDBC's
   * per-statement setQueryTimeout there: H2 runs {@code SET QUERY_TIMEOUT} for it on every
   * statement, and every SET discards the parsed statements of every connection (H2's query cache
   * is dropped when the database's metadata counter moves), so each statement was parsed again;
   * PostgreSQL's driver schedules a client-side timer per statement. Both cancel a statement that
   * runs over with SQLState 57014, as before.
   */
  static @Nullable String connectionTimeoutSql(@Nullable String url, long millis) {
    if (url == null) {
      return null;
    }
    if (url.startsWith("jdbc:h2:")) {
      return "SET QUERY_TIMEOUT " + millis;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return "SET statement_timeout = " + millis;
    }
    return null;
  }

  /**
   * Runs {@code work} on a handle whose statements have no timeout (a backup of a large file may
   * take longer than a statement may); the connection gets its timeout back before the pool's next
   * user has it.
   */
  public void useHandleWithoutTimeout(Consumer<Handle> work) {
    jdbi.useHandle(
        h -> {
          if (timeoutSql == null || noTimeoutSql == null) {
            h.getConfig(SqlStatements.class).setQueryTimeout(0);
            work.accept(h);
            return;
          }
          h.execute(noTimeoutSql);
          try {
            work.accept(h);
          } finally {
            h.execute(timeoutSql);
          }
        });
  }

  /** Every statement's timeout in seconds (0: none), however it is applied. */
  public int statementTimeoutSeconds() {
    return statementTimeoutSeconds;
  }

  /** The embedded H2 file database in the data directory, PostgreSQL compatibility mode. */
  public static String h2Url(Path dataDir) {
    return "jdbc:h2:file:"
        + dataDir.resolve("db").resolve("gds").toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
        // a commit is on disk before the call returns: CrashIT lost approvals to kill -9 with H2's
        // default 500 ms write delay
        + ";WRITE_DELAY=0"
        // Never overwrite old chunks, only append. With H2's default (reuse freed space), a GDS
        // killed with SIGKILL a second after a commit came back without that commit in about one
        // run out of three (found by PushKillIT; reproduced with `gds serve`, `apps register` and
        // kill -9: 3 losses in 3 runs of 6-8 kills with reuse, none in 24 kills without). The cost
        // is a file that only grows while the server runs (about 18 KB per write transaction);
        // close() gives the space back with SHUTDOWN COMPACT once the file is large.
        + ";REUSE_SPACE=FALSE"
        // parsed statements kept per connection: H2's default of 8 is less than a pull flow's
        // distinct statements (about 25), so it re-parsed most of them on every call
        + ";QUERY_CACHE_SIZE=256"
        // close() closes the database, after the services (the cluster gives its leases back):
        // H2's own shutdown hook closed it under them on SIGTERM ("Database is already closed")
        + ";DB_CLOSE_ON_EXIT=FALSE"
        + ";CACHE_SIZE="
        + h2CacheKilobytes();
  }

  /**
   * H2's page cache: a quarter of the heap (at least 16 MB). With H2's smaller default, queries
   * over 100,000 applications kept re-reading and re-decoding pages, which cost CPU and filled the
   * young generation (DirectoryBenchmark, gds-server/BENCHMARKS.md). The cache only grows as far as
   * the database does.
   */
  static long h2CacheKilobytes() {
    return Math.max(16 * 1024, Runtime.getRuntime().maxMemory() / 4 / 1024);
  }

  /** True when the embedded H2 database file of {@code dataDir} exists. */
  public static boolean h2Exists(Path dataDir) {
    return Files.exists(dataDir.resolve("db").resolve("gds.mv.db"));
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public JdbiTransactions transactions() {
    return transactions;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    if (h2File != null && sizeOf(h2File) >= COMPACT_ON_CLOSE_BYTES) {
      try (Connection c = dataSource.getConnection();
          Statement statement = c.createStatement()) {
        statement.execute("SHUTDOWN COMPACT");
      } catch (SQLException e) {
        // the database is closed either way; compaction is only an optimisation
        log.warn("H2 compaction on close failed: {}", e.toString());
      }
    }
    dataSource.close();
  }

  /** Whether a statement changes data (its first word is INSERT, UPDATE, DELETE or MERGE). */
  static boolean changesData(@Nullable String sql) {
    if (sql == null) {
      return false;
    }
    String s = sql.stripLeading();
    int end = 0;
    while (end < s.length() && Character.isLetter(s.charAt(end))) {
      end++;
    }
    String word = s.substring(0, end).toUpperCase(java.util.Locale.ROOT);
    return switch (word) {
      case "INSERT", "UPDATE", "DELETE", "MERGE" -> true;
      default -> false;
    };
  }

  /** The {@code .mv.db} file of an H2 file URL, or null for any other URL. */
  static @Nullable Path h2FileOf(String url) {
    String prefix = "jdbc:h2:file:";
    if (url == null || !url.startsWith(prefix)) {
      return null;
    }
    String rest = url.substring(prefix.length());
    int semicolon = rest.indexOf(';');
    String base = semicolon < 0 ? rest : rest.substring(0, semicolon);
    return Path.of(base + ".mv.db");
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
