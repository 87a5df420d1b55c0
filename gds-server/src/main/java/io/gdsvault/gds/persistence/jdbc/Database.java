package io.gdsvault.gds.persistence.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The connection pool, the schema (Flyway migrations in {@code db/migration}) and Jdbi.
 *
 * <p>Migration numbering: V1-V9 directory/users (core; V3 is a Java migration), V10-V19
 * certificates and trust (pull flow), V20+ push and later features, V70-V79 several nodes
 * (cluster_* tables; V71 is a Java migration in {@code db.migration}). Migrations may arrive out
 * of order (V3 came after V71): a database that is further along still takes a new lower one.
 */
public final class Database implements AutoCloseable {

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final JdbiTransactions transactions;

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
    this.transactions = new JdbiTransactions(jdbi);
  }

  /** Opens the pool and migrates the schema; closes the pool again when migration fails. */
  public static Database open(String url, String user, String password, int maxPoolSize) {
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
    HikariDataSource ds = new HikariDataSource(config);
    try {
      Flyway.configure()
          .dataSource(ds)
          .locations("classpath:db/migration")
          .outOfOrder(true)
          .load()
          .migrate();
      return new Database(ds);
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
  }

  /** The embedded H2 file database in the data directory, PostgreSQL compatibility mode. */
  public static String h2Url(Path dataDir) {
    return "jdbc:h2:file:"
        + dataDir.resolve("db").resolve("gds").toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
        // a commit is on disk before the call returns: CrashIT lost approvals to kill -9 with H2's
        // default 500 ms write delay
        + ";WRITE_DELAY=0"
        + ";CACHE_SIZE="
        + h2CacheKilobytes();
  }

  /**
   * H2's page cache: a quarter of the heap (at least 16 MB). With H2's smaller default, queries
   * over 100,000 applications kept re-reading and re-decoding pages, which cost CPU and filled the
   * young generation (DirectoryBenchmark, gds-server/BENCHMARKS.md). The cache only grows as far
   * as the database does.
   */
  static long h2CacheKilobytes() {
    return Math.max(16 * 1024, Runtime.getRuntime().maxMemory() / 4 / 1024);
  }

  /** True when the embedded H2 database file of {@code dataDir} exists. */
  public static boolean h2Exists(Path dataDir) {
    return java.nio.file.Files.exists(dataDir.resolve("db").resolve("gds.mv.db"));
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
    dataSource.close();
  }
}
