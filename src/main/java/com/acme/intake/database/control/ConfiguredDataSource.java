package com.acme.intake.database.control;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The physical data source behind the container's connection pools. It reads its URL, user and
 * password from configuration (MicroProfile Config, see {@link DatabaseSettings}) under a prefix
 * such as {@code intake.db}, and picks the JDBC driver from the URL, so switching from the embedded
 * H2 default to PostgreSQL is one environment variable ({@code INTAKE_DB_URL}), not a second class
 * name to keep in step.
 *
 * <p>The container pools and enlists the connections (JTA, local transactions); this class only
 * opens them. Payara sets {@code configPrefix} from the {@code @DataSourceDefinition} properties.
 */
public class ConfiguredDataSource implements DataSource {

    /** Default socket timeout of the application database. */
    static final String DB_SOCKET_TIMEOUT = "PT1M";
    /** Default socket timeout of the warehouse: a little above the load timeout, which ends its statements first. */
    static final String WAREHOUSE_SOCKET_TIMEOUT = "PT4M30S";

    private volatile String configPrefix = DatabaseSettings.APP_PREFIX;
    private volatile DatabaseSettings settings;
    private volatile Driver driver;
    private PrintWriter logWriter;
    private int loginTimeout;

    public void setConfigPrefix(String configPrefix) {
        this.configPrefix = configPrefix;
        this.settings = null;
    }

    public String getConfigPrefix() {
        return configPrefix;
    }

    private DatabaseSettings settings() {
        DatabaseSettings s = settings;
        if (s == null) {
            s = DatabaseSettings.load(configPrefix);
            driver = DatabaseSettings.driverFor(s.url());
            settings = s;
        }
        return s;
    }

    @Override
    public Connection getConnection() throws SQLException {
        DatabaseSettings s = settings();
        return getConnection(s.user(), s.password());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        DatabaseSettings s = settings();
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        if (s.url().startsWith("jdbc:postgresql:")) {
            // a database that stops answering fails the call instead of holding a thread for ever
            props.setProperty("connectTimeout", "10");
            props.setProperty("socketTimeout", String.valueOf(socketTimeoutSeconds()));
        }
        Connection connection = driver.connect(s.url(), props);
        if (connection == null) {
            throw new SQLException("No JDBC driver accepts the URL configured as " + configPrefix + ".url");
        }
        return connection;
    }

    /**
     * {@code <prefix>.socket-timeout} (INTAKE_DB_SOCKET_TIMEOUT, INTAKE_WAREHOUSE_SOCKET_TIMEOUT): the
     * longest the database may stay silent while a statement waits for its answer, in whole seconds.
     */
    private int socketTimeoutSeconds() {
        String property = configPrefix + ".socket-timeout";
        String value = ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader())
                .getOptionalValue(property, String.class).map(String::strip).filter(v -> !v.isEmpty())
                .orElse(DatabaseSettings.WAREHOUSE_PREFIX.equals(configPrefix) ? WAREHOUSE_SOCKET_TIMEOUT : DB_SOCKET_TIMEOUT);
        return socketTimeoutSeconds(property, value);
    }

    static int socketTimeoutSeconds(String property, String value) {
        Duration timeout;
        try {
            timeout = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(property + " must be an ISO-8601 duration such as PT1M");
        }
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalStateException(property + " must be between PT1S and PT1H, not " + value);
        }
        return (int) timeout.toSeconds();
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
