package com.acme.intake.request.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.acme.intake.request.entity.FieldError;
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
