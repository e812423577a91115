package com.acme.intake.scale;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import com.acme.intake.testing.LocalPostgres;

/**
 * The private PostgreSQL databases (prefix {@code scale_}) of the two-node test and the load
 * benchmark on the shared server ({@link LocalPostgres}), and the environment that points a node at them.
 */
public final class ScaleDatabases {

    public static final String USER = LocalPostgres.USER;
    /** TEST-ONLY masking key, never used anywhere else (like the postgres profile's). */
    static final String TEST_MASKING_KEY = "test-only-masking-key-0123456789abcdef";

    private final String app;
    private final String warehouse;
    private final String source;

    public ScaleDatabases(String app, String warehouse, String source) {
        this.app = app;
        this.warehouse = warehouse;
        this.source = source;
    }

    /** Drops and creates the databases: every run starts empty. */
    public ScaleDatabases recreate() throws SQLException {
        for (String db : new String[] {app, warehouse, source}) {
            recreate(db);
        }
        return this;
    }

    public static void recreate(String db) throws SQLException {
        if (!db.startsWith("scale_")) {
            throw new IllegalArgumentException("not one of ours: " + db);
        }
        try (Connection c = DriverManager.getConnection(LocalPostgres.url("postgres"), USER, null);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + db);
        }
    }

    public static void drop(String db) throws SQLException {
        try (Connection c = DriverManager.getConnection(LocalPostgres.url("postgres"), USER, null);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    /** Refreshes the planner's statistics of the database, as autovacuum would after a bulk fill. */
    public static void analyze(String db) throws SQLException {
        try (Connection c = DriverManager.getConnection(LocalPostgres.url(db), USER, null);
             Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    public Connection app() throws SQLException {
        return DriverManager.getConnection(LocalPostgres.url(app), USER, null);
    }

    public Connection warehouse() throws SQLException {
        return DriverManager.getConnection(LocalPostgres.url(warehouse), USER, null);
    }

    public Connection source() throws SQLException {
        return DriverManager.getConnection(LocalPostgres.url(source), USER, null);
    }

    /**
     * A node's environment: these databases, the demo users (INTAKE_DEMO=true: real databases are no
     * demo otherwise), the source {@code demo}, a test key.
     */
    public Map<String, String> nodeEnvironment(String dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("INTAKE_DB_URL", LocalPostgres.url(app));
        env.put("INTAKE_DB_USER", USER);
        env.put("INTAKE_DB_PASSWORD", "");
        env.put("INTAKE_DATA_DIR", dataDir);
        env.put("INTAKE_DEMO", "true");
        env.put("INTAKE_REVIEW_SLA", "P3D");
        env.put("INTAKE_WAREHOUSE_URL", LocalPostgres.url(warehouse));
        env.put("INTAKE_WAREHOUSE_USER", USER);
        env.put("INTAKE_WAREHOUSE_PASSWORD", "");
        env.put("INTAKE_SOURCES", "demo");
        env.put("INTAKE_SOURCES_DEMO_URL", LocalPostgres.url(source));
        env.put("INTAKE_SOURCES_DEMO_USER", USER);
        env.put("INTAKE_MASKING_KEY", TEST_MASKING_KEY);
        env.put("INTAKE_MASKING_KEY_ID", "scale-test-key");
        return env;
    }

    /** A source table {@code name} of {@code rows} customers (id, e-mail, birth date). */
    public void createCustomers(String name, int rows) throws SQLException {
        try (Connection c = source(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + name + " (customer_id BIGINT PRIMARY KEY, email VARCHAR(200), birth_date DATE)");
            s.execute("INSERT INTO " + name + " SELECT i, 'user' || i || '@example.jp', DATE '1950-01-01' + (i % 20000) "
                    + "FROM generate_series(1, " + rows + ") i");
            s.execute("ANALYZE " + name);
        }
    }
}
