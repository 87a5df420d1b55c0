package io.gdsvault.gds.persistence.jdbc;

import io.gdsvault.gds.backup.DatabaseSnapshot;
import java.nio.file.Path;

/**
 * Online snapshot of the embedded H2 database with {@code BACKUP TO} (consistent, while serving).
 */
public final class H2Snapshot implements DatabaseSnapshot {

  private final Database database;
  private final boolean embeddedH2;

  public H2Snapshot(Database database, boolean embeddedH2) {
    this.database = database;
    this.embeddedH2 = embeddedH2;
  }

  @Override
  public void writeTo(Path zip) {
    if (!embeddedH2) {
      throw new UnsupportedOperationException("only the embedded H2 database is backed up online");
    }
    String path = zip.toAbsolutePath().toString().replace("'", "''");
    database.useHandleWithoutTimeout(h -> h.execute("BACKUP TO '" + path + "'"));
  }
}
