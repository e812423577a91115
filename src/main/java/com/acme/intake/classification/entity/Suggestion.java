package com.acme.intake.classification.entity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.acme.intake.masking.entity.MaskingSpec;
import com.acme.intake.masking.entity.PiiCategory;

/**
 * What detection suggests for one column: its PII category, a masking valid for the column's type
 * (no {@code problems} for that type and category), how sure it is (0 to 1) and why. The reason is
 * a {@link ReasonCode} with arguments, for the UI to translate, and the same in English. Nothing
 * here holds a sampled value.
 *
 * @param detected what the column was recognised as; null when nothing was
 */
public record Suggestion(PiiCategory pii, MaskingSpec masking, double confidence, Detected detected,
                         ReasonCode reasonCode, Map<String, Object> reasonArgs, String reason) {

    public Suggestion {
        Objects.requireNonNull(pii, "pii");
        Objects.requireNonNull(masking, "masking");
        Objects.requireNonNull(reasonCode, "reasonCode");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be from 0 to 1");
        }
        reasonArgs = Collections.unmodifiableMap(new LinkedHashMap<>(reasonArgs));
        Objects.requireNonNull(reason, "reason");
    }

    /** A suggestion whose English reason is rendered from its code and arguments. */
    public static Suggestion of(PiiCategory pii, MaskingSpec masking, double confidence, Detected detected,
                                ReasonCode code, Map<String, Object> args) {
        return new Suggestion(pii, masking, confidence, detected, code, args, code.english(args));
    }
}
