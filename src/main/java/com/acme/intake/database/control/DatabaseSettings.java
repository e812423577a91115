package com.acme.intake.database.control;

import java.nio.file.Path;
import java.sql.Driver;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where a database is, read from MicroProfile Config ({@code <prefix>.url}, {@code .user},
 * {@code .password}; each also as an environment variable such as {@code INTAKE_DB_URL}).
 * Without a URL the embedded default applies: an H2 file database under {@code ./data/}.
 *
 * @param embedded true when no URL was configured and the H2 default is used
 */
public record DatabaseSettings(String url, String user, String password, boolean embedded) {

    public static final String APP_PREFIX = "intake.db";
    public static final String WAREHOUSE_PREFIX = "intake.warehouse";

    /** Folder of the embedded default's files, relative to the working directory. */
    public static final String DATA_DIR_PROPERTY = "intake.data-dir";

    public static DatabaseSettings load(String prefix) {
        Config config = ConfigProvider.getConfig(DatabaseSettings.class.getClassLoader());
        Optional<String> url = config.getOptionalValue(prefix + ".url", String.class).filter(s -> !s.isBlank());
        if (url.isEmpty()) {
            String file = dataDir().resolve(prefix.substring(prefix.indexOf('.') + 1)).toString();
            return new DatabaseSettings("jdbc:h2:file:" + file, "sa", "", true);
        }
        return new DatabaseSettings(url.get(),
                config.getOptionalValue(prefix + ".user", String.class).orElse(null),
                config.getOptionalValue(prefix + ".password", String.class).orElse(null),
                false);
    }

    /**
     * The folder of the embedded default's files ({@value #DATA_DIR_PROPERTY}, default {@code ./data}),
     * absolute. Other embedded H2 files (such as the demo source) live beside the databases.
     */
    public static Path dataDir() {
        Config config = ConfigProvider.getConfig(DatabaseSettings.class.getClassLoader());
        String dir = config.getOptionalValue(DATA_DIR_PROPERTY, String.class).orElse("data");
        return Path.of(dir).toAbsolutePath();
    }

    /** The JDBC driver for a URL's scheme; the drivers ship in the WAR, so no DriverManager lookup. */
    public static Driver driverFor(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new org.postgresql.Driver();
        }
        if (url.startsWith("jdbc:h2:")) {
            return new org.h2.Driver();
        }
        throw new IllegalStateException("Unsupported database URL scheme (use jdbc:postgresql: or jdbc:h2:): "
                + url.substring(0, Math.min(url.length(), url.indexOf(':', 5) + 1)));
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", embedded=" + embedded + "]";
    }
}
