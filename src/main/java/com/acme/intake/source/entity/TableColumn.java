package com.acme.intake.source.entity;

import com.acme.intake.masking.entity.ColumnType;

/**
 * A column of a JDBC source table as the request form shows it.
 *
 * @param type null when no {@link ColumnType} fits (see {@code sourceType})
 * @param sourceType the database's own type name, such as {@code int8} or {@code jsonb}
 */
public record TableColumn(String name, ColumnType type, boolean nullable, String sourceType) {
}
