package com.acme.intake.catalog.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One immutable revision of a catalog entry: its number, who made it, when and why, and the full
 * snapshot as JSON. Nothing here is ever updated; a change is a new revision.
 */
@Entity
@Table(name = "catalog_revision")
@SequenceGenerator(name = "catalog_revision_seq", sequenceName = "catalog_revision_seq", allocationSize = 1)
@NamedQuery(name = CatalogRevision.OF_ENTRY,
        query = "SELECT r FROM CatalogRevision r WHERE r.datasetKey = :key ORDER BY r.number")
@NamedQuery(name = CatalogRevision.BY_NUMBER,
        query = "SELECT r FROM CatalogRevision r WHERE r.datasetKey = :key AND r.number = :number")
public class CatalogRevision {

    public static final String OF_ENTRY = "CatalogRevision.ofEntry";
    public static final String BY_NUMBER = "CatalogRevision.byNumber";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "catalog_revision_seq")
    private Long id;

    @Column(name = "dataset_key", nullable = false, updatable = false)
    private String datasetKey;

    @Column(name = "revision_no", nullable = false, updatable = false)
    private int number;

    @Column(nullable = false, updatable = false)
    private String author;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "request_id", updatable = false)
    private Long requestId;

    @Column(name = "snapshot", nullable = false, updatable = false)
    private String snapshotJson;

    protected CatalogRevision() {
    }

    public CatalogRevision(String key, int number, String author, Instant createdAt, String reason, Long requestId,
                           String snapshotJson) {
        this.datasetKey = key;
        this.number = number;
        this.author = author;
        this.createdAt = createdAt;
        this.reason = reason;
        this.requestId = requestId;
        this.snapshotJson = snapshotJson;
    }

    public String key() {
        return datasetKey;
    }

    public int number() {
        return number;
    }

    public String author() {
        return author;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String reason() {
        return reason;
    }

    public Long requestId() {
        return requestId;
    }

    public String snapshotJson() {
        return snapshotJson;
    }
}
