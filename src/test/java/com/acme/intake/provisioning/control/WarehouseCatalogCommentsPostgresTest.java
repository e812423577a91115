package com.acme.intake.provisioning.control;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.intake.testing.LocalPostgres;

/**
 * The catalog's comments on a PostgreSQL warehouse whose database has
 * {@code standard_conforming_strings = off} (where a backslash escapes the next character in a
 * literal), written with the catalog revision's transaction.
 */
@Tag(LocalPostgres.TAG)
class WarehouseCatalogCommentsPostgresTest {

    private static final String DATABASE = "intake_comments_test";
    private static final String TABLE = "staging.marketing__crm_customers";

    private final WarehouseCatalogComments comments = new WarehouseCatalogComments();
    private final CallersTransaction callers = new CallersTransaction();
    private Connection reader;

    @BeforeAll
    static void createDatabase() throws SQLException {
        PrivatePostgres.create(DATABASE);
        try (Connection admin = PrivatePostgres.connect(DATABASE); Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE " + DATABASE + " SET standard_conforming_strings = off");
            s.execute("CREATE SCHEMA staging");
            s.execute("CREATE TABLE staging.marketing__crm_customers (customer_id bigint, email varchar(64))");
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        PrivatePostgres.drop(DATABASE);
    }

    @BeforeEach
    void connect() throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(LocalPostgres.url(DATABASE));
        dataSource.setUser(LocalPostgres.USER);
        comments.dataSource = dataSource;
        comments.transactions = callers;
        reader = PrivatePostgres.connect(DATABASE);
        try (Statement s = reader.createStatement()) {
            s.execute("COMMENT ON TABLE staging.marketing__crm_customers IS NULL");
            s.execute("COMMENT ON COLUMN staging.marketing__crm_customers.email IS NULL");
        }
    }

    @AfterEach
    void disconnect() throws SQLException {
        reader.close();
    }

    @Test
    void aDescriptionWithBackslashQuoteAndSemicolonIsStoredVerbatim() throws SQLException {
        // given: the setting is really off for a new session
        assertThat(single("SHOW standard_conforming_strings")).isEqualTo("off");
        String description = "O\\'Brien's list; DROP TABLE staging.marketing__crm_customers; --";
        String column = "ends with a backslash \\";

        // when
        comments.apply(TABLE, description, Map.of("email", column));
        callers.complete(Status.STATUS_COMMITTED);

        // then
        assertThat(single("SELECT obj_description('staging.marketing__crm_customers'::regclass, 'pg_class')"))
                .isEqualTo(description);
        assertThat(single("SELECT col_description('staging.marketing__crm_customers'::regclass, 2)"))
                .isEqualTo(column);
        assertThat(single("SELECT count(*) FROM staging.marketing__crm_customers")).isEqualTo("0");
    }

    @Test
    void theCommentsAreWrittenOnlyWhenTheCatalogRevisionCommits() throws SQLException {
        // given
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("customer_id", "Customer");
        columns.put("email", "Masked e-mail");

        // when: the revision's transaction rolls back
        comments.apply(TABLE, "First description", columns);
        assertThat(single("SELECT obj_description('staging.marketing__crm_customers'::regclass, 'pg_class')"))
                .as("not visible before the catalog commits").isNull();
        callers.complete(Status.STATUS_ROLLEDBACK);

        // then: nothing is left in the warehouse
        assertThat(single("SELECT obj_description('staging.marketing__crm_customers'::regclass, 'pg_class')"))
                .isNull();
        assertThat(single("SELECT col_description('staging.marketing__crm_customers'::regclass, 2)")).isNull();

        // when: the next one commits
        comments.apply(TABLE, "Second description", columns);
        callers.complete(Status.STATUS_COMMITTED);

        // then
        assertThat(single("SELECT obj_description('staging.marketing__crm_customers'::regclass, 'pg_class')"))
                .isEqualTo("Second description");
        assertThat(single("SELECT col_description('staging.marketing__crm_customers'::regclass, 2)"))
                .isEqualTo("Masked e-mail");
    }

    private String single(String sql) throws SQLException {
        try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The caller's JTA transaction, as far as the comments see it: active until completed. */
    private static final class CallersTransaction implements TransactionSynchronizationRegistry {

        private final List<Synchronization> synchronizations = new ArrayList<>();
        private int status = Status.STATUS_ACTIVE;

        void complete(int outcome) {
            status = outcome;
            synchronizations.forEach(Synchronization::beforeCompletion);
            synchronizations.forEach(s -> s.afterCompletion(outcome));
            synchronizations.clear();
            status = Status.STATUS_ACTIVE;
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
            return null;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
