package com.acme.intake.source.entity;

import java.util.List;

/** A table of a registered JDBC source, or an uploaded file, that rows can be read from. */
public interface RowSource {

    /** The columns the source really has (to prefill a form, and to check a request before loading). */
    List<SourceColumn> columns();

    /**
     * Opens a cursor over the wanted columns, in the given order, converting each value to the
     * wanted type. Refuses with a {@link SourceProblem} when the source is unreachable, a column is
     * missing, or a column's type can no longer be converted to the wanted one.
     */
    RowCursor open(List<SourceColumn> wanted);
}
