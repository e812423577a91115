package com.acme.intake.provisioning.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.acme.intake.provisioning.entity.LoadPlan;
import com.acme.intake.provisioning.entity.ProvisioningFailure;
import com.acme.intake.source.entity.RowCursor;
import com.acme.intake.source.entity.RowSource;
import com.acme.intake.source.entity.SourceColumn;
import com.acme.intake.source.entity.SourceProblem;

import com.acme.intake.testing.LocalPostgres;

/**
 * A PostgreSQL load that cannot finish ends, failed, within the load timeout, so it never outlives
 * its job's lock: a source that stops delivering rows mid-read, and a swap that waits for a lock.
 */
@Tag(LocalPostgres.TAG)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WarehouseLoadTimeoutPostgresTest {

    private static final String DATABASE = "intake_load_timeout_test";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final LoadPlan plan = TestRows.plan("crm_customers");
    private final WarehouseLoader loader = new WarehouseLoader(Thread::new, TIMEOUT);
    private Connection warehouse;

    @BeforeAll
    static void createDatabase() throws SQLException {
        PrivatePostgres.create(DATABASE);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        PrivatePostgres.drop(DATABASE);
    }

    @BeforeEach
    void connect() throws SQLException {
        warehouse = PrivatePostgres.connect(DATABASE);
        try (Statement s = warehouse.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS \"staging\" CASCADE");
        }
    }

    @AfterEach
    void disconnect() throws SQLException {
        warehouse.close();
    }

    @Test
    void a_source_that_stops_delivering_rows_mid_read_fails_the_load_within_the_timeout() throws SQLException {
        // given: a table from an earlier load, and a source that goes silent after 2,000 rows until closed
        loader.load(plan, TestRows.source(TestRows.generated(10)), warehouse);
        StallingSource stalling = new StallingSource(TestRows.source(TestRows.generated(5_000)), 2_000);
        long started = System.nanoTime();

        // when
        Throwable thrown = catchThrowable(() -> loader.load(plan, stalling, warehouse));

        // then
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(thrown).isInstanceOf(ProvisioningFailure.class)
                .hasMessageContaining("writing rows into the work table")
                .hasMessageContaining("took longer than the warehouse load timeout (intake.warehouse.load-timeout, PT3S)");
        assertThat(stalling.closed.getCount()).as("the silent source was closed").isZero();
        assertThat(took).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(Duration.ofSeconds(20));
        assertThat(count("SELECT count(*) FROM staging.marketing__crm_customers")).as("the old table stays").isEqualTo(10);
        assertThat(count("SELECT count(*) FROM pg_tables WHERE schemaname = 'staging'")).as("no work table left").isEqualTo(1);
    }

    @Test
    void a_swap_that_waits_for_a_lock_is_cancelled_within_the_timeout() throws SQLException {
        // given: an analyst's open transaction reads the current table, so replacing it has to wait
        loader.load(plan, TestRows.source(TestRows.generated(10)), warehouse);
        try (Connection analyst = PrivatePostgres.connect(DATABASE)) {
            analyst.setAutoCommit(false);
            try (Statement s = analyst.createStatement()) {
                s.executeQuery("SELECT count(*) FROM staging.marketing__crm_customers").close();
            }
            long started = System.nanoTime();

            // when
            Throwable thrown = catchThrowable(() -> loader.load(plan, TestRows.source(TestRows.generated(20)), warehouse));

            // then
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            analyst.rollback();
            assertThat(thrown).isInstanceOf(ProvisioningFailure.class)
                    .hasMessageContaining("replacing the target table")
                    .hasMessageContaining("SQLSTATE 57014");
            assertThat(took).isLessThan(Duration.ofSeconds(20));
        }
        assertThat(count("SELECT count(*) FROM staging.marketing__crm_customers")).isEqualTo(10);
    }

    private long count(String sql) throws SQLException {
        try (Statement s = warehouse.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Delivers rows until {@code stallAt}, then waits without an answer until it is closed, as a hung JDBC read does. */
    private static final class StallingSource implements RowSource {
        final CountDownLatch closed = new CountDownLatch(1);
        private final RowSource rows;
        private final int stallAt;

        StallingSource(RowSource rows, int stallAt) {
            this.rows = rows;
            this.stallAt = stallAt;
        }

        @Override
        public List<SourceColumn> columns() {
            return rows.columns();
        }

        @Override
        public RowCursor open(List<SourceColumn> wanted) {
            RowCursor cursor = rows.open(wanted);
            return new RowCursor() {
                private int delivered;

                @Override
                public boolean next() {
                    if (++delivered == stallAt) {
                        try {
                            closed.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        throw new SourceProblem(SourceProblem.Kind.UNREACHABLE, "the connection was closed");
                    }
                    return cursor.next();
                }

                @Override
                public Object get(int index) {
                    return cursor.get(index);
                }

                @Override
                public void close() {
                    closed.countDown();
                    cursor.close();
                }
            };
        }
    }
}
