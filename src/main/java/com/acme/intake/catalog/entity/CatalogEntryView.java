package com.acme.intake.catalog.entity;

import java.time.Instant;
import java.util.List;

import com.acme.intake.request.entity.Layer;
import com.acme.intake.request.entity.Refresh;

/**
 * A catalog entry at one revision, as {@code GET /api/catalog/{key}} answers. The markdown fields
 * come with their safely rendered HTML ({@code descriptionHtml}, {@code gapsHtml}).
 */
public record CatalogEntryView(String key, int revision, Instant revisedAt, String revisedBy, String reason,
                               String title, String description, String descriptionHtml, String owner,
                               String businessUnit, Layer layer, CatalogSnapshot.Lineage lineage, String lineageText,
                               Refresh refresh, int retentionDays, CatalogSnapshot.LastLoad lastLoad, String knownGaps,
                               String gapsHtml, List<CatalogSnapshot.Column> columns, Changes changes) {
}
