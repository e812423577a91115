package com.acme.intake.source.entity;

import com.acme.intake.masking.entity.ColumnType;

/** A column a source really has: its name as the source spells it, and its type mapped to ours. */
public record SourceColumn(String name, ColumnType type, boolean nullable) {
}
