package com.acme.intake.provisioning.control;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

/**
 * What a warehouse error means, from its SQLSTATE alone: drivers quote values in their messages, so
 * a failure shown to the platform team is described by the state's meaning and the state itself.
 * Both dialects (H2 and PostgreSQL) use the standard classes; the few precise states are
 * PostgreSQL's.
 */
final class SqlStates {

    private SqlStates() {
    }

    /** The first SQLSTATE in an exception's chain (a batch's cause included), or null. */
    static String of(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (next.getSQLState() != null) {
                return next.getSQLState();
            }
            if (next instanceof BatchUpdateException && next.getCause() instanceof SQLException cause
                    && cause.getSQLState() != null) {
                return cause.getSQLState();
            }
        }
        return null;
    }

    /** The meaning of a state in words, by the state, else by its class (its first two characters). */
    static String meaning(String state) {
        if (state == null) {
            return "database error";
        }
        if (state.equals("42501")) {
            return "the warehouse user lacks a privilege";
        }
        if (state.equals("2BP01")) {
            return "other objects (such as views) depend on the target table";
        }
        if (state.equals("57014")) {
            return "the statement was cancelled or timed out (a load may take at most the warehouse load timeout,"
                    + " intake.warehouse.load-timeout)";
        }
        return switch (state.length() < 2 ? "" : state.substring(0, 2)) {
            case "08" -> "the connection to the warehouse failed";
            case "22" -> "a value does not fit its column";
            case "23" -> "a value violates a constraint";
            case "28" -> "the warehouse refused the credentials";
            case "40" -> "the transaction was rolled back by the warehouse";
            case "42" -> "the warehouse refused a statement";
            case "53" -> "the warehouse ran out of resources";
            default -> "database error";
        };
    }
}
