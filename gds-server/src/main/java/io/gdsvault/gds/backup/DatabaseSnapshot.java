package io.gdsvault.gds.backup;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a consistent copy of the live database (the JDBC layer implements it). */
public interface DatabaseSnapshot {

  /**
   * Writes a zip of the database files to {@code zip} while the GDS keeps serving.
   *
   * @throws UnsupportedOperationException when the database cannot be snapshotted from inside
   *     (PostgreSQL: use pg_dump)
   */
  void writeTo(Path zip) throws IOException;
}
