package com.acme.intake.provisioning.entity;

import java.util.Optional;

/**
 * Why a provisioning run failed. The target table is untouched and no work table is left behind.
 * <p>
 * The message names the table, the step, columns and row numbers, and for SQL errors the
 * SQLSTATE, but never a data value: drivers put values into their messages (PostgreSQL's COPY
 * quotes the offending line), so a driver's exception is neither quoted nor kept as the cause —
 * the engine stores a failing job's stack trace and shows its message to the platform team.
 */
public class ProvisioningFailure extends RuntimeException {

    private final String sqlState;

    public ProvisioningFailure(String message) {
        this(message, null);
    }

    public ProvisioningFailure(String message, String sqlState) {
        super(message);
        this.sqlState = sqlState;
    }

    /** The SQLSTATE of the database error behind this failure, if there was one. */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }
}
