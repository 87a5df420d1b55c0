package io.gdsvault.gds.directory;

import io.gdsvault.gds.model.ApplicationRecord;
import java.time.Instant;

/** A directory entry: the record plus its current record id (reassigned on every change). */
public record StoredApplication(
    long recordId, ApplicationRecord record, Instant createdAt, Instant updatedAt) {}
