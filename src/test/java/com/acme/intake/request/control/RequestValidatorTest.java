package com.acme.intake.request.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.acme.intake.kernel.FieldError;
import com.acme.intake.request.entity.IntakeRequestCommand;
import com.acme.intake.request.entity.IntakeRequestCommand.ColumnSpec;
import com.acme.intake.request.entity.IntakeRequestCommand.Masking;
import com.acme.intake.request.entity.IntakeRequestCommand.Source;

class RequestValidatorTest {

    static final ColumnSpec ID = new ColumnSpec("customer_id", "BIGINT", "NONE", "the key", keep());
    static final ColumnSpec EMAIL = new ColumnSpec("email", "VARCHAR", "PERSONAL", null, method("EMAIL"));

    @Test
    void the_design_example_is_valid() {
        assertThat(RequestValidator.validate(valid())).isEmpty();
    }

    @Test
    void missing_body_is_one_error() {
        assertThat(RequestValidator.validate(null)).extracting(FieldError::message).containsExactly("a request body is required");
    }

    @Test
    void every_required_field_is_reported_at_once() {
        var empty = new IntakeRequestCommand(null, null, null, null, null, null, null, null, null, null);

        assertThat(fields(RequestValidator.validate(empty))).containsExactlyInAnyOrder("title", "businessUnit",
                "dataset", "owner", "purpose", "layer", "refresh", "retentionDays", "source", "columns");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Customers", "1table", "crm-customers", "crm customers", "x\"; DROP TABLE t; --",
            "name'--", "a;b", "顧客", "café", "select", "user", "order", "_hidden",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void hostile_or_invalid_dataset_names_are_refused(String name) {
        var command = with(valid(), name, valid().columns());

        assertThat(RequestValidator.validate(command)).extracting(FieldError::field).contains("dataset");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Email", "e-mail", "\"email\"", "email; --", "from", "メール", "e\u0301mail"})
    void hostile_or_invalid_column_names_are_refused(String name) {
        var column = new ColumnSpec(name, "VARCHAR", "PERSONAL", null, method("EMAIL"));

        assertThat(fields(RequestValidator.validate(with(valid(), "crm", List.of(ID, column)))))
                .contains("columns[1].name");
    }

    @Test
    void messages_do_not_echo_hostile_input() {
        var errors = RequestValidator.validate(with(valid(), "x'; DROP TABLE t; --", valid().columns()));

        assertThat(errors).extracting(FieldError::message).noneMatch(m -> m.contains("DROP"));
    }

    @Test
    void table_name_of_business_unit_and_dataset_must_fit_63_characters() {
        String dataset = "d".repeat(60);

        assertThat(RequestValidator.validate(with(valid(), dataset, valid().columns())))
                .extracting(FieldError::message).anyMatch(m -> m.contains("63"));
    }

    @Test
    void business_unit_may_not_contain_the_separator() {
        var command = new IntakeRequestCommand("t", "mark__eting", "crm", "o", "p", "ENTITY",
                valid().source(), "DAILY", 30, valid().columns());

        assertThat(fields(RequestValidator.validate(command))).contains("businessUnit");
    }

    @Test
    void duplicate_column_names_are_refused() {
        var errors = RequestValidator.validate(with(valid(), "crm", List.of(ID, EMAIL, EMAIL)));

        assertThat(errors).containsExactly(new FieldError("columns[2].name", "'email' is used by more than one column"));
    }

    @Test
    void unknown_enumerations_name_the_allowed_values() {
        var column = new ColumnSpec("x", "BLOB", "SECRET", null, method("HASH"));

        var errors = RequestValidator.validate(with(valid(), "crm", List.of(column)));

        assertThat(fields(errors)).containsExactlyInAnyOrder("columns[0].type", "columns[0].pii",
                "columns[0].masking.method");
        assertThat(errors.get(0).message()).contains("VARCHAR", "TIMESTAMP");
    }

    @Test
    void masking_method_must_fit_the_column_type() {
        var birth = new ColumnSpec("birth_date", "DATE", "PERSONAL", null, method("EMAIL"));

        assertThat(RequestValidator.validate(with(valid(), "crm", List.of(ID, birth))))
                .extracting(FieldError::field).containsExactly("columns[1].masking");
    }

    @Test
    void keep_on_pii_needs_a_justification() {
        var phone = new ColumnSpec("phone", "VARCHAR", "PERSONAL", null, keep());
        var justified = new ColumnSpec("phone", "VARCHAR", "PERSONAL", null,
                new Masking("KEEP", null, null, null, "call centre needs to call back"));

        assertThat(fields(RequestValidator.validate(with(valid(), "crm", List.of(ID, phone)))))
                .containsExactly("columns[1].masking");
        assertThat(RequestValidator.validate(with(valid(), "crm", List.of(ID, justified)))).isEmpty();
    }

    @Test
    void a_request_whose_columns_are_all_dropped_is_refused() {
        var dropped = new ColumnSpec("email", "VARCHAR", "PERSONAL", null, method("DROP"));

        assertThat(fields(RequestValidator.validate(with(valid(), "crm", List.of(dropped))))).containsExactly("columns");
    }

    @Test
    void source_needs_a_registered_connection_name_and_a_table() {
        var command = new IntakeRequestCommand("t", "marketing", "crm", "o", "p", "ENTITY",
                new Source("JDBC", "Bad Name", "x; y", null, null), "DAILY", 30, valid().columns());

        assertThat(fields(RequestValidator.validate(command))).containsExactlyInAnyOrder("source.connection",
                "source.table");
    }

    @Test
    void retention_must_be_positive() {
        var command = new IntakeRequestCommand("t", "marketing", "crm", "o", "p", "ENTITY", valid().source(),
                "DAILY", 0, valid().columns());

        assertThat(fields(RequestValidator.validate(command))).containsExactly("retentionDays");
    }

    /** Each text one character longer than its column (V1 schema), every field at once. */
    @Test
    void every_text_longer_than_its_column_is_a_field_error_naming_it() {
        var masking = new Masking("K".repeat(31), null, "Y".repeat(11), null, "j".repeat(2001));
        var column = new ColumnSpec("c".repeat(64), "T".repeat(21), "P".repeat(21), "d".repeat(2001), masking);
        var jdbc = new IntakeRequestCommand("t".repeat(201), "b".repeat(64), "s".repeat(64), "o".repeat(101),
                "p".repeat(2001), "L".repeat(21), new Source("J".repeat(11), "c".repeat(64), "t".repeat(201), null, null),
                "R".repeat(21), 30, List.of(ID, column));
        var file = new IntakeRequestCommand("t", "marketing", "crm", "o", "p", "ENTITY",
                new Source("FILE", null, null, "f".repeat(256), "u".repeat(65)), "DAILY", 30, valid().columns());

        var errors = new ArrayList<>(RequestValidator.validate(jdbc));
        errors.addAll(RequestValidator.validate(file));

        assertThat(errors).filteredOn(e -> e.message().matches("must be at most \\d+ characters"))
                .extracting(FieldError::field).containsExactlyInAnyOrder("title", "businessUnit", "dataset", "owner",
                        "purpose", "layer", "refresh", "source.kind", "source.connection", "source.table",
                        "columns[1].name", "columns[1].type", "columns[1].pii", "columns[1].description",
                        "columns[1].masking.method", "columns[1].masking.to", "columns[1].masking.justification",
                        "source.fileName", "source.uploadId");
        assertThat(errors).contains(new FieldError("columns[1].masking.justification", "must be at most 2000 characters"));
        // one error per over-long field, not one more from the field's other checks
        assertThat(fields(errors)).doesNotHaveDuplicates();
    }

    @Test
    void texts_as_long_as_their_columns_pass() {
        var justified = new ColumnSpec("phone", "VARCHAR", "PERSONAL", "d".repeat(2000),
                new Masking("KEEP", null, null, null, "j".repeat(2000)));
        var command = new IntakeRequestCommand("t".repeat(200), "marketing", "crm", "o".repeat(100), "p".repeat(2000),
                "ENTITY", valid().source(), "DAILY", 30, List.of(ID, justified));

        assertThat(RequestValidator.validate(command)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.00000000001", "1E-11", "0.00000000005", "1.00000000001", "1E+28", "12345678901234567890123456789"})
    void a_width_the_database_would_round_or_overflow_is_refused(String width) {
        var income = new ColumnSpec("income", "DECIMAL", "PERSONAL", null,
                new Masking("GENERALIZE_NUMBER", null, null, new BigDecimal(width), null));

        assertThat(fields(RequestValidator.validate(with(valid(), "crm", List.of(ID, income)))))
                .contains("columns[1].masking.width");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0000000001", "1E+27", "1000", "0.5"})
    void a_width_the_database_keeps_exactly_passes(String width) {
        var income = new ColumnSpec("income", "DECIMAL", "PERSONAL", null,
                new Masking("GENERALIZE_NUMBER", null, null, new BigDecimal(width), null));

        assertThat(RequestValidator.validate(with(valid(), "crm", List.of(ID, income)))).isEmpty();
    }

    static IntakeRequestCommand valid() {
        return new IntakeRequestCommand("CRM customers", "marketing", "crm_customers", "alice", "churn analysis",
                "ENTITY", new Source("JDBC", "crm", "public.customers", null, null), "DAILY", 365,
                List.of(ID, EMAIL, new ColumnSpec("birth_date", "DATE", "PERSONAL", null,
                        new Masking("GENERALIZE_DATE", null, "YEAR", null, null)),
                        new ColumnSpec("income", "DECIMAL", "PERSONAL", null,
                                new Masking("GENERALIZE_NUMBER", null, null, new BigDecimal("1000"), null))));
    }

    static IntakeRequestCommand with(IntakeRequestCommand c, String dataset, List<ColumnSpec> columns) {
        return new IntakeRequestCommand(c.title(), c.businessUnit(), dataset, c.owner(), c.purpose(), c.layer(),
                c.source(), c.refresh(), c.retentionDays(), new ArrayList<>(columns));
    }

    static Masking keep() {
        return method("KEEP");
    }

    static Masking method(String method) {
        return new Masking(method, null, null, null, null);
    }

    static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
