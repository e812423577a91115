package com.acme.intake.source.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaAllowanceTest {

    private final List<String> warnings = new ArrayList<>();

    @Test
    void unset_means_public_for_every_business_unit_and_nothing_else() {
        SchemaAllowance schemas = SchemaAllowance.parse("crm", null, warnings::add);

        assertThat(schemas.allows(false, "marketing", "public")).isTrue();
        assertThat(schemas.allows(false, "sales", "PUBLIC")).isTrue();
        assertThat(schemas.allows(false, "marketing", "sales")).isFalse();
        assertThat(schemas.allows(false, null, "public")).isTrue();
    }

    @Test
    void entries_open_a_schema_to_everyone_or_to_one_business_unit() {
        SchemaAllowance schemas = SchemaAllowance.parse("crm", " shared , marketing:mkt,sales:sales_data, sales:Leads",
                warnings::add);

        assertThat(schemas.allows(false, "marketing", "shared")).isTrue();
        assertThat(schemas.allows(false, "marketing", "MKT")).isTrue();
        assertThat(schemas.allows(false, "marketing", "sales_data")).isFalse();
        assertThat(schemas.allows(false, "sales", "sales_data")).isTrue();
        assertThat(schemas.allows(false, "sales", "leads")).isTrue();
        assertThat(schemas.allows(false, "sales", "mkt")).isFalse();
        assertThat(schemas.allows(false, "marketing", "public")).as("public is only the default").isFalse();
        assertThat(schemas.allows(false, null, "mkt")).isFalse();
        assertThat(warnings).isEmpty();
    }

    @Test
    void staff_read_every_schema_but_the_system_catalogs() {
        SchemaAllowance schemas = SchemaAllowance.parse("crm", "public", warnings::add);

        assertThat(schemas.allows(true, null, "sales")).isTrue();
        assertThat(schemas.allows(true, null, "INFORMATION_SCHEMA")).isFalse();
        assertThat(schemas.allows(true, null, "pg_catalog")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"information_schema", "INFORMATION_SCHEMA", "pg_catalog", "pg_toast", "marketing:pg_catalog"})
    void system_catalogs_are_never_open_even_when_configured(String entry) {
        SchemaAllowance schemas = SchemaAllowance.parse("crm", entry + ",public", warnings::add);

        String schema = entry.substring(entry.indexOf(':') + 1);
        assertThat(schemas.allows(false, "marketing", schema)).isFalse();
        assertThat(schemas.allows(false, "marketing", "public")).isTrue();
        assertThat(warnings).hasSize(1);
    }

    @Test
    void invalid_entries_are_left_out_with_a_warning_that_does_not_repeat_them() {
        SchemaAllowance schemas = SchemaAllowance.parse("crm", "mkt; DROP, Sales:x, :y, ok", warnings::add);

        assertThat(schemas.allows(false, "marketing", "ok")).isTrue();
        assertThat(schemas.allows(false, "Sales", "x")).isFalse();
        assertThat(warnings).hasSize(3).noneMatch(w -> w.contains("DROP"));
    }
}
