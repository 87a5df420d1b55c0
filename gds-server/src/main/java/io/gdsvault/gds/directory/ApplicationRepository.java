package io.gdsvault.gds.directory;

import io.gdsvault.gds.model.ApplicationRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Storage of directory entries. Runs inside the caller's transaction. */
public interface ApplicationRepository {

  /**
   * Stores a new record (its id set) with a fresh record id.
   *
   * @throws io.gdsvault.gds.model.GdsException ENTRY_EXISTS when the ApplicationUri is taken
   */
  StoredApplication insert(ApplicationRecord record, Instant now);

  /** Replaces a record and gives it a fresh record id; empty when the id is unknown. */
  Optional<StoredApplication> update(ApplicationRecord record, Instant now);

  Optional<StoredApplication> findById(UUID applicationId);

  List<StoredApplication> findByUri(String applicationUri);

  /** Deletes; false when the id is unknown. */
  boolean delete(UUID applicationId);

  /**
   * Up to {@code query.limit() + 1} entries in record id order (one more tells if a next page
   * exists).
   */
  List<StoredApplication> query(ApplicationQuery query);

  Instant lastCounterResetTime();

  long count();
}
