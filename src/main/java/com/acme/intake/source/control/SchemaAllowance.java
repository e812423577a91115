package com.acme.intake.source.control;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.acme.intake.source.entity.TableName;

/**
 * Which schemas of a source a requester may read, by business unit, from
 * {@code intake.sources.<name>.schemas} ({@code INTAKE_SOURCES_<NAME>_SCHEMAS}): comma-separated
 * entries, each {@code schema} (open to every business unit) or {@code business_unit:schema} (open
 * to that business unit only); {@value #DEFAULT} when unset. Staff read every schema. The
 * database's own catalogs ({@code information_schema}, {@code pg_catalog} and any {@code pg_*})
 * are open to nobody, even when configured. Names compare ignoring case (H2 folds them up,
 * PostgreSQL down).
 */
final class SchemaAllowance {

    static final String DEFAULT = "public";

    private static final Pattern BUSINESS_UNIT = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final Set<String> everyone;
    private final Map<String, Set<String>> byBusinessUnit;

    private SchemaAllowance(Set<String> everyone, Map<String, Set<String>> byBusinessUnit) {
        this.everyone = Set.copyOf(everyone);
        this.byBusinessUnit = Map.copyOf(byBusinessUnit);
    }

    /**
     * The allowance an entry list gives; an entry that is not a valid name, or names a system
     * catalog, is left out with a warning that names the source only (so one typo opens nothing).
     */
    static SchemaAllowance parse(String source, String entries, Consumer<String> warn) {
        Set<String> everyone = new LinkedHashSet<>();
        Map<String, Set<String>> byBusinessUnit = new LinkedHashMap<>();
        for (String raw : (entries == null || entries.isBlank() ? DEFAULT : entries).split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String businessUnit = colon < 0 ? null : entry.substring(0, colon).strip();
            String schema = (colon < 0 ? entry : entry.substring(colon + 1)).strip();
            if (!TableName.PART.matcher(schema).matches()
                    || (businessUnit != null && !BUSINESS_UNIT.matcher(businessUnit).matches())) {
                warn.accept("Ignoring an entry of the schemas of source " + source
                        + ": each is schema or business_unit:schema, of letters, digits and _");
                continue;
            }
            if (system(schema)) {
                warn.accept("Ignoring a system catalog in the schemas of source " + source
                        + ": information_schema and pg_* are never open");
                continue;
            }
            String key = schema.toLowerCase(Locale.ROOT);
            if (businessUnit == null) {
                everyone.add(key);
            } else {
                byBusinessUnit.computeIfAbsent(businessUnit, bu -> new LinkedHashSet<>()).add(key);
            }
        }
        return new SchemaAllowance(everyone, byBusinessUnit);
    }

    /** Whether a reader may see this schema: staff any but the system catalogs, a requester their business unit's. */
    boolean allows(boolean staff, String businessUnit, String schema) {
        if (schema == null || system(schema)) {
            return false;
        }
        if (staff) {
            return true;
        }
        String key = schema.toLowerCase(Locale.ROOT);
        return everyone.contains(key)
                || (businessUnit != null && byBusinessUnit.getOrDefault(businessUnit, Set.of()).contains(key));
    }

    /** The database's own catalogs: never open, whatever the configuration says. */
    static boolean system(String schema) {
        String key = schema.toLowerCase(Locale.ROOT);
        return key.equals("information_schema") || key.startsWith("pg_");
    }
}
