package com.acme.intake.provisioning.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import com.acme.intake.testing.LocalPostgres;

/** A database of its own for a PostgreSQL test class, on the tests' server ({@link LocalPostgres}). */
final class PrivatePostgres {

    private PrivatePostgres() {
    }

    static void create(String database) throws SQLException {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)",
                "CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
    }

    static void drop(String database) throws SQLException {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    static Connection connect(String database) throws SQLException {
        return LocalPostgres.connect(database);
    }

    private static void admin(String... statements) throws SQLException {
        try (Connection admin = connect("postgres"); Statement s = admin.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
