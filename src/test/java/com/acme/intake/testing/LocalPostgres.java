package com.acme.intake.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL server of the tests that need one (unit tests tagged {@value #TAG}, run only by
 * {@code mvn -Ppostgres verify}), of the two-node test and of the benchmarks: user {@code postgres},
 * trust authentication. Its address is written once, in the pom ({@code postgres.address}), and
 * reaches the tests as the system property {@value #PROPERTY}, so a machine whose PostgreSQL is
 * elsewhere changes one property and nothing else.
 */
public final class LocalPostgres {

    /** JUnit tag of the unit tests that need this server: left out of the default build. */
    public static final String TAG = "postgres";
    public static final String PROPERTY = "postgres.url";
    public static final String USER = "postgres";

    private LocalPostgres() {
    }

    /** {@code jdbc:postgresql://host:port/}, to which a database name is appended. */
    public static String server() {
        String url = System.getProperty(PROPERTY);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("System property " + PROPERTY + " is not set: run the PostgreSQL tests"
                    + " through Maven (mvn -Ppostgres verify), or pass -D" + PROPERTY + "=jdbc:postgresql://host:port/");
        }
        return url.endsWith("/") ? url : url + "/";
    }

    public static String url(String database) {
        return server() + database;
    }

    /** The same database as a libpq URI, for {@code pg_dump --dbname=…}: {@code postgresql://host:port/db}. */
    public static String libpq(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return jdbcUrl.substring("jdbc:".length());
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), USER, null);
    }
}
