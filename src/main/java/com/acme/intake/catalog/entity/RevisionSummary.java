package com.acme.intake.catalog.entity;

import java.time.Instant;

/**
 * One revision in an entry's history.
 *
 * @param reason e.g. {@code approved request 12} or {@code edited by alice}
 * @param changes compared with the revision before (for the first: everything added)
 */
public record RevisionSummary(int number, String author, Instant at, String reason, Changes changes) {
}
