package com.acme.intake.source.control;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Properties;

import com.acme.intake.database.control.DatabaseSettings;
import com.acme.intake.source.entity.SourceProblem;

/**
 * A JDBC source registered by configuration. The URL, user and password stay in here: they are
 * never part of a view, a message or a log line ({@link #toString()} names the source only), since
 * a URL may itself carry a password.
 */
final class RegisteredSource {

    /** Rows fetched per round trip; PostgreSQL streams with a cursor only with autocommit off and this set. */
    static final int FETCH_SIZE = 1000;

    private final String name;
    private final String url;
    private final String user;
    private final String password;
    private final boolean demo;
    private final SourceTimeouts timeouts;

    RegisteredSource(String name, String url, String user, String password, boolean demo) {
        this(name, url, user, password, demo, SourceTimeouts.DEFAULTS);
    }

    RegisteredSource(String name, String url, String user, String password, boolean demo, SourceTimeouts timeouts) {
        this.name = name;
        this.url = url;
        this.user = user;
        this.password = password;
        this.demo = demo;
        this.timeouts = timeouts;
    }

    String name() {
        return name;
    }

    boolean demo() {
        return demo;
    }

    /** The query timeout in seconds, for every statement on this source. */
    int queryTimeoutSeconds() {
        return timeouts.querySeconds();
    }

    /**
     * A new read-only connection with autocommit off, opened through the driver directly (as the
     * application's own data source does). Any failure is {@link SourceProblem.Kind#UNREACHABLE}
     * with the SQLState only: drivers' messages may repeat the URL or the user.
     */
    Connection connect() {
        Driver driver;
        try {
            driver = DatabaseSettings.driverFor(url);
        } catch (IllegalStateException e) {
            throw unreachable("its URL names an unsupported database (use jdbc:postgresql: or jdbc:h2:)");
        }
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            props.setProperty("connectTimeout", "10");
            props.setProperty("loginTimeout", "15");
            props.setProperty("socketTimeout", String.valueOf(timeouts.socketSeconds()));
            // the server cancels what runs too long too, metadata queries included
            props.setProperty("options", "-c statement_timeout=" + timeouts.query().toMillis());
        }
        Connection connection = null;
        try {
            connection = driver.connect(url, props);
            if (connection == null) {
                throw unreachable("no driver accepts its URL");
            }
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw unreachable(e);
        }
    }

    SourceProblem unreachable(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("57014") || e instanceof SQLTimeoutException) {
            return unreachable("a query ran longer than the source query timeout (" + SourceTimeouts.QUERY_PROPERTY
                    + ", " + timeouts.query() + ") and was cancelled (SQLState " + e.getSQLState() + ")");
        }
        if (state.equals("08006")) {
            return unreachable("the connection failed or the source stopped answering for longer than the socket"
                    + " timeout (" + SourceTimeouts.SOCKET_PROPERTY + ", " + timeouts.socket() + ") (SQLState "
                    + e.getSQLState() + ")");
        }
        return unreachable("the database answered with SQLState " + e.getSQLState());
    }

    private SourceProblem unreachable(String why) {
        return new SourceProblem(SourceProblem.Kind.UNREACHABLE, "source " + name + " is unreachable: " + why);
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing after a failure or a read-only pass; nothing left to save.
        }
    }

    @Override
    public String toString() {
        return "RegisteredSource[" + name + "]";
    }
}
