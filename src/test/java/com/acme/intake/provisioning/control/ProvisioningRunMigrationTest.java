package com.acme.intake.provisioning.control;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.acme.intake.testing.LocalPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/** V3 (the provisioning_run table) applies after V1 and V2 on both databases the application runs on. */
class ProvisioningRunMigrationTest {

    private static final String DATABASE = "intake_prov_migration_test";

    @Test
    void appliesOnH2() throws SQLException {
        String url = "jdbc:h2:mem:migration_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        migrateAndInsert(url, "sa");
    }

    @Test
    @Tag(LocalPostgres.TAG)
    void appliesOnPostgres() throws SQLException {
        try (Connection admin = LocalPostgres.connect("postgres");
             Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
        try {
            migrateAndInsert(LocalPostgres.url(DATABASE), LocalPostgres.USER);
        } finally {
            try (Connection admin = LocalPostgres.connect("postgres");
                 Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            }
        }
    }

    private static void migrateAndInsert(String url, String user) throws SQLException {
        var result = Flyway.configure().dataSource(url, user, null).locations("classpath:db/migration").load().migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrations).extracting(m -> m.version).contains("1", "2", "3");
        try (Connection c = DriverManager.getConnection(url, user, null); Statement s = c.createStatement()) {
            s.execute("INSERT INTO intake_request (id, title, business_unit, dataset, owner_name, purpose, layer,"
                    + " source_kind, refresh, retention_days, status, requester, created_at, updated_at, version)"
                    + " VALUES (1, 't', 'sales', 'orders', 'bob', 'p', 'ENTITY', 'JDBC', 'ONCE', 30, 'PROVISIONING',"
                    + " 'bob', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO provisioning_run (id, request_id, started_at, finished_at, rows_read, rows_written,"
                    + " duration_ms, key_id, outcome, error_message, target_table) VALUES (1,"
                    + " 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 10, 10, 5, 'demo-key', 'PROVISIONED', NULL,"
                    + " 'staging.sales__orders')");
            try (ResultSet rs = s.executeQuery("SELECT rows_written, target_table FROM provisioning_run WHERE request_id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(10);
                assertThat(rs.getString(2)).isEqualTo("staging.sales__orders");
            }
        }
    }
}
