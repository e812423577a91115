package com.acme.intake.source.entity;

import com.acme.intake.masking.entity.ColumnType;

/**
 * A column a source really has: its name as the source spells it, and its type mapped to ours.
 * {@code type} is null when the source's own type has no {@link ColumnType} counterpart (a JSON,
 * array or binary column, say): the column is listed so nobody wonders where it went, but only a
 * text kind can be wanted from it, and only when its values read as text.
 */
public record SourceColumn(String name, ColumnType type, boolean nullable) {
}
