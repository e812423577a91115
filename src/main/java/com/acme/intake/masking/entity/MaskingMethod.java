package com.acme.intake.masking.entity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import static com.acme.intake.masking.entity.ColumnType.Kind;

/**
 * How a column is transformed while rows are copied into the warehouse. The exact semantics are in
 * {@code com.acme.intake.masking.control.ColumnMasker} and {@code docs/masking.md}; this enum says
 * which column types each method applies to and which parameters it takes, so a request with a
 * method that does not fit is refused at submission.
 */
public enum MaskingMethod {
    KEEP(EnumSet.allOf(Kind.class), EnumSet.of(MaskingParameter.JUSTIFICATION)),
    PSEUDONYMIZE(EnumSet.of(Kind.TEXT, Kind.INTEGER), EnumSet.noneOf(MaskingParameter.class)),
    REDACT(EnumSet.of(Kind.TEXT), EnumSet.noneOf(MaskingParameter.class)),
    SHOW_LAST_N(EnumSet.of(Kind.TEXT), EnumSet.of(MaskingParameter.N)),
    SHOW_FIRST_N(EnumSet.of(Kind.TEXT), EnumSet.of(MaskingParameter.N)),
    EMAIL(EnumSet.of(Kind.TEXT), EnumSet.noneOf(MaskingParameter.class)),
    GENERALIZE_DATE(EnumSet.of(Kind.DATE, Kind.TIMESTAMP), EnumSet.of(MaskingParameter.TO)),
    GENERALIZE_NUMBER(EnumSet.of(Kind.INTEGER, Kind.DECIMAL), EnumSet.of(MaskingParameter.WIDTH)),
    NULLIFY(EnumSet.allOf(Kind.class), EnumSet.noneOf(MaskingParameter.class)),
    DROP(EnumSet.allOf(Kind.class), EnumSet.noneOf(MaskingParameter.class));

    private final Set<Kind> kinds;
    private final Set<MaskingParameter> parameters;

    MaskingMethod(Set<Kind> kinds, Set<MaskingParameter> parameters) {
        this.kinds = Collections.unmodifiableSet(kinds);
        this.parameters = Collections.unmodifiableSet(parameters);
    }

    public boolean fits(ColumnType type) {
        return kinds.contains(type.kind());
    }

    /** The column type families this method applies to. */
    public Set<Kind> kinds() {
        return kinds;
    }

    /** The parameters this method accepts; any other parameter makes a spec invalid. */
    public Set<MaskingParameter> parameters() {
        return parameters;
    }

    /**
     * The column type the masked column has in the warehouse. PSEUDONYMIZE turns any value into a
     * 64-character hex string; every other method keeps the declared type.
     */
    public ColumnType resultType(ColumnType declared) {
        return this == PSEUDONYMIZE ? ColumnType.VARCHAR : declared;
    }
}
