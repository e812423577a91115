package com.acme.intake.catalog.control;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.acme.intake.catalog.entity.Registration;
import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.PiiCategory;
import com.acme.intake.request.entity.IntakeRequest;
import com.acme.intake.request.entity.Layer;
import com.acme.intake.request.entity.Refresh;
import com.acme.intake.request.entity.RequestColumn;
import com.acme.intake.request.entity.SourceKind;

/** Requests and loads as the catalog receives them, built through the entities' public API. */
final class CatalogFixtures {

    static final Instant SUBMITTED = Instant.parse("2025-03-01T09:00:00Z");
    static final Instant LOADED = Instant.parse("2025-03-04T02:15:00Z");

    private CatalogFixtures() {
    }

    static List<RequestColumn> crmColumns() {
        return List.of(
                new RequestColumn("customer_id", ColumnType.BIGINT, PiiCategory.PERSONAL, "顧客ID",
                        MaskingMethod.PSEUDONYMIZE, null, null, null, null),
                new RequestColumn("email", ColumnType.VARCHAR, PiiCategory.PERSONAL, null, MaskingMethod.EMAIL,
                        null, null, null, null),
                new RequestColumn("phone", ColumnType.VARCHAR, PiiCategory.PERSONAL, "Mobile number",
                        MaskingMethod.SHOW_LAST_N, 4, null, null, null),
                new RequestColumn("birth_date", ColumnType.DATE, PiiCategory.PERSONAL, null,
                        MaskingMethod.GENERALIZE_DATE, null, "YEAR", null, null),
                new RequestColumn("income", ColumnType.INTEGER, PiiCategory.SENSITIVE, null,
                        MaskingMethod.GENERALIZE_NUMBER, null, null, new BigDecimal("10000"), null),
                new RequestColumn("notes", ColumnType.TEXT, PiiCategory.SENSITIVE, "Free text", MaskingMethod.DROP,
                        null, null, null, null),
                new RequestColumn("segment", ColumnType.VARCHAR, PiiCategory.NONE, "Marketing segment",
                        MaskingMethod.KEEP, null, null, null, null));
    }

    static IntakeRequest request(long id, List<RequestColumn> columns) {
        return request(id, "ＣＲＭ 顧客マスタ", "churn analysis", columns);
    }

    static IntakeRequest request(long id, String title, String purpose, List<RequestColumn> columns) {
        var request = new IntakeRequest("alice", SUBMITTED);
        request.describe(title, "marketing", "crm_customers", "alice", purpose, Layer.ENTITY, SourceKind.JDBC, "crm",
                "public.customers", null, null, Refresh.DAILY, 365, columns, SUBMITTED);
        setId(request, id);
        return request;
    }

    static Registration load(long rows) {
        return new Registration("staging.marketing__crm_customers", rows, LOADED, rows + 2, "demo-1");
    }

    /** Ids are assigned by the database; a unit test sets one the way JPA would. */
    private static void setId(IntakeRequest request, long id) {
        try {
            Field field = IntakeRequest.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(request, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
