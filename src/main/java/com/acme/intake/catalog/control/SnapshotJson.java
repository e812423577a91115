package com.acme.intake.catalog.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyOrderStrategy;

import com.acme.intake.catalog.entity.CatalogSnapshot;

/** Snapshots as stored in {@code catalog_revision.snapshot}: JSON-B, properties in a fixed order. */
public final class SnapshotJson {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyOrderStrategy(PropertyOrderStrategy.LEXICOGRAPHICAL));

    private SnapshotJson() {
    }

    public static String write(CatalogSnapshot snapshot) {
        return JSONB.toJson(snapshot);
    }

    public static CatalogSnapshot read(String json) {
        return JSONB.fromJson(json, CatalogSnapshot.class);
    }
}
