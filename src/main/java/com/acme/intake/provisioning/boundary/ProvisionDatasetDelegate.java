package com.acme.intake.provisioning.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.acme.intake.provisioning.control.MaskingKeys;
import com.acme.intake.provisioning.control.ProvisioningMetrics;
import com.acme.intake.provisioning.control.ProvisioningRuns;
import com.acme.intake.provisioning.control.Warehouse;
import com.acme.intake.provisioning.entity.LoadResult;
import com.acme.intake.provisioning.entity.ProvisioningFailure;
import com.acme.intake.provisioning.entity.ProvisioningRun;
import com.acme.intake.request.control.ApprovedColumns;
import com.acme.intake.request.control.IntakeRequests;
import com.acme.intake.request.entity.IntakeRequest;
import com.acme.intake.request.entity.SourceKind;
import com.acme.intake.source.control.Sources;
import com.acme.intake.source.entity.RowSource;
import com.acme.intake.source.entity.SourceProblem;
import com.acme.intake.workflow.entity.ProcessIds;
import com.acme.intake.workflow.entity.ProcessStep;
import com.acme.intake.workflow.entity.Step;
import com.acme.intake.workflow.entity.StepContext;
import com.acme.intake.workflow.entity.StepFailure;

/**
 * The provisioning service task (asynchronous, retried): copies the request's source into its
 * masked staging table and records the run. A failure is recorded and retried; when the last retry
 * fails, the platform team gets a task with the error ({@link StepFailure}). Errors shown there
 * name source, table, columns and types, never data values.
 */
@Step(ProcessIds.BEAN_PROVISION)
@ApplicationScoped
public class ProvisionDatasetDelegate implements ProcessStep {

    private static final Logger LOG = Logger.getLogger(ProvisionDatasetDelegate.class.getName());

    @Inject
    IntakeRequests requests;

    @Inject
    Sources sources;

    @Inject
    Warehouse warehouse;

    @Inject
    MaskingKeys keys;

    @Inject
    ProvisioningRuns runs;

    @Inject
    ProvisioningMetrics metrics;

    @Override
    public void run(StepContext step) {
        long requestId = step.requestId();
        IntakeRequest request = requests.find(requestId);
        Instant started = Instant.now();
        String mismatch = notAsApproved(request, (String) step.variable(ProcessIds.VAR_APPROVED_COLUMNS_HASH));
        if (mismatch != null) {
            throw StepFailure.withoutRetry(recorded(request, started, mismatch));
        }
        try {
            LoadResult result = warehouse.provision(request, source(request));
            runs.succeeded(request, started, result);
            metrics.record(Duration.between(started, Instant.now()), true);
        } catch (RuntimeException e) {
            metrics.record(Duration.between(started, Instant.now()), false);
            String error = ProvisioningRun.fitted(safeMessage(e));
            throw StepFailure.retried(e, recorded(request, started, error));
        }
    }

    /**
     * Records the failed run and returns the error for the platform team. Recording can fail too (the
     * database refuses, a bug): that must not keep the failure from the platform team, so it is
     * logged and said in the error instead.
     */
    private String recorded(IntakeRequest request, Instant started, String error) {
        try {
            runs.failed(request, started, keyId(), error);
            return error;
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Could not record the failed provisioning run of request " + request.id()
                    + ", reference " + reference, e);
            String note = " (this run could not be recorded; see the server log, reference " + reference + ")";
            return ProvisioningRun.fitted(error, ProvisioningRun.MAX_ERROR - note.length()) + note;
        }
    }

    private String keyId() {
        try {
            return keys.current().id();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Why the request may not be loaded as it is now, or null: its columns and masking must be those
     * the final approval approved (their fingerprint, recorded then). No retry changes that, so the
     * platform team is told at once.
     */
    private static String notAsApproved(IntakeRequest request, String approvedHash) {
        String now = ApprovedColumns.hash(request.columns());
        if (approvedHash == null) {
            return "load refused: no fingerprint of the approved columns and masking was recorded at the final"
                    + " approval of request " + request.id() + "; abort, and submit the request again";
        }
        if (!approvedHash.equals(now)) {
            return "load refused: the columns or masking of request " + request.id() + " no longer match what the"
                    + " final approval approved (approved SHA-256 " + approvedHash + ", now " + now
                    + "); they were changed after the approval, outside the application";
        }
        return null;
    }

    private RowSource source(IntakeRequest request) {
        return request.sourceKind() == SourceKind.JDBC
                ? sources.forJdbc(request.sourceConnection(), request.sourceTable())
                : sources.forUpload(request.sourceUploadId());
    }

    /** Failures of our own carry safe messages; anything else is logged and referred to. */
    private static String safeMessage(RuntimeException e) {
        if (e instanceof ProvisioningFailure || e instanceof SourceProblem) {
            return e.getMessage();
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Provisioning failed unexpectedly, reference " + reference, e);
        return "unexpected " + e.getClass().getSimpleName() + "; see the server log, reference " + reference;
    }
}
