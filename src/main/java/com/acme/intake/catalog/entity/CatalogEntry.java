package com.acme.intake.catalog.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.acme.intake.request.entity.Layer;

/**
 * The head of a dataset's catalog history: which revision is the latest, and the few facts search
 * filters on, copied from that revision. The content itself is in {@link CatalogRevision}.
 */
@Entity
@Table(name = "catalog_entry")
public class CatalogEntry {

    /** Longest normalised search text kept; beyond it a (theoretical) giant entry is searched by its start. */
    public static final int MAX_SEARCH_TEXT = 1_000_000;

    @Id
    @Column(name = "dataset_key")
    private String datasetKey;

    @Column(nullable = false)
    private String title;

    @Column(name = "business_unit", nullable = false)
    private String businessUnit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Layer layer;

    @Column(name = "owner_name", nullable = false)
    private String owner;

    @Column(name = "has_pii", nullable = false)
    private boolean pii;

    @Column(name = "latest_revision", nullable = false)
    private int latestRevision;

    /** NFKC-normalised, lower-case text of everything searchable (see {@code SearchText}). */
    @Column(name = "search_text", nullable = false)
    private String searchText;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected CatalogEntry() {
    }

    public CatalogEntry(String key) {
        this.datasetKey = key;
    }

    /** Points the entry at a new latest revision. */
    public void revisedTo(int revision, CatalogSnapshot snapshot, String searchText, Instant now) {
        this.latestRevision = revision;
        this.title = snapshot.title();
        this.businessUnit = snapshot.businessUnit();
        this.layer = snapshot.layer();
        this.owner = snapshot.owner();
        this.pii = snapshot.hasPii();
        this.searchText = searchText.length() > MAX_SEARCH_TEXT ? searchText.substring(0, MAX_SEARCH_TEXT) : searchText;
        this.updatedAt = now;
    }

    public CatalogSummary summary() {
        return new CatalogSummary(datasetKey, title, businessUnit, layer, owner, pii, latestRevision, updatedAt);
    }

    public String key() {
        return datasetKey;
    }

    public int latestRevision() {
        return latestRevision;
    }
}
