package com.acme.intake.source.control;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The JDBC sources an administrator registered: {@code intake.sources} lists their names
 * (comma-separated), and each has {@code intake.sources.<name>.url}, {@code .user} and
 * {@code .password} (as environment variables {@code INTAKE_SOURCES}, {@code INTAKE_SOURCES_CRM_URL}…), and
 * {@code .schemas}, the schemas requesters may read ({@link SchemaAllowance}).
 * A badly named or URL-less entry is skipped with a warning that names only the entry, so one typo
 * does not keep the service from starting.
 */
final class SourceRegistry {

    static final String LIST_PROPERTY = "intake.sources";
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private static final Logger LOG = Logger.getLogger(SourceRegistry.class.getName());

    private final Map<String, RegisteredSource> sources;
    private final Map<String, SchemaAllowance> schemas;

    private SourceRegistry(Map<String, RegisteredSource> sources, Map<String, SchemaAllowance> schemas) {
        this.sources = Collections.unmodifiableMap(sources);
        this.schemas = Map.copyOf(schemas);
    }

    /**
     * @param config looks a property up (MicroProfile Config in the container, a map in tests)
     * @param demo the demo source of the embedded default, if any; a configured source of the same name wins
     */
    static SourceRegistry from(Function<String, Optional<String>> config, Optional<RegisteredSource> demo) {
        Map<String, RegisteredSource> sources = new TreeMap<>();
        demo.ifPresent(d -> sources.put(d.name(), d));
        SourceTimeouts timeouts = SourceTimeouts.from(config);
        String list = config.apply(LIST_PROPERTY).orElse("");
        for (String raw : list.split(",")) {
            String name = raw.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                LOG.warning(() -> "Ignoring an entry of " + LIST_PROPERTY + ": source names must match " + NAME.pattern());
                continue;
            }
            String prefix = LIST_PROPERTY + "." + name + ".";
            Optional<String> url = config.apply(prefix + "url").filter(s -> !s.isBlank());
            if (url.isEmpty()) {
                LOG.warning(() -> "Ignoring source " + name + ": " + prefix + "url is not set");
                continue;
            }
            sources.put(name, new RegisteredSource(name, url.get(), config.apply(prefix + "user").orElse(null),
                    config.apply(prefix + "password").orElse(null), false, timeouts));
        }
        Map<String, SchemaAllowance> schemas = new TreeMap<>();
        for (String name : sources.keySet()) {
            schemas.put(name, SchemaAllowance.parse(name,
                    config.apply(LIST_PROPERTY + "." + name + ".schemas").orElse(null), LOG::warning));
        }
        return new SourceRegistry(sources, schemas);
    }

    /** The schemas of a registered source that requesters may read. */
    SchemaAllowance schemas(String name) {
        return schemas.get(name);
    }

    Optional<RegisteredSource> find(String name) {
        return Optional.ofNullable(name == null ? null : sources.get(name));
    }

    Collection<RegisteredSource> all() {
        return sources.values();
    }
}
