package com.acme.intake.provisioning.entity;

/**
 * What one provisioning run did; recorded on the run and in the audit trail.
 *
 * @param rowsRead       rows read from the source
 * @param rowsWritten    rows the warehouse reports as written into the new table
 * @param durationMillis wall-clock time of the whole run, from opening the source to the swap
 * @param keyId          the id of the pseudonym key the run used
 * @param table          the target, {@code staging.<table>} unquoted
 */
public record LoadResult(long rowsRead, long rowsWritten, long durationMillis, String keyId, String table) {
}
