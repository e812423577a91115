package com.acme.intake.catalog.control;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.Test;

import com.acme.intake.catalog.entity.CatalogEdit;
import com.acme.intake.catalog.entity.CatalogSnapshot;
import com.acme.intake.catalog.entity.Changes;
import com.acme.intake.catalog.entity.Changes.FieldChange;
import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.PiiCategory;
import com.acme.intake.request.entity.RequestColumn;

import static com.acme.intake.catalog.control.CatalogFixtures.crmColumns;
import static com.acme.intake.catalog.control.CatalogFixtures.load;
import static com.acme.intake.catalog.control.CatalogFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

class CatalogDiffTest {

    private final CatalogSnapshot first = SnapshotBuilder.fromRequest(request(12, crmColumns()), load(1000), null);

    @Test
    void theFirstRevisionAddsEverything() {
        // when
        Changes changes = CatalogDiff.between(null, first);

        // then
        assertThat(changes.columnsAdded()).containsExactly("customer_id", "email", "phone", "birth_date", "income",
                "notes", "segment");
        assertThat(changes.fields()).extracting(FieldChange::field).contains("title", "description", "owner",
                "rowCount").doesNotContain("knownGaps");
        assertThat(changes.fields()).allSatisfy(f -> assertThat(f.before()).isNull());
        assertThat(changes.columnsRemoved()).isEmpty();
        assertThat(changes.columnsChanged()).isEmpty();
    }

    @Test
    void anIdenticalSnapshotHasNoChanges() {
        assertThat(CatalogDiff.between(first, first).isEmpty()).isTrue();
    }

    @Test
    void changedFieldsComeWithBeforeAndAfter() {
        // given
        CatalogSnapshot edited = CatalogEdits.apply(first, new CatalogEdit("New text", "Gap in March", null));

        // when
        Changes changes = CatalogDiff.between(first, edited);

        // then
        assertThat(changes.fields()).containsExactly(
                new FieldChange("description", first.description(), "New text"),
                new FieldChange("knownGaps", null, "Gap in March"));
        assertThat(changes.names()).containsExactly("description", "knownGaps");
    }

    @Test
    void columnsAddedRemovedAndChangedAreMatchedByName() {
        // given: phone now fully redacted, notes gone, a new column, and a new load
        List<RequestColumn> columns = new ArrayList<>(crmColumns());
        columns.set(2, new RequestColumn("phone", ColumnType.VARCHAR, PiiCategory.PERSONAL, "Mobile number",
                MaskingMethod.REDACT, null, null, null, null));
        columns.remove(5);
        columns.add(new RequestColumn("region", ColumnType.VARCHAR, PiiCategory.NONE, "Prefecture",
                MaskingMethod.KEEP, null, null, null, null));
        CatalogSnapshot second = SnapshotBuilder.fromRequest(request(20, columns), load(1200), first);

        // when
        Changes changes = CatalogDiff.between(first, second);

        // then
        assertThat(changes.columnsAdded()).containsExactly("region");
        assertThat(changes.columnsRemoved()).containsExactly("notes");
        assertThat(changes.columnsChanged()).containsExactly(new Changes.ColumnChange("phone",
                List.of(new FieldChange("masking", "SHOW_LAST_N (n=4)", "REDACT"))));
        assertThat(changes.fields()).extracting(FieldChange::field).containsExactly("lineage", "rowCount");
        assertThat(changes.fields().get(1)).isEqualTo(new FieldChange("rowCount", "1000", "1200"));
        assertThat(changes.names()).containsExactly("lineage", "rowCount", "columns[region] added",
                "columns[notes] removed", "columns[phone].masking");
    }

    @Test
    void aColumnDescriptionEditIsAColumnChange() {
        // given
        CatalogSnapshot edited = CatalogEdits.apply(first, new CatalogEdit(null, null,
                List.of(new CatalogEdit.ColumnEdit("email", "Masked e-mail"))));

        // when
        Changes changes = CatalogDiff.between(first, edited);

        // then
        assertThat(changes.fields()).isEmpty();
        assertThat(changes.columnsChanged()).containsExactly(new Changes.ColumnChange("email",
                List.of(new FieldChange("description", null, "Masked e-mail"))));
    }

    @Test
    void changesAnswerAsJsonWithoutDerivedProperties() throws Exception {
        // given
        Changes changes = CatalogDiff.between(first, CatalogEdits.apply(first, new CatalogEdit("New", null, null)));

        // when
        String json;
        try (var jsonb = JsonbBuilder.create()) {
            json = jsonb.toJson(changes);
        }

        // then
        assertThat(json).isEqualTo("{\"columnsAdded\":[],\"columnsChanged\":[],\"columnsRemoved\":[],"
                + "\"fields\":[{\"after\":\"New\",\"before\":\"" + first.description().replace("\n", "\\n")
                + "\",\"field\":\"description\"}]}");
    }
}
