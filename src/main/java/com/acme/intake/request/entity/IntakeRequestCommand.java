package com.acme.intake.request.entity;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.MaskingParameter;
import com.acme.intake.masking.entity.MaskingSpec;

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

    /**
     * Where the data comes from; credentials are configuration, never part of a request. A JDBC
     * source names a registered connection and a table; a FILE source names the upload
     * ({@code POST /api/uploads}) and its file name.
     */
    public record Source(String kind, String connection, String table, String fileName, String uploadId) {
    }

    public record ColumnSpec(String name, String type, String pii, String description, Masking masking) {
    }

    /**
     * A masking method and the parameters beside it: {@code {"method": "SHOW_LAST_N", "n": 4}}.
     * {@code n} and {@code width} arrive as numbers of any form so that a fractional {@code n} is a
     * field error, not a parse failure.
     */
    public record Masking(String method, BigDecimal n, String to, BigDecimal width, String justification) {

        /** The masking with its parameters as the masking feature reads them (absent ones left out). */
        public MaskingSpec spec(MaskingMethod parsedMethod) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put(MaskingParameter.N.key(), n);
            parameters.put(MaskingParameter.TO.key(), to);
            parameters.put(MaskingParameter.WIDTH.key(), width);
            parameters.put(MaskingParameter.JUSTIFICATION.key(), justification == null || justification.isBlank()
                    ? null : justification);
            return new MaskingSpec(parsedMethod, parameters);
        }
    }
}
