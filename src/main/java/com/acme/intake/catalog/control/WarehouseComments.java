package com.acme.intake.catalog.control;

import java.util.LinkedHashMap;
import java.util.Map;

import com.acme.intake.catalog.entity.CatalogSnapshot;

/**
 * Keeps the warehouse's table and column comments in step with the catalog descriptions. Called
 * in the caller's transaction after every new revision; an exception rolls the revision back, so
 * the catalog never claims a description the warehouse does not carry.
 * <p>
 * Written by provisioning, which owns the warehouse DDL, through {@link WarehouseCommentsInWarehouse};
 * the application does not deploy without an implementation.
 */
public interface WarehouseComments {

    /**
     * Sets the comments of a staging table.
     *
     * @param table          {@code staging.<business_unit>__<dataset>}
     * @param tableComment   the dataset description (markdown text, possibly empty)
     * @param columnComments comment by column name, for every column in the table (loaded columns
     *                       only); an empty string clears a comment
     */
    void apply(String table, String tableComment, Map<String, String> columnComments);

    /** Sets the comments from a snapshot: its description, and each loaded column's description. */
    default void follow(CatalogSnapshot snapshot) {
        Map<String, String> columns = new LinkedHashMap<>();
        snapshot.columns().stream().filter(CatalogSnapshot.Column::loaded)
                .forEach(c -> columns.put(c.name(), c.description() == null ? "" : c.description()));
        apply(snapshot.lineage().target(), snapshot.description() == null ? "" : snapshot.description(), columns);
    }
}
