package com.acme.intake.audit.entity;

import java.time.Instant;

/**
 * One event of the trail as stored, with its place in the hash chain: what the chain code hashes,
 * the verifier checks and the workbook writes. A plain value, free of JPA, so all three are tested
 * and benchmarked without a container.
 *
 * @param occurredAt UTC, at microsecond precision (what both databases store exactly)
 * @param prevHash   hex SHA-256 of the previous event, 64 zeros for the first
 * @param hash       hex SHA-256 of this event's canonical encoding (see {@code AuditChain})
 */
public record AuditEntry(long seq, Instant occurredAt, String actor, String action, Long requestId, String taskId,
                         String businessUnit, String details, String prevHash, String hash) {
}
