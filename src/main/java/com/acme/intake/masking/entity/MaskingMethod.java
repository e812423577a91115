package com.acme.intake.masking.entity;

import java.util.EnumSet;
import java.util.Set;

import static com.acme.intake.masking.entity.ColumnType.Kind;

/**
 * How a column is transformed while rows are copied into the warehouse. The exact semantics are in
 * {@code com.acme.intake.masking.control} and the README; this enum says which column types each
 * method applies to, so a request with a method that does not fit is refused at submission.
 */
public enum MaskingMethod {
    KEEP(EnumSet.allOf(Kind.class)),
    PSEUDONYMIZE(EnumSet.of(Kind.TEXT, Kind.INTEGER)),
    REDACT(EnumSet.of(Kind.TEXT)),
    SHOW_LAST_N(EnumSet.of(Kind.TEXT)),
    SHOW_FIRST_N(EnumSet.of(Kind.TEXT)),
    EMAIL(EnumSet.of(Kind.TEXT)),
    GENERALIZE_DATE(EnumSet.of(Kind.DATE, Kind.TIMESTAMP)),
    GENERALIZE_NUMBER(EnumSet.of(Kind.INTEGER, Kind.DECIMAL)),
    NULLIFY(EnumSet.allOf(Kind.class)),
    DROP(EnumSet.allOf(Kind.class));

    private final Set<Kind> kinds;

    MaskingMethod(Set<Kind> kinds) {
        this.kinds = kinds;
    }

    public boolean fits(ColumnType type) {
        return kinds.contains(type.kind());
    }

    /**
     * The column type the masked column has in the warehouse. PSEUDONYMIZE turns any value into a
     * 64-character hex string; every other method keeps the declared type.
     */
    public ColumnType resultType(ColumnType declared) {
        return this == PSEUDONYMIZE ? ColumnType.VARCHAR : declared;
    }
}
