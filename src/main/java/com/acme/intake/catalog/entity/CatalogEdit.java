package com.acme.intake.catalog.entity;

import java.util.List;

/**
 * The body of {@code PUT /api/catalog/{key}}: new descriptions and gap notes. An absent (null)
 * field stays as it is; only the columns listed are changed.
 *
 * @param description markdown description of the dataset
 * @param knownGaps   markdown notes on missing or unreliable data; empty clears them
 * @param columns     column descriptions by column name
 */
public record CatalogEdit(String description, String knownGaps, List<ColumnEdit> columns) {

    public record ColumnEdit(String name, String description) {
    }
}
