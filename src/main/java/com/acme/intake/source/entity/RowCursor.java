package com.acme.intake.source.entity;

/**
 * Rows streamed from a source, one at a time: a source table or file is never held in memory.
 * Not thread-safe; one cursor per loader thread.
 */
public interface RowCursor extends AutoCloseable {

    /** Advances to the next row; false at the end. */
    boolean next();

    /**
     * The value of the {@code index}-th wanted column in the current row, converted to the Java
     * type of its declared {@link com.acme.intake.masking.entity.ColumnType}: String (TEXT kinds),
     * Short/Integer/Long (INTEGER kinds), BigDecimal/Double (DECIMAL kinds), Boolean, LocalDate,
     * LocalDateTime; or null.
     */
    Object get(int index);

    @Override
    void close();
}
