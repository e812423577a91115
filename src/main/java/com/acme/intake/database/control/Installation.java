package com.acme.intake.database.control;

import java.util.Optional;
import java.util.function.Function;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What kind of node this is, decided once from the configuration, so that demo conveniences can
 * never switch themselves on for real data.
 * <ul>
 * <li>The <b>embedded default</b>: none of {@code INTAKE_DB_URL}, {@code INTAKE_WAREHOUSE_URL} or
 * {@code INTAKE_SOURCES} is set; everything lives in H2 files under the data folder.</li>
 * <li><b>Demo mode</b> (demo users, the public demo masking key, a "demo" banner on every page): the
 * embedded default, or {@code INTAKE_DEMO=true} set on purpose. {@code INTAKE_DEMO=false} turns it
 * off even on the embedded default.</li>
 * </ul>
 * A real warehouse or source with the application database left on the embedded H2 file is refused:
 * users, requests and the audit trail of real data would sit in a local file of one node.
 *
 * @param embeddedDefault no database and no source is configured
 * @param demo            demo users and the demo key exist
 */
public record Installation(boolean embeddedDefault, boolean demo) {

    public static final String DEMO_PROPERTY = "intake.demo";
    /** Replaced by {@value #DEMO_PROPERTY}; still set, it would mean something it no longer does. */
    static final String FORMER_DEMO_USERS_PROPERTY = "intake.demo-users";
    static final String SOURCES_PROPERTY = "intake.sources";

    private static volatile Installation current;

    /**
     * This node's installation, read from MicroProfile Config on first use.
     *
     * @throws IllegalStateException when the configuration is contradictory, saying what to set
     */
    public static Installation current() {
        Installation c = current;
        if (c == null) {
            Config config = ConfigProvider.getConfig(Installation.class.getClassLoader());
            c = of(key -> config.getOptionalValue(key, String.class));
            current = c;
        }
        return c;
    }

    /**
     * The installation a configuration describes.
     *
     * @param config a setting by property name; blank values count as unset
     * @throws IllegalStateException when the configuration is contradictory, saying what to set
     */
    public static Installation of(Function<String, Optional<String>> config) {
        Function<String, Optional<String>> setting = key -> config.apply(key).map(String::strip)
                .filter(s -> !s.isEmpty());
        if (setting.apply(FORMER_DEMO_USERS_PROPERTY).isPresent()) {
            throw new IllegalStateException("INTAKE_DEMO_USERS (" + FORMER_DEMO_USERS_PROPERTY + ") is no longer read:"
                    + " demo users exist only on the embedded default or with INTAKE_DEMO=true (" + DEMO_PROPERTY
                    + "); remove INTAKE_DEMO_USERS");
        }
        boolean appDatabase = setting.apply(DatabaseSettings.APP_PREFIX + ".url").isPresent();
        boolean warehouse = setting.apply(DatabaseSettings.WAREHOUSE_PREFIX + ".url").isPresent();
        boolean sources = setting.apply(SOURCES_PROPERTY).isPresent();
        if (!appDatabase && (warehouse || sources)) {
            throw new IllegalStateException((warehouse ? "INTAKE_WAREHOUSE_URL" : "INTAKE_SOURCES")
                    + " is set but INTAKE_DB_URL is not: a node with a real warehouse or source needs a real"
                    + " application database (users, requests, audit trail), not the embedded H2 file."
                    + " Set INTAKE_DB_URL, or unset both for the embedded demo.");
        }
        boolean embedded = !appDatabase && !warehouse && !sources;
        Optional<String> demo = setting.apply(DEMO_PROPERTY);
        if (demo.isPresent() && !demo.get().equalsIgnoreCase("true") && !demo.get().equalsIgnoreCase("false")) {
            throw new IllegalStateException("INTAKE_DEMO (" + DEMO_PROPERTY + ") must be true or false, not "
                    + demo.get());
        }
        return new Installation(embedded, demo.map(Boolean::parseBoolean).orElse(embedded));
    }
}
