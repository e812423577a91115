package com.acme.intake.source.control;

import java.util.List;

/**
 * Pull-style reading of a file's first table: the header, then one row at a time. Values are raw:
 * text for CSV; for XLSX text, {@link java.math.BigDecimal}, {@link Boolean} or (date-formatted
 * cells) {@link java.time.LocalDateTime}. Missing cells are null.
 */
interface TableReader extends AutoCloseable {

    List<String> headers();

    /** Advances to the next data row; false at the end. Throws a SourceProblem for a broken file. */
    boolean next();

    Object value(int index);

    /** The 1-based line or row number of the current row in the file, for error messages. */
    long rowNumber();

    @Override
    void close();
}
