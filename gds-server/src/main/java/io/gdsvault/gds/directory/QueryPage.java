package io.gdsvault.gds.directory;

import java.time.Instant;
import java.util.List;

/**
 * One page of query results.
 *
 * @param applications in record id order
 * @param nextRecordId the StartingRecordId for the next page, 0 when there is none
 * @param lastCounterResetTime when record ids were last reset
 */
public record QueryPage(
    List<StoredApplication> applications, long nextRecordId, Instant lastCounterResetTime) {}
