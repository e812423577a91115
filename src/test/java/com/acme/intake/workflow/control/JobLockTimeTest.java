package com.acme.intake.workflow.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The job executor's lock time ({@code intake.jobs.lock-time}) is read as an ISO-8601 duration. */
class JobLockTimeTest {

    @Test
    void readsIsoDurations() {
        assertThat(ProcessEngineLifecycle.lockTimeMillis("PT5M")).isEqualTo(300_000);
        assertThat(ProcessEngineLifecycle.lockTimeMillis("PT15S")).isEqualTo(15_000);
    }

    @Test
    void refusesWhatIsNoDurationOrOutOfRange() {
        assertThatThrownBy(() -> ProcessEngineLifecycle.lockTimeMillis("300000"))
                .hasMessageContaining("intake.jobs.lock-time must be an ISO-8601 duration");
        assertThatThrownBy(() -> ProcessEngineLifecycle.lockTimeMillis("PT0S"))
                .hasMessageContaining("between PT1S and P1D");
        assertThatThrownBy(() -> ProcessEngineLifecycle.lockTimeMillis("P2D"))
                .hasMessageContaining("between PT1S and P1D");
    }
}
