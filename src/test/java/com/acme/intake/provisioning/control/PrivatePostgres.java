package com.acme.intake.provisioning.control;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A database of its own for a PostgreSQL test class, on the local server (trust auth). */
final class PrivatePostgres {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

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
        return DriverManager.getConnection(SERVER + database, "postgres", null);
    }

    private static void admin(String... statements) throws SQLException {
        try (Connection admin = connect("postgres"); Statement s = admin.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
