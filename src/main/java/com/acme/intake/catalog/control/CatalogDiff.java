package com.acme.intake.catalog.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import com.acme.intake.catalog.entity.CatalogSnapshot;
import com.acme.intake.catalog.entity.Changes;
import com.acme.intake.catalog.entity.Changes.FieldChange;

/**
 * What changed between two revisions: entry fields with their values before and after, and columns
 * (matched by name) added, removed or changed. Computed when read, from the stored snapshots, so it
 * always agrees with them.
 */
public final class CatalogDiff {

    private static final Map<String, Function<CatalogSnapshot, Object>> FIELDS = new LinkedHashMap<>();
    private static final Map<String, Function<CatalogSnapshot.Column, Object>> COLUMN_FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("title", CatalogSnapshot::title);
        FIELDS.put("description", CatalogSnapshot::description);
        FIELDS.put("owner", CatalogSnapshot::owner);
        FIELDS.put("businessUnit", CatalogSnapshot::businessUnit);
        FIELDS.put("layer", CatalogSnapshot::layer);
        FIELDS.put("lineage", s -> s.lineage() == null ? null : s.lineage().text());
        FIELDS.put("refresh", CatalogSnapshot::refresh);
        FIELDS.put("retentionDays", CatalogSnapshot::retentionDays);
        FIELDS.put("rowCount", s -> s.lastLoad() == null ? null : s.lastLoad().rowCount());
        FIELDS.put("lastLoadedAt", s -> s.lastLoad() == null ? null : s.lastLoad().loadedAt());
        FIELDS.put("keyId", s -> s.lastLoad() == null ? null : s.lastLoad().keyId());
        FIELDS.put("knownGaps", s -> s.knownGaps().isEmpty() ? null : s.knownGaps());

        COLUMN_FIELDS.put("sourceType", CatalogSnapshot.Column::sourceType);
        COLUMN_FIELDS.put("type", CatalogSnapshot.Column::type);
        COLUMN_FIELDS.put("description", CatalogSnapshot.Column::description);
        COLUMN_FIELDS.put("pii", CatalogSnapshot.Column::pii);
        COLUMN_FIELDS.put("masking", CatalogSnapshot.Column::masking);
        COLUMN_FIELDS.put("loaded", CatalogSnapshot.Column::loaded);
    }

    private CatalogDiff() {
    }

    /** The changes from {@code before} (null for the first revision: everything is new) to {@code after}. */
    public static Changes between(CatalogSnapshot before, CatalogSnapshot after) {
        List<FieldChange> fields = new ArrayList<>();
        FIELDS.forEach((name, value) -> compare(name, before == null ? null : value.apply(before), value.apply(after))
                .ifPresent(fields::add));

        Map<String, CatalogSnapshot.Column> old = new LinkedHashMap<>();
        if (before != null) {
            before.columns().forEach(c -> old.put(c.name(), c));
        }
        List<String> added = new ArrayList<>();
        List<Changes.ColumnChange> changed = new ArrayList<>();
        for (CatalogSnapshot.Column column : after.columns()) {
            CatalogSnapshot.Column previous = old.remove(column.name());
            if (previous == null) {
                added.add(column.name());
                continue;
            }
            List<FieldChange> columnFields = new ArrayList<>();
            COLUMN_FIELDS.forEach((name, value) -> compare(name, value.apply(previous), value.apply(column))
                    .ifPresent(columnFields::add));
            if (!columnFields.isEmpty()) {
                changed.add(new Changes.ColumnChange(column.name(), columnFields));
            }
        }
        return new Changes(fields, added, List.copyOf(old.keySet()), changed);
    }

    private static Optional<FieldChange> compare(String name, Object before, Object after) {
        if (Objects.equals(before, after)) {
            return Optional.empty();
        }
        return Optional.of(new FieldChange(name, text(before), text(after)));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
