package com.acme.intake.provisioning.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The load timeout and the job lock must agree, or the application does not start. */
class WarehouseLoadTimeoutTest {

    private static final Duration LOCK = Duration.ofMinutes(5);

    @Test
    void the_default_is_four_minutes_inside_the_default_lock_of_five() {
        assertThat(Warehouse.loadTimeout(Optional.empty(), LOCK)).isEqualTo(Duration.ofMinutes(4));
        assertThat(Warehouse.loadTimeout(Optional.of("PT90S"), LOCK)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void a_load_timeout_that_is_not_shorter_than_the_lock_time_stops_the_start_and_says_why() {
        assertThatThrownBy(() -> Warehouse.loadTimeout(Optional.of("PT5M"), LOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("INTAKE_WAREHOUSE_LOAD_TIMEOUT, PT5M) must be shorter than intake.jobs.lock-time"
                        + " (INTAKE_JOBS_LOCK_TIME, PT5M)");
        assertThatThrownBy(() -> Warehouse.loadTimeout(Optional.empty(), Duration.ofMinutes(2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must be shorter than");
    }

    @Test
    void a_load_timeout_that_is_no_duration_or_too_short_stops_the_start() {
        assertThatThrownBy(() -> Warehouse.loadTimeout(Optional.of("4 minutes"), LOCK))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> Warehouse.loadTimeout(Optional.of("PT0.5S"), LOCK))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least PT1S");
    }
}
