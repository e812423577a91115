package com.acme.intake.source.entity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A table of a JDBC source as a request names it: {@code table} or {@code schema.table}. Each part
 * is checked against {@link #PART} before it goes anywhere near SQL, so a name can never smuggle
 * SQL in; the parts are still quoted (with the spelling the database reports) when read.
 *
 * @param schema null when the request gave no schema (the connection's current schema applies)
 */
public record TableName(String schema, String table) {

    /** One part: a letter or underscore first, then letters, digits or underscores; at most 63. */
    public static final Pattern PART = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    public TableName {
        if (table == null || !PART.matcher(table).matches() || (schema != null && !PART.matcher(schema).matches())) {
            throw new IllegalArgumentException("invalid table name");
        }
    }

    /** Parses {@code table} or {@code schema.table}; refuses anything else. */
    public static TableName parse(String text) {
        Optional<String> problem = problem(text);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        int dot = text.indexOf('.');
        return dot < 0 ? new TableName(null, text) : new TableName(text.substring(0, dot), text.substring(dot + 1));
    }

    /**
     * Why {@code text} is not a valid table name, or empty when it is. The message never repeats
     * the input, which may be hostile.
     */
    public static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("a table name is required");
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length > 2) {
            return Optional.of("a table name is table or schema.table");
        }
        for (String part : parts) {
            if (!PART.matcher(part).matches()) {
                return Optional.of("each part of a table name must start with a letter or _ and contain only"
                        + " letters, digits and _ (at most 63 characters)");
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return schema == null ? table : schema + "." + table;
    }
}
