package com.acme.intake.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The source the tests name {@code demo}. On the embedded default the application ships it; in the
 * PostgreSQL run ({@code it.source.url} set) it is a database of the CI run, given here a
 * {@code customers} table shaped like the demo one.
 */
public final class SourceFixture {

    private SourceFixture() {
    }

    public static void ensureCustomers() throws SQLException {
        String url = System.getProperty("it.source.url", "");
        if (url.isBlank()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(url, "postgres", null); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS customers (customer_id BIGINT PRIMARY KEY, full_name VARCHAR(100), "
                    + "email VARCHAR(200), phone VARCHAR(50), birth_date DATE)");
            s.execute("INSERT INTO customers VALUES "
                    + "(1, '山田太郎', 'taro@example.jp', '090-1111-2222', DATE '1980-05-06'), "
                    + "(2, 'Anna Müller', 'anna@example.de', '+49 30 123456', DATE '1975-11-30') "
                    + "ON CONFLICT (customer_id) DO NOTHING");
        }
    }
}
