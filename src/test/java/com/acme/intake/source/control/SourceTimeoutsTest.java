package com.acme.intake.source.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SourceTimeoutsTest {

    @Test
    void unset_timeouts_are_a_minute_each_and_set_ones_are_taken() {
        assertThat(SourceTimeouts.from(key -> Optional.empty())).isEqualTo(SourceTimeouts.DEFAULTS);
        assertThat(SourceTimeouts.DEFAULTS.query()).isEqualTo(Duration.ofMinutes(1));
        Map<String, String> config = Map.of("intake.source.query-timeout", "PT30S",
                "intake.source.socket-timeout", "PT2M");
        assertThat(SourceTimeouts.from(key -> Optional.ofNullable(config.get(key))))
                .isEqualTo(new SourceTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(2)));
    }

    @Test
    void a_timeout_that_is_no_duration_or_out_of_range_stops_the_start() {
        assertThatThrownBy(() -> SourceTimeouts.from(key -> Optional.of("30")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> SourceTimeouts.from(key -> key.endsWith("socket-timeout")
                ? Optional.of("PT0.5S") : Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("intake.source.socket-timeout must be between PT1S and PT1H");
    }
}
