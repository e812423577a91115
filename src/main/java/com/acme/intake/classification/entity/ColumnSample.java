package com.acme.intake.classification.entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import com.acme.intake.masking.entity.ColumnType;

/**
 * A column's name, declared type and a sample of its values, as read from the source (a
 * {@link String}, {@link Number}, {@link Boolean} or {@code java.time} value; nulls are allowed).
 * The values are raw data: they stay on the server, and {@link #toString()} never shows them.
 */
public record ColumnSample(String name, ColumnType type, List<Object> values) {

    public ColumnSample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        // List.copyOf refuses nulls, and a sample may hold NULLs.
        values = values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** Names the column and counts the values, never shows one. */
    @Override
    public String toString() {
        return "ColumnSample[name=" + name + ", type=" + type + ", values=" + values.size() + "]";
    }
}
