package com.acme.intake.request.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.PiiCategory;
import com.acme.intake.request.entity.RequestColumn;

class ApprovedColumnsTest {

    private static RequestColumn column(String name, ColumnType type, PiiCategory pii, MaskingMethod method,
                                        Integer n, String to, BigDecimal width, String description) {
        return new RequestColumn(name, type, pii, description, method, n, to, width, null);
    }

    private static final List<RequestColumn> APPROVED = List.of(
            column("customer_id", ColumnType.BIGINT, PiiCategory.NONE, MaskingMethod.KEEP, null, null, null, "id"),
            column("email", ColumnType.VARCHAR, PiiCategory.PERSONAL, MaskingMethod.PSEUDONYMIZE, null, null, null, null),
            column("income", ColumnType.DECIMAL, PiiCategory.PERSONAL, MaskingMethod.GENERALIZE_NUMBER, null, null,
                    new BigDecimal("1000"), null));

    @Test
    void the_same_columns_and_masking_give_the_same_fingerprint_whatever_the_descriptions() {
        List<RequestColumn> redescribed = List.of(
                column("customer_id", ColumnType.BIGINT, PiiCategory.NONE, MaskingMethod.KEEP, null, null, null, "other"),
                APPROVED.get(1),
                column("income", ColumnType.DECIMAL, PiiCategory.PERSONAL, MaskingMethod.GENERALIZE_NUMBER, null, null,
                        new BigDecimal("1000.00"), "x"));

        assertThat(ApprovedColumns.hash(redescribed)).isEqualTo(ApprovedColumns.hash(APPROVED)).hasSize(64);
    }

    @Test
    void any_change_of_masking_type_pii_name_or_order_changes_the_fingerprint() {
        String approved = ApprovedColumns.hash(APPROVED);
        List<List<RequestColumn>> changed = List.of(
                List.of(APPROVED.get(0), column("email", ColumnType.VARCHAR, PiiCategory.PERSONAL, MaskingMethod.KEEP,
                        null, null, null, null), APPROVED.get(2)),
                List.of(APPROVED.get(0), APPROVED.get(1), column("income", ColumnType.DECIMAL, PiiCategory.PERSONAL,
                        MaskingMethod.GENERALIZE_NUMBER, null, null, new BigDecimal("10"), null)),
                List.of(APPROVED.get(0), column("email", ColumnType.TEXT, PiiCategory.PERSONAL,
                        MaskingMethod.PSEUDONYMIZE, null, null, null, null), APPROVED.get(2)),
                List.of(APPROVED.get(0), column("email", ColumnType.VARCHAR, PiiCategory.SENSITIVE,
                        MaskingMethod.PSEUDONYMIZE, null, null, null, null), APPROVED.get(2)),
                List.of(APPROVED.get(0), column("e_mail", ColumnType.VARCHAR, PiiCategory.PERSONAL,
                        MaskingMethod.PSEUDONYMIZE, null, null, null, null), APPROVED.get(2)),
                List.of(APPROVED.get(1), APPROVED.get(0), APPROVED.get(2)),
                List.of(APPROVED.get(0), APPROVED.get(1)));

        assertThat(changed).allSatisfy(columns -> assertThat(ApprovedColumns.hash(columns)).isNotEqualTo(approved));
    }
}
