package com.acme.intake.provisioning.entity;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.acme.intake.kernel.SqlIdentifier;
import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.MaskingSpec;
import com.acme.intake.masking.entity.PiiCategory;
import com.acme.intake.masking.entity.PseudonymKey;
import com.acme.intake.request.entity.IntakeRequest;
import com.acme.intake.request.entity.Layer;
import com.acme.intake.request.entity.Refresh;
import com.acme.intake.request.entity.RequestColumn;
import com.acme.intake.request.entity.SourceKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadPlanTest {

    private static final PseudonymKey KEY = PseudonymKey.ofUtf8("k1", "0123456789abcdef0123456789abcdef");

    private static IntakeRequest request(String businessUnit, String dataset, SourceKind kind, List<RequestColumn> columns) {
        Instant now = Instant.parse("2025-01-15T09:00:00Z");
        IntakeRequest request = new IntakeRequest("bob", now);
        request.describe("Orders", businessUnit, dataset, "bob", "Revenue reporting", Layer.EVENT_LOG, kind,
                kind == SourceKind.JDBC ? "erp" : null, kind == SourceKind.JDBC ? "sales.orders" : null,
                kind == SourceKind.FILE ? "orders.csv" : null, kind == SourceKind.FILE ? "u-1" : null,
                Refresh.ONCE, 30, columns, now);
        return request;
    }

    private static RequestColumn column(String name, ColumnType type, MaskingMethod method, String description) {
        return new RequestColumn(name, type, PiiCategory.NONE, description, method, null, null, null, null);
    }

    @Test
    void aRequestBecomesAPlanForItsStagingTable() {
        // given
        IntakeRequest request = request("sales", "orders", SourceKind.FILE, List.of(
                column("order_id", ColumnType.BIGINT, MaskingMethod.KEEP, "Order number"),
                column("buyer", ColumnType.VARCHAR, MaskingMethod.PSEUDONYMIZE, null),
                column("remark", ColumnType.TEXT, MaskingMethod.DROP, "Free text")));

        // when
        LoadPlan plan = LoadPlan.forRequest(request, KEY);

        // then
        assertThat(plan.table()).isEqualTo(new SqlIdentifier("sales__orders"));
        assertThat(plan.qualifiedName()).isEqualTo("staging.sales__orders");
        assertThat(plan.tableComment()).isEqualTo("Orders - purpose: Revenue reporting; owner: bob; source: file orders.csv");
        assertThat(plan.key()).isEqualTo(KEY);
        assertThat(plan.columns()).extracting(c -> c.name().name()).containsExactly("order_id", "buyer", "remark");
        assertThat(plan.createdColumns()).extracting(c -> c.name().name()).containsExactly("order_id", "buyer");
        assertThat(plan.columns().get(0).comment()).isEqualTo("Order number");
        assertThat(plan.columns().get(1).comment()).isEqualTo("(masked: PSEUDONYMIZE)");
        assertThat(plan.columns().get(1).resultType()).isEqualTo(ColumnType.VARCHAR);
    }

    @Test
    void aJdbcSourceIsNamedByConnectionAndTable() {
        LoadPlan plan = LoadPlan.forRequest(request("sales", "orders", SourceKind.JDBC,
                List.of(column("order_id", ColumnType.BIGINT, MaskingMethod.KEEP, null))), KEY);

        assertThat(plan.tableComment()).endsWith("source: JDBC erp sales.orders");
        assertThat(plan.columns().get(0).comment()).isNull();
    }

    @Test
    void theSecretStaysOutOfToString() {
        LoadPlan plan = LoadPlan.forRequest(request("sales", "orders", SourceKind.JDBC,
                List.of(column("order_id", ColumnType.BIGINT, MaskingMethod.KEEP, null))), KEY);

        assertThat(plan.toString()).doesNotContain("0123456789abcdef").contains("k1");
    }

    @Test
    void aPlanWithOnlyDroppedColumnsIsRefused() {
        IntakeRequest request = request("sales", "orders", SourceKind.JDBC,
                List.of(column("order_id", ColumnType.BIGINT, MaskingMethod.DROP, null)));

        assertThatThrownBy(() -> LoadPlan.forRequest(request, KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one column");
    }

    @Test
    void invalidNamesAreRefused() {
        IntakeRequest request = request("Sales", "orders", SourceKind.JDBC,
                List.of(column("order_id", ColumnType.BIGINT, MaskingMethod.KEEP, null)));

        assertThatThrownBy(() -> LoadPlan.forRequest(request, KEY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workTableNameIsDeterministicShortAndDistinct() {
        // given: two 63-character names that share their first 50 characters
        String common = "a".repeat(50);
        LoadPlan first = plan(common + "b".repeat(13));
        LoadPlan second = plan(common + "c".repeat(13));

        // then
        assertThat(first.workTable().name()).hasSize(62).startsWith(common + "__w_").matches(".*__w_[0-9a-f]{8}");
        assertThat(first.workTable()).isEqualTo(plan(common + "b".repeat(13)).workTable());
        assertThat(second.workTable()).isNotEqualTo(first.workTable());
        assertThat(plan("sales__orders").workTable().name()).startsWith("sales__orders__w_").hasSize(25);
    }

    @Test
    void aTargetNamedLikeAWorkTableIsRefused() {
        // a dataset named so that its table could be another dataset's work table
        String workName = plan("sales__orders").workTable().name();

        assertThatThrownBy(() -> plan(workName))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("work table");
    }

    private static LoadPlan plan(String table) {
        return new LoadPlan(new SqlIdentifier(table), null,
                List.of(new LoadPlan.Column(new SqlIdentifier("id"), ColumnType.BIGINT, null, MaskingSpec.of(MaskingMethod.KEEP))),
                KEY);
    }
}
