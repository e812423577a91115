package com.acme.intake.operations.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import com.acme.intake.operations.control.TestDatabases;
import com.acme.intake.workflow.entity.EngineState;

/** The readiness checks turn DOWN when what they watch fails; liveness does not depend on databases. */
class HealthChecksTest {

    @Test
    void application_database_check_is_down_when_the_database_is() {
        var check = new ApplicationDatabaseCheck();
        check.dataSource = TestDatabases.broken();

        HealthCheckResponse response = check.call();

        assertThat(response.getName()).isEqualTo("application-database");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    @Test
    void warehouse_check_is_up_on_an_answering_database_and_down_on_a_broken_one() {
        var check = new WarehouseCheck();
        check.dataSource = TestDatabases.migratedH2();
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        check.dataSource = TestDatabases.broken();
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(check.call().getName()).isEqualTo("warehouse-database");
    }

    @Test
    void engine_is_ready_when_deployed_and_jobs_run_as_configured() {
        assertThat(EngineCheck.check(() -> new EngineState(true, true, true)).getStatus())
                .isEqualTo(HealthCheckResponse.Status.UP);
        // a node configured to run no jobs is ready without a job executor
        assertThat(EngineCheck.check(() -> new EngineState(true, false, false)).getStatus())
                .isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void engine_is_down_when_jobs_stopped_the_process_is_missing_or_the_engine_fails() {
        HealthCheckResponse stopped = EngineCheck.check(() -> new EngineState(true, false, true));
        assertThat(stopped.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(stopped.getData()).hasValueSatisfying(d -> assertThat(d).containsEntry("jobExecutorActive", false));
        assertThat(EngineCheck.check(() -> new EngineState(false, true, true)).getStatus())
                .isEqualTo(HealthCheckResponse.Status.DOWN);
        HealthCheckResponse failing = EngineCheck.check(() -> {
            throw new IllegalStateException("engine closed");
        });
        assertThat(failing.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(failing.getData()).hasValueSatisfying(d -> assertThat(d).containsEntry("error", "IllegalStateException"));
    }

    @Test
    void liveness_is_up_without_any_database() {
        assertThat(new LivenessCheck().call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }
}
