package com.acme.intake.provisioning.entity;

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
 * One attempt to provision a request's staging table: what was read and written, how long it took,
 * which masking key id was used, and how it ended. Failed attempts are kept too (their error names
 * source, table, columns and types, never data values).
 */
@Entity
@Table(name = "provisioning_run")
@SequenceGenerator(name = "provisioning_run_seq", sequenceName = "provisioning_run_seq", allocationSize = 1)
@NamedQuery(name = ProvisioningRun.FOR_REQUEST,
        query = "SELECT r FROM ProvisioningRun r WHERE r.requestId = :requestId ORDER BY r.id")
public class ProvisioningRun {

    public static final String FOR_REQUEST = "ProvisioningRun.forRequest";

    public enum Outcome { SUCCEEDED, FAILED }

    /** The longest error text kept ({@code provisioning_run.error_message}); longer ones are cut. */
    public static final int MAX_ERROR = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "provisioning_run_seq")
    private Long id;

    @Column(name = "request_id", nullable = false)
    private long requestId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at", nullable = false)
    private Instant finishedAt;

    @Column(name = "rows_read", nullable = false)
    private long rowsRead;

    @Column(name = "rows_written", nullable = false)
    private long rowsWritten;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    @Column(name = "key_id")
    private String keyId;

    @Column(nullable = false)
    private String outcome;

    @Column(name = "error_message")
    private String errorMessage;

    @Column(name = "target_table", nullable = false)
    private String targetTable;

    protected ProvisioningRun() {
    }

    public ProvisioningRun(long requestId, Instant startedAt, Instant finishedAt, long rowsRead, long rowsWritten,
                           String keyId, Outcome outcome, String errorMessage, String targetTable) {
        this.requestId = requestId;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.rowsRead = rowsRead;
        this.rowsWritten = rowsWritten;
        this.durationMs = Math.max(0, finishedAt.toEpochMilli() - startedAt.toEpochMilli());
        this.keyId = keyId;
        this.outcome = outcome.name();
        this.errorMessage = fitted(errorMessage);
        this.targetTable = targetTable;
    }

    /**
     * {@code error} cut to {@value #MAX_ERROR} characters (ending in "..." when cut), never splitting
     * a surrogate pair; null stays null.
     */
    public static String fitted(String error) {
        return fitted(error, MAX_ERROR);
    }

    /** {@code error} cut to {@code max} characters, as {@link #fitted(String)}. */
    public static String fitted(String error, int max) {
        if (error == null || error.length() <= max) {
            return error;
        }
        int end = max - 3;
        if (Character.isHighSurrogate(error.charAt(end - 1))) {
            end--;
        }
        return error.substring(0, end) + "...";
    }

    public Long id() {
        return id;
    }

    public long requestId() {
        return requestId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public long rowsRead() {
        return rowsRead;
    }

    public long rowsWritten() {
        return rowsWritten;
    }

    public long durationMs() {
        return durationMs;
    }

    public String keyId() {
        return keyId;
    }

    public String outcome() {
        return outcome;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public String targetTable() {
        return targetTable;
    }
}
