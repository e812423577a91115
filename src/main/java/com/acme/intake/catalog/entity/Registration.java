package com.acme.intake.catalog.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * What provisioning tells the catalog about a finished load. Plain values only, so the catalog does
 * not depend on provisioning types.
 *
 * @param table     the loaded table, {@code staging.<business_unit>__<dataset>}
 * @param rowCount  rows in the table after the load
 * @param loadedAt  when the load finished
 * @param rowsRead  rows read from the source
 * @param keyId     the id of the pseudonymisation key the load used (never the key itself)
 */
public record Registration(String table, long rowCount, Instant loadedAt, long rowsRead, String keyId) {

    public Registration {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(loadedAt, "loadedAt");
        if (rowCount < 0 || rowsRead < 0) {
            throw new IllegalArgumentException("row counts cannot be negative");
        }
    }
}
