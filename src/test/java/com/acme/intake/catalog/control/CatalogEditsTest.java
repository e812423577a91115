package com.acme.intake.catalog.control;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.acme.intake.catalog.entity.CatalogEdit;
import com.acme.intake.catalog.entity.CatalogEdit.ColumnEdit;
import com.acme.intake.catalog.entity.CatalogSnapshot;
import com.acme.intake.kernel.FieldError;
import com.acme.intake.kernel.ValidationFailed;

import static com.acme.intake.catalog.control.CatalogFixtures.crmColumns;
import static com.acme.intake.catalog.control.CatalogFixtures.load;
import static com.acme.intake.catalog.control.CatalogFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

class CatalogEditsTest {

    private final CatalogSnapshot current = SnapshotBuilder.fromRequest(request(12, crmColumns()), load(10), null);

    @Test
    void anEditReplacesOnlyWhatItNames() {
        // when
        CatalogSnapshot edited = CatalogEdits.apply(current, new CatalogEdit(null, "  Gaps  ",
                List.of(new ColumnEdit("email", "Masked e-mail"), new ColumnEdit("phone", " "))));

        // then
        assertThat(edited.description()).isEqualTo(current.description());
        assertThat(edited.knownGaps()).isEqualTo("Gaps");
        assertThat(edited.column("email").orElseThrow().description()).isEqualTo("Masked e-mail");
        assertThat(edited.column("phone").orElseThrow().description()).isNull();
        assertThat(edited.column("customer_id")).isEqualTo(current.column("customer_id"));
        assertThat(edited.withTexts(current.description(), current.knownGaps(), current.columns())).isEqualTo(current);
    }

    @Test
    void everyProblemIsNamedAndNothingIsApplied() {
        // given
        String tooLong = "x".repeat(CatalogEdits.MAX_MARKDOWN + 1);
        var edit = new CatalogEdit(" ", tooLong, Arrays.asList(new ColumnEdit("nope", "x"),
                new ColumnEdit("email", "a"), new ColumnEdit("email", "b"),
                new ColumnEdit("phone", "y".repeat(CatalogEdits.MAX_COLUMN_DESCRIPTION + 1)), null));

        // when / then
        assertThatThrownBy(() -> CatalogEdits.apply(current, edit))
                .isInstanceOf(ValidationFailed.class)
                .extracting(e -> ((ValidationFailed) e).errors(), list(FieldError.class))
                .extracting(FieldError::field)
                .containsExactly("description", "knownGaps", "columns[0].name", "columns[2].name",
                        "columns[3].description", "columns[4].name");
    }

    @Test
    void aMissingBodyIsRefused() {
        assertThatThrownBy(() -> CatalogEdits.apply(current, null)).isInstanceOf(ValidationFailed.class);
    }
}
