package com.acme.intake.source.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.source.entity.RowCursor;
import com.acme.intake.source.entity.SourceColumn;
import com.acme.intake.source.entity.SourceProblem;
import com.acme.intake.source.entity.TableName;

import com.acme.intake.testing.LocalPostgres;

/**
 * A PostgreSQL source that hangs (the local server, a database of its own): one that stops
 * answering in the middle of a read, one whose query never returns, one whose catalog is locked.
 * Each fails within the configured time, as UNREACHABLE with a message that says which timeout.
 */
@Tag(LocalPostgres.TAG)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JdbcRowSourceTimeoutPostgresTest {

    private static final String DATABASE = "intake_source_timeout_test";
    private static final List<SourceColumn> WANTED = List.of(new SourceColumn("customer_id", ColumnType.BIGINT, true));

    @BeforeAll
    static void createDatabase() throws SQLException {
        admin("postgres", "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)", "CREATE DATABASE " + DATABASE);
        admin(DATABASE,
                "CREATE TABLE customers (customer_id bigint PRIMARY KEY)",
                "INSERT INTO customers SELECT g FROM generate_series(1, 5000) g",
                // answers the first rows at once, then stays silent for a minute at row 3000
                "CREATE FUNCTION stall_at(id bigint, at bigint) RETURNS bigint LANGUAGE plpgsql AS $$ BEGIN"
                        + " IF id = at THEN PERFORM pg_sleep(60); END IF; RETURN id; END $$",
                "CREATE VIEW stalls_mid_read AS SELECT stall_at(customer_id, 3000) AS customer_id FROM customers",
                "CREATE VIEW stalls_at_once AS SELECT stall_at(customer_id, 1) AS customer_id FROM customers");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        admin("postgres", "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    @Test
    void a_source_that_stops_answering_mid_read_fails_within_the_socket_timeout() {
        // given: no query timeout to speak of, a socket timeout of 2 s
        JdbcRowSource source = source("stalls_mid_read", new SourceTimeouts(Duration.ofHours(1), Duration.ofSeconds(2)));
        long started = System.nanoTime();
        int[] read = {0};

        // when
        Throwable thrown = catchThrowable(() -> {
            RowCursor cursor = source.open(WANTED);
            try {
                while (cursor.next()) {
                    read[0]++;
                }
            } finally {
                cursor.close();
            }
        });

        // then: rows came, then the silence ended the read
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(read[0]).isBetween(1000, 2999);
        assertThat(thrown).isInstanceOf(SourceProblem.class)
                .hasMessageContaining("stopped answering for longer than the socket timeout")
                .hasMessageContaining("intake.source.socket-timeout, PT2S");
        assertThat(((SourceProblem) thrown).kind()).isEqualTo(SourceProblem.Kind.UNREACHABLE);
        assertThat(took).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void a_query_that_does_not_answer_is_cancelled_within_the_query_timeout() {
        // given
        JdbcRowSource source = source("stalls_at_once", new SourceTimeouts(Duration.ofSeconds(2), Duration.ofHours(1)));
        long started = System.nanoTime();

        // when
        Throwable thrown = catchThrowable(() -> {
            RowCursor cursor = source.open(WANTED);
            try {
                while (cursor.next()) {
                    // read on
                }
            } finally {
                cursor.close();
            }
        });

        // then
        assertThat(thrown).isInstanceOf(SourceProblem.class)
                .hasMessageContaining("ran longer than the source query timeout (intake.source.query-timeout, PT2S)");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void the_columns_of_a_table_whose_catalog_is_locked_fail_within_the_query_timeout() throws SQLException {
        // given: someone holds a catalog that the column query reads (as a long DDL transaction would)
        try (Connection ddl = LocalPostgres.connect(DATABASE)) {
            ddl.setAutoCommit(false);
            JdbcRowSource source = source("customers", new SourceTimeouts(Duration.ofSeconds(2), Duration.ofHours(1)));
            try (Statement s = ddl.createStatement()) {
                s.execute("LOCK TABLE pg_catalog.pg_description IN ACCESS EXCLUSIVE MODE");
            }
            long started = System.nanoTime();

            // when
            Throwable thrown = catchThrowable(source::describe);

            // then
            ddl.rollback();
            assertThat(thrown).isInstanceOf(SourceProblem.class)
                    .hasMessageContaining("ran longer than the source query timeout (intake.source.query-timeout, PT2S)");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        }
    }

    private static JdbcRowSource source(String table, SourceTimeouts timeouts) {
        return new JdbcRowSource(new RegisteredSource("crm", LocalPostgres.url(DATABASE), LocalPostgres.USER, null, false, timeouts),
                TableName.parse(table));
    }

    private static void admin(String database, String... statements) throws SQLException {
        try (Connection c = LocalPostgres.connect(database);
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
