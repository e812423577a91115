package com.acme.intake.request.control;

import java.util.ArrayList;
import java.util.List;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.PiiCategory;
import com.acme.intake.request.entity.IntakeRequestCommand.Masking;

/** Whether a column's masking fits its type and PII category (checked at submission). */
final class MaskingRules {

    private MaskingRules() {
    }

    static List<String> problems(MaskingMethod method, Masking masking, ColumnType type, PiiCategory pii) {
        var problems = new ArrayList<String>();
        if (!method.fits(type)) {
            problems.add(method + " does not apply to a " + type + " column");
        }
        if (method == MaskingMethod.KEEP && pii.isPii()
                && (masking.justification() == null || masking.justification().isBlank())) {
            problems.add("KEEP on a PII column needs a justification");
        }
        return problems;
    }
}
