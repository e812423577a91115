package com.acme.intake.request.entity;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /api/requests} and {@code PUT /api/requests/{id}}, exactly as the intake
 * form ({@code forms/intake-request.form}) produces it. Enumerations arrive as strings so that an
 * unknown value is reported as a field error rather than a parse failure.
 */
public record IntakeRequestCommand(
        String title,
        String businessUnit,
        String dataset,
        String owner,
        String purpose,
        String layer,
        Source source,
        String refresh,
        Integer retentionDays,
        List<ColumnSpec> columns) {

    /** Where the data comes from; credentials are configuration, never part of a request. */
    public record Source(String kind, String connection, String table, String fileName) {
    }

    public record ColumnSpec(String name, String type, String pii, String description, Masking masking) {
    }

    /** A masking method and the parameters beside it: {@code {"method": "SHOW_LAST_N", "n": 4}}. */
    public record Masking(String method, Integer n, String to, BigDecimal width, String justification) {
    }
}
