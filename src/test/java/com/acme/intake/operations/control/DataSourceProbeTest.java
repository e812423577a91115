package com.acme.intake.operations.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class DataSourceProbeTest {

    @Test
    void answering_database_is_up_with_its_product_name() {
        HealthCheckResponse response = DataSourceProbe.check("application-database", TestDatabases.migratedH2());

        assertThat(response.getName()).isEqualTo("application-database");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData()).hasValueSatisfying(d -> assertThat(d).containsEntry("database", "H2"));
    }

    @Test
    void unreachable_database_is_down_and_the_error_names_no_host_or_user() {
        HealthCheckResponse response = DataSourceProbe.check("warehouse-database", TestDatabases.broken());

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).hasValueSatisfying(d -> {
            assertThat(d).containsEntry("error", "SQLException");
            assertThat(d.toString()).doesNotContain("db.internal").doesNotContain("intake");
        });
    }
}
