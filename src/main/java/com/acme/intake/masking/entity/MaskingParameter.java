package com.acme.intake.masking.entity;

import java.util.Optional;

/**
 * The parameters a masking method may take, named as they appear beside the method in a request:
 * {@code {"method": "SHOW_LAST_N", "n": 4}}.
 */
public enum MaskingParameter {
    /** How many code points {@code SHOW_LAST_N}/{@code SHOW_FIRST_N} leave visible; a whole number from 0 to 1000, default 4. */
    N("n"),
    /** What {@code GENERALIZE_DATE} truncates to: {@code YEAR} or {@code MONTH}; required. */
    TO("to"),
    /** The bucket width of {@code GENERALIZE_NUMBER}; a number greater than 0, whole for integer columns; required. */
    WIDTH("width"),
    /** Why a PII column is kept unmasked; required for {@code KEEP} on a PII column, read by the privacy review. */
    JUSTIFICATION("justification");

    private final String key;

    MaskingParameter(String key) {
        this.key = key;
    }

    /** The name in a request. */
    public String key() {
        return key;
    }

    public static Optional<MaskingParameter> fromKey(String key) {
        for (MaskingParameter parameter : values()) {
            if (parameter.key.equals(key)) {
                return Optional.of(parameter);
            }
        }
        return Optional.empty();
    }
}
