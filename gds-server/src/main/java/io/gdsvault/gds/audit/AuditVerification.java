package io.gdsvault.gds.audit;

/**
 * The result of checking the audit chain.
 *
 * @param intact whether every row and the head anchor check out
 * @param rows rows read
 * @param brokenSeq the first row that failed (or the head's seq when the tail is missing), else -1
 * @param problem what is wrong, empty when intact
 */
public record AuditVerification(boolean intact, long rows, long brokenSeq, String problem) {}
