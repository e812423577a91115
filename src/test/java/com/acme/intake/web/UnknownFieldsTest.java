package com.acme.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import com.acme.intake.catalog.entity.CatalogEdit;
import com.acme.intake.kernel.FieldError;
import com.acme.intake.request.entity.IntakeRequestCommand;
import com.acme.intake.workflow.entity.Decision;

class UnknownFieldsTest {

    private static final String REQUEST = """
            {"title": "t", "businessUnit": "marketing", "dataset": "d", "owner": "o", "purpose": "p",
             "layer": "ENTITY", "refresh": "DAILY", "retentionDays": 1, %s
             "source": {"kind": "JDBC", "connection": "demo", "table": "customers" %s},
             "columns": [
               {"name": "a", "type": "BIGINT", "pii": "NONE", "masking": {"method": "KEEP"}},
               {"name": "b", "type": "BIGINT", "pii": "NONE", "masking": {"method": "GENERALIZE_NUMBER", "width": 5 %s}},
               {"name": "c", "type": "VARCHAR", "pii": "NONE", "masking": {"method": "KEEP"} %s}]}
            """;

    @Test
    void a_complete_request_has_none() {
        assertThat(UnknownFields.of(json(REQUEST.formatted("", "", "", "")), IntakeRequestCommand.class)).isEmpty();
    }

    @Test
    void each_unknown_field_is_named_by_its_path_at_any_depth() {
        var body = json(REQUEST.formatted("\"retentionColum\": \"x\",", ", \"tabel\": 1", ", \"widht\": 5",
                ", \"maskng\": {\"method\": \"KEEP\"}"));

        var errors = UnknownFields.of(body, IntakeRequestCommand.class);

        assertThat(errors).extracting(FieldError::field)
                .containsExactly("retentionColum", "source.tabel", "columns[1].masking.widht", "columns[2].maskng");
        assertThat(errors.get(3).message()).contains("unknown field").contains("masking").contains("description");
    }

    @Test
    void decisions_and_catalog_edits_are_checked_too() {
        assertThat(UnknownFields.of(json("{\"outcome\": \"APPROVE\", \"commnet\": \"x\"}"), Decision.class))
                .extracting(FieldError::field).containsExactly("commnet");
        assertThat(UnknownFields.of(json("{\"description\": \"d\", \"columns\": [{\"name\": \"a\", \"descripton\": \"x\"}]}"),
                CatalogEdit.class)).extracting(FieldError::field).containsExactly("columns[0].descripton");
        assertThat(UnknownFields.of(json("{\"outcome\": \"APPROVE\", \"comment\": null}"), Decision.class)).isEmpty();
    }

    @Test
    void hostile_names_are_shortened_and_cleaned_and_the_report_is_bounded() {
        var many = new StringBuilder("{");
        for (int i = 0; i < 500; i++) {
            many.append(i == 0 ? "" : ",").append("\"x").append(i).append("\": 1");
        }
        many.append(",\"").append("y".repeat(10_000)).append("\\u0007\": 1}");

        var errors = UnknownFields.of(json(many.toString()), Decision.class);

        assertThat(errors).hasSize(UnknownFields.MAX_REPORTED);
        var longName = UnknownFields.of(json("{\"" + "y".repeat(10_000) + "\\u0007\": 1}"), Decision.class);
        assertThat(longName.get(0).field()).hasSize(UnknownFields.MAX_NAME + 1).doesNotContain("\u0007");
    }

    @Test
    void only_records_are_checked() {
        assertThat(UnknownFields.checks(Decision.class)).isTrue();
        assertThat(UnknownFields.checks(java.util.Map.class)).isFalse();
        assertThat(UnknownFields.checks(String.class)).isFalse();
    }

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
