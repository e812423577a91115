package com.acme.intake.operations.control;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** Data sources for the operations tests: a migrated in-memory H2, and one whose database is gone. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** A fresh in-memory H2 with the application schema (all Flyway migrations). */
    public static DataSource migratedH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:ops_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        return h2;
    }

    /** Every connection attempt fails, as when the database is down or unreachable. */
    public static DataSource broken() {
        return (DataSource) Proxy.newProxyInstance(TestDatabases.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("getConnection")) {
                        throw new SQLException("Connection to db.internal:5432 refused (user intake)", "08001");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
