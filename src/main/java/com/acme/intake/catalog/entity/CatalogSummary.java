package com.acme.intake.catalog.entity;

import java.time.Instant;

import com.acme.intake.request.entity.Layer;

/** One search hit: enough to list an entry and link to it. */
public record CatalogSummary(String key, String title, String businessUnit, Layer layer, String owner, boolean pii,
                             int revision, Instant updatedAt) {
}
