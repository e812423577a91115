package com.acme.intake.request.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.Column;

/**
 * What the database holds of each stored field of a request, read from the entities' own
 * {@code @Column} (length of a text, precision and scale of a decimal). The validator takes every
 * limit from here, so a text too long for its column is a 400 naming the field, never a database
 * error; {@code ColumnLimitsTest} checks these annotations against the Flyway schema.
 */
final class ColumnLimits {

    private static final Map<String, Column> COLUMNS = new ConcurrentHashMap<>();

    private ColumnLimits() {
    }

    /** The most characters the column of this entity field holds. */
    static int length(Class<?> entity, String field) {
        return column(entity, field).length();
    }

    /** The most decimal places the column of this entity field keeps. */
    static int scale(Class<?> entity, String field) {
        return column(entity, field).scale();
    }

    /** The most digits before the decimal point the column of this entity field holds. */
    static int integerDigits(Class<?> entity, String field) {
        Column column = column(entity, field);
        return column.precision() - column.scale();
    }

    private static Column column(Class<?> entity, String field) {
        return COLUMNS.computeIfAbsent(entity.getName() + "#" + field, key -> {
            try {
                Column column = entity.getDeclaredField(field).getAnnotation(Column.class);
                if (column == null) {
                    throw new IllegalStateException(key + " has no @Column");
                }
                return column;
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("No field " + key, e);
            }
        });
    }
}
