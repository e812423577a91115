package com.acme.intake.operations.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.acme.intake.request.entity.RequestStatus;

class RequestCountsTest {

    @Test
    void counts_every_status_with_zero_for_none() throws SQLException {
        DataSource db = TestDatabases.migratedH2();
        insert(db, 1, "IN_PRIVACY_REVIEW");
        insert(db, 2, "IN_PRIVACY_REVIEW");
        insert(db, 3, "PROVISIONED");

        var counts = RequestCounts.byStatus(db);

        assertThat(counts).hasSize(RequestStatus.values().length)
                .containsEntry(RequestStatus.IN_PRIVACY_REVIEW, 2L)
                .containsEntry(RequestStatus.PROVISIONED, 1L)
                .containsEntry(RequestStatus.REJECTED, 0L);
    }

    @Test
    void unreachable_database_is_an_error_not_zero() {
        assertThatThrownBy(() -> RequestCounts.byStatus(TestDatabases.broken()))
                .hasMessageContaining("SQLSTATE 08001").hasMessageNotContaining("db.internal");
    }

    @Test
    void cached_value_is_recomputed_only_after_its_period() {
        AtomicInteger computed = new AtomicInteger();
        MutableClock clock = new MutableClock();
        var cached = new CachedValue<>(computed::incrementAndGet, Duration.ofSeconds(5), clock);

        assertThat(cached.get()).isEqualTo(1);
        clock.now = clock.now.plusSeconds(4);
        assertThat(cached.get()).isEqualTo(1);
        clock.now = clock.now.plusSeconds(1);
        assertThat(cached.get()).isEqualTo(2);
    }

    static void insert(DataSource db, long id, String status) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO intake_request (id, title, business_unit, dataset, owner_name, purpose, layer,"
                    + " source_kind, refresh, retention_days, status, requester, created_at, updated_at, version)"
                    + " VALUES (" + id + ", 't', 'sales', 'orders_" + id + "', 'bob', 'p', 'ENTITY', 'JDBC', 'ONCE', 30, '"
                    + status + "', 'bob', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
        }
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
