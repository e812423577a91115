package com.acme.intake.masking.entity;

/**
 * The logical column types a request may declare. Each maps to a SQL type per warehouse dialect
 * (provisioning) and to a Java value class (masking).
 */
public enum ColumnType {
    VARCHAR(Kind.TEXT),
    TEXT(Kind.TEXT),
    SMALLINT(Kind.INTEGER),
    INTEGER(Kind.INTEGER),
    BIGINT(Kind.INTEGER),
    DECIMAL(Kind.DECIMAL),
    DOUBLE(Kind.DECIMAL),
    BOOLEAN(Kind.BOOLEAN),
    DATE(Kind.DATE),
    TIMESTAMP(Kind.TIMESTAMP);

    /** The family a type belongs to; masking methods are defined per family. */
    public enum Kind { TEXT, INTEGER, DECIMAL, BOOLEAN, DATE, TIMESTAMP }

    private final Kind kind;

    ColumnType(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isNumeric() {
        return kind == Kind.INTEGER || kind == Kind.DECIMAL;
    }

    public boolean isTemporal() {
        return kind == Kind.DATE || kind == Kind.TIMESTAMP;
    }
}
