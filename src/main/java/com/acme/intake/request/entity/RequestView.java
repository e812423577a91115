package com.acme.intake.request.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A request as the API shows it, with its history (who did what, when). */
public record RequestView(
        long id,
        String title,
        String businessUnit,
        String dataset,
        String datasetKey,
        String owner,
        String purpose,
        Layer layer,
        IntakeRequestCommand.Source source,
        Refresh refresh,
        int retentionDays,
        RequestStatus status,
        String requester,
        Instant createdAt,
        Instant updatedAt,
        List<Column> columns,
        List<ProvisioningRunView> provisioningRuns,
        List<HistoryEntry> history,
        List<String> allowedActions) {

    /** Revise a request that waits for changes (PUT /api/requests/{id}). */
    public static final String REVISE = "REVISE";
    /** Withdraw a request still under review (POST /api/requests/{id}/withdraw). */
    public static final String WITHDRAW = "WITHDRAW";

    /** One provisioning attempt: figures, key id and outcome; the error never holds data values. */
    public record ProvisioningRunView(Instant startedAt, Instant finishedAt, String table, long rowsRead,
                                      long rowsWritten, long durationMs, String keyId, String outcome,
                                      String error) {
    }

    public record Column(String name, String type, String pii, String description, Masking masking) {
    }

    public record Masking(String method, Integer n, String to, BigDecimal width, String justification) {
    }

    public record HistoryEntry(long sequence, Instant at, String actor, String action, String taskId, String details) {
    }

    public static RequestView of(IntakeRequest r, List<ProvisioningRunView> runs, List<HistoryEntry> history,
                                 List<String> allowedActions) {
        return new RequestView(r.id(), r.title(), r.businessUnit(), r.dataset(), r.datasetKey(), r.owner(),
                r.purpose(), r.layer(),
                new IntakeRequestCommand.Source(r.sourceKind().name(), r.sourceConnection(), r.sourceTable(),
                        r.sourceFileName(), r.sourceUploadId()),
                r.refresh(), r.retentionDays(), r.status(), r.requester(), r.createdAt(), r.updatedAt(),
                r.columns().stream().map(c -> new Column(c.name(), c.type().name(), c.pii().name(), c.description(),
                        new Masking(c.method().name(), c.n(), c.to(), c.width(), c.justification()))).toList(),
                runs, history, allowedActions);
    }
}
