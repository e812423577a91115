package com.acme.intake.source.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class UploadCleanupTest {

    @Test
    void theCleanupRunsFourTimesPerTtlAtMostHourlyAndAtLeastEverySecond() {
        assertThat(UploadCleanup.period(Duration.ofDays(1))).isEqualTo(Duration.ofHours(1));
        assertThat(UploadCleanup.period(Duration.ofHours(2))).isEqualTo(Duration.ofMinutes(30));
        assertThat(UploadCleanup.period(Duration.ofMillis(100))).isEqualTo(Duration.ofSeconds(1));
    }
}
