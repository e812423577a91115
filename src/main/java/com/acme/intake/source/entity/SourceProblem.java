package com.acme.intake.source.entity;

/**
 * Why rows cannot be read from a source. The message names the source, table, column and types
 * involved but never a data value, so it can be shown to the platform team and logged.
 */
public class SourceProblem extends RuntimeException {

    public enum Kind { UNKNOWN_SOURCE, UNREACHABLE, MISSING_TABLE, MISSING_COLUMN, TYPE_CHANGED, UNREADABLE_FILE, TOO_LARGE }

    private final Kind kind;

    public SourceProblem(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SourceProblem(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
