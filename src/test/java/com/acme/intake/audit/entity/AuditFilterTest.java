package com.acme.intake.audit.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuditFilterTest {

    @Test
    void blank_parameters_select_everything() {
        assertThat(AuditFilter.parse(null, " ", "", null, null, null)).isEqualTo(AuditFilter.NONE);
        assertThat(AuditFilter.NONE.describe()).isEmpty();
    }

    @Test
    void a_date_to_includes_the_whole_day() {
        AuditFilter f = AuditFilter.parse("2025-03-01", "2025-03-31", null, null, null, null);

        assertThat(f.from()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(f.toExclusive()).isEqualTo(Instant.parse("2025-04-01T00:00:00Z"));
        assertThat(f.test(event(Instant.parse("2025-03-31T23:59:59.999999Z")))).isTrue();
        assertThat(f.test(event(Instant.parse("2025-04-01T00:00:00Z")))).isFalse();
        assertThat(f.test(event(Instant.parse("2025-02-28T23:59:59.999999Z")))).isFalse();
    }

    @Test
    void a_date_time_to_includes_that_instant_and_offsets_are_honoured() {
        AuditFilter f = AuditFilter.parse("2025-03-01T10:00:00+02:00", "2025-03-01T12:00:00", null, null, null, null);

        assertThat(f.from()).isEqualTo(Instant.parse("2025-03-01T08:00:00Z"));
        assertThat(f.test(event(Instant.parse("2025-03-01T12:00:00Z")))).isTrue();
        assertThat(f.test(event(Instant.parse("2025-03-01T12:00:00.000001Z")))).isFalse();
        assertThat(AuditFilter.parse(null, "2025-03-01T12:00:00Z", null, null, null, null).toExclusive())
                .isEqualTo(Instant.parse("2025-03-01T12:00:00.000001Z"));
    }

    @Test
    void the_other_parts_match_exactly_and_combine() {
        AuditFilter f = AuditFilter.parse(null, null, "42", "alice", "marketing", "request_submitted");

        assertThat(f.action()).isEqualTo("REQUEST_SUBMITTED");
        assertThat(f.test(new AuditEntry(1, Instant.EPOCH, "alice", "REQUEST_SUBMITTED", 42L, null, "marketing",
                null, null, null))).isTrue();
        assertThat(f.test(new AuditEntry(1, Instant.EPOCH, "alice", "REQUEST_SUBMITTED", 43L, null, "marketing",
                null, null, null))).isFalse();
        assertThat(f.test(new AuditEntry(1, Instant.EPOCH, "alice", "REQUEST_SUBMITTED", null, null, "marketing",
                null, null, null))).isFalse();
        assertThat(f.describe()).containsKeys("requestId", "actor", "businessUnit", "action");
    }

    @Test
    void invalid_parameters_are_refused_with_a_clear_message() {
        assertThatThrownBy(() -> AuditFilter.parse("yesterday", null, null, null, null, null))
                .hasMessageContaining("from must be an ISO date");
        assertThatThrownBy(() -> AuditFilter.parse(null, "2025-13-01", null, null, null, null))
                .hasMessageContaining("to must be an ISO date");
        assertThatThrownBy(() -> AuditFilter.parse("2025-03-02", "2025-03-01", null, null, null, null))
                .hasMessage("from must be before to");
        assertThatThrownBy(() -> AuditFilter.parse(null, null, "abc", null, null, null))
                .hasMessage("requestId must be a positive whole number");
        assertThatThrownBy(() -> AuditFilter.parse(null, null, "-1", null, null, null))
                .hasMessage("requestId must be a positive whole number");
        assertThatThrownBy(() -> AuditFilter.parse(null, null, null, null, null, "DELETE"))
                .hasMessageStartingWith("action must be one of [REQUEST_SUBMITTED");
        assertThatThrownBy(() -> AuditFilter.parse(null, null, null, "x".repeat(101), null, null))
                .hasMessage("actor is longer than 100 characters");
    }

    private static AuditEntry event(Instant at) {
        return new AuditEntry(1, at, "a", "X", null, null, null, null, null, null);
    }
}
