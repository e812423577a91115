package com.acme.intake.catalog.control;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.acme.intake.catalog.entity.CatalogEdit;
import com.acme.intake.catalog.entity.CatalogSnapshot;
import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.PiiCategory;
import com.acme.intake.request.entity.Layer;
import com.acme.intake.request.entity.Refresh;
import com.acme.intake.request.entity.RequestColumn;
import com.acme.intake.request.entity.SourceKind;

import static com.acme.intake.catalog.control.CatalogFixtures.crmColumns;
import static com.acme.intake.catalog.control.CatalogFixtures.load;
import static com.acme.intake.catalog.control.CatalogFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SnapshotBuilderTest {

    @Test
    void firstApprovalTakesEveryFactFromTheRequestAndTheLoad() {
        // when
        CatalogSnapshot snapshot = SnapshotBuilder.fromRequest(request(12, crmColumns()), load(1000), null);

        // then
        assertThat(snapshot.key()).isEqualTo("marketing__crm_customers");
        assertThat(snapshot.title()).isEqualTo("ＣＲＭ 顧客マスタ");
        assertThat(snapshot.description()).isEqualTo("## ＣＲＭ 顧客マスタ\n\n**Purpose:** churn analysis");
        assertThat(snapshot.owner()).isEqualTo("alice");
        assertThat(snapshot.businessUnit()).isEqualTo("marketing");
        assertThat(snapshot.layer()).isEqualTo(Layer.ENTITY);
        assertThat(snapshot.refresh()).isEqualTo(Refresh.DAILY);
        assertThat(snapshot.retentionDays()).isEqualTo(365);
        assertThat(snapshot.knownGaps()).isEmpty();
        assertThat(snapshot.lineage()).isEqualTo(new CatalogSnapshot.Lineage(SourceKind.JDBC, "crm",
                "public.customers", null, "staging.marketing__crm_customers", 12L));
        assertThat(snapshot.lineage().text())
                .isEqualTo("JDBC crm: public.customers → staging.marketing__crm_customers (request 12)");
        assertThat(snapshot.lastLoad()).isEqualTo(new CatalogSnapshot.LastLoad(1000, CatalogFixtures.LOADED, 1002,
                "demo-1"));
        assertThat(snapshot.hasPii()).isTrue();
    }

    @Test
    void columnsCarryWarehouseTypePiiAndReadableMasking() {
        // when
        CatalogSnapshot snapshot = SnapshotBuilder.fromRequest(request(12, crmColumns()), load(1000), null);

        // then
        assertThat(snapshot.columns())
                .extracting(CatalogSnapshot.Column::name, CatalogSnapshot.Column::sourceType,
                        CatalogSnapshot.Column::type, CatalogSnapshot.Column::pii, CatalogSnapshot.Column::masking,
                        CatalogSnapshot.Column::loaded)
                .containsExactly(
                        tuple("customer_id", ColumnType.BIGINT, ColumnType.VARCHAR, PiiCategory.PERSONAL,
                                "PSEUDONYMIZE", true),
                        tuple("email", ColumnType.VARCHAR, ColumnType.VARCHAR, PiiCategory.PERSONAL, "EMAIL", true),
                        tuple("phone", ColumnType.VARCHAR, ColumnType.VARCHAR, PiiCategory.PERSONAL,
                                "SHOW_LAST_N (n=4)", true),
                        tuple("birth_date", ColumnType.DATE, ColumnType.DATE, PiiCategory.PERSONAL,
                                "GENERALIZE_DATE (to=YEAR)", true),
                        tuple("income", ColumnType.INTEGER, ColumnType.INTEGER, PiiCategory.SENSITIVE,
                                "GENERALIZE_NUMBER (width=10000)", true),
                        tuple("notes", ColumnType.TEXT, null, PiiCategory.SENSITIVE, "DROP (not loaded)", false),
                        tuple("segment", ColumnType.VARCHAR, ColumnType.VARCHAR, PiiCategory.NONE, "KEEP", true));
        assertThat(snapshot.column("customer_id").orElseThrow().description()).isEqualTo("顧客ID");
        assertThat(snapshot.column("email").orElseThrow().description()).isNull();
    }

    @Test
    void keepOnPiiSaysUnmaskedButNotTheJustification() {
        // given
        var column = new RequestColumn("name", ColumnType.VARCHAR,
                PiiCategory.PERSONAL, null, MaskingMethod.KEEP, null, null, null, "needed for the mailing");

        // when
        CatalogSnapshot snapshot = SnapshotBuilder.fromRequest(request(3, List.of(column)), load(1), null);

        // then
        assertThat(snapshot.columns().get(0).masking())
                .isEqualTo("KEEP (unmasked, approved by privacy review)")
                .doesNotContain("mailing");
    }

    @Test
    void defaultNIsShownWhenTheRequestLeftItOut() {
        // given
        var column = new RequestColumn("card", ColumnType.VARCHAR,
                PiiCategory.PERSONAL, null, MaskingMethod.SHOW_FIRST_N, null, null, null, null);

        // when
        CatalogSnapshot snapshot = SnapshotBuilder.fromRequest(request(3, List.of(column)), load(1), null);

        // then
        assertThat(snapshot.columns().get(0).masking()).isEqualTo("SHOW_FIRST_N (n=4)");
    }

    @Test
    void aNewApprovalKeepsWhatOnlyTheCatalogKnows() {
        // given: revision 1, then an owner's edit of the description, gaps and a column
        CatalogSnapshot first = SnapshotBuilder.fromRequest(request(12, crmColumns()), load(1000), null);
        CatalogSnapshot edited = CatalogEdits.apply(first, new CatalogEdit("Curated **text**", "No data before 2020",
                List.of(new CatalogEdit.ColumnEdit("email", "Masked e-mail"),
                        new CatalogEdit.ColumnEdit("phone", "Curated phone"))));

        // when: a later request for the same dataset is approved
        CatalogSnapshot next = SnapshotBuilder.fromRequest(request(20, "CRM customers v2", "retention", crmColumns()),
                load(1500), edited);

        // then
        assertThat(next.title()).isEqualTo("CRM customers v2");
        assertThat(next.description()).isEqualTo("Curated **text**");
        assertThat(next.knownGaps()).isEqualTo("No data before 2020");
        assertThat(next.column("email").orElseThrow().description()).isEqualTo("Masked e-mail");
        assertThat(next.column("phone").orElseThrow().description()).isEqualTo("Mobile number");
        assertThat(next.lineage().requestId()).isEqualTo(20L);
        assertThat(next.lastLoad().rowCount()).isEqualTo(1500);
    }

    @Test
    void anUneditedDescriptionFollowsTheNewRequest() {
        // given
        CatalogSnapshot first = SnapshotBuilder.fromRequest(request(12, crmColumns()), load(1000), null);

        // when
        CatalogSnapshot next = SnapshotBuilder.fromRequest(request(20, "CRM customers v2", "retention", crmColumns()),
                load(1000), first);

        // then
        assertThat(next.description()).isEqualTo("## CRM customers v2\n\n**Purpose:** retention");
    }

    @Test
    void theSameApprovalAndLoadGiveAnEqualSnapshot() {
        // given
        CatalogSnapshot first = SnapshotBuilder.fromRequest(request(12, crmColumns()), load(1000), null);

        // when
        CatalogSnapshot again = SnapshotBuilder.fromRequest(request(12, crmColumns()), load(1000), first);

        // then: a retried registration adds no revision
        assertThat(again).isEqualTo(first);
    }

    @Test
    void snapshotsSurviveTheirJsonForm() {
        // given
        CatalogSnapshot snapshot = SnapshotBuilder.fromRequest(request(12, crmColumns()), load(1000), null);

        // when
        String json = SnapshotJson.write(snapshot);

        // then
        assertThat(SnapshotJson.read(json)).isEqualTo(snapshot);
        assertThat(json).contains("\"masking\":\"SHOW_LAST_N (n=4)\"", "\"loadedAt\":\"2025-03-04T02:15:00Z\"");
    }
}
