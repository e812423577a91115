package com.acme.intake.provisioning.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import com.acme.intake.audit.control.AuditTrail;
import com.acme.intake.audit.entity.AuditAction;
import com.acme.intake.provisioning.entity.LoadResult;
import com.acme.intake.provisioning.entity.ProvisioningRun;
import com.acme.intake.request.control.ProvisioningHistory;
import com.acme.intake.request.entity.IntakeRequest;
import com.acme.intake.request.entity.RequestView;

/**
 * The record of provisioning runs. A successful run is recorded in the engine's transaction, with
 * the process moving on; a failed run in a transaction of its own, because the engine's
 * transaction of a failing job rolls back, and the attempt must stay on the record anyway.
 */
@ApplicationScoped
public class ProvisioningRuns implements ProvisioningHistory {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public ProvisioningRun succeeded(IntakeRequest request, Instant startedAt, LoadResult result) {
        var run = new ProvisioningRun(request.id(), startedAt, Instant.now(), result.rowsRead(), result.rowsWritten(),
                result.keyId(), ProvisioningRun.Outcome.SUCCEEDED, null, result.table());
        em.persist(run);
        audit.record(AuditTrail.SYSTEM, AuditAction.PROVISIONING_RUN, request.id(), null, request.businessUnit(),
                "outcome=SUCCEEDED; table=" + result.table() + "; rowsRead=" + result.rowsRead() + "; rowsWritten="
                        + result.rowsWritten() + "; durationMs=" + result.durationMillis() + "; keyId=" + result.keyId());
        return run;
    }

    /**
     * Records a failed run, with {@code error} cut to what the record holds
     * ({@link ProvisioningRun#fitted}), in the run and in the audit event alike.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ProvisioningRun failed(IntakeRequest request, Instant startedAt, String keyId, String fullError) {
        String error = ProvisioningRun.fitted(fullError);
        String table = "staging." + request.datasetKey();
        var run = new ProvisioningRun(request.id(), startedAt, Instant.now(), 0, 0, keyId,
                ProvisioningRun.Outcome.FAILED, error, table);
        em.persist(run);
        audit.record(AuditTrail.SYSTEM, AuditAction.PROVISIONING_RUN, request.id(), null, request.businessUnit(),
                "outcome=FAILED; table=" + table + "; error=" + error);
        return run;
    }

    public List<ProvisioningRun> forRequest(long requestId) {
        return em.createNamedQuery(ProvisioningRun.FOR_REQUEST, ProvisioningRun.class)
                .setParameter("requestId", requestId)
                .getResultList();
    }

    /** The last successful run of a request, whose figures the catalog entry shows. */
    @Override
    public List<RequestView.ProvisioningRunView> runsOf(long requestId) {
        return forRequest(requestId).stream()
                .map(r -> new RequestView.ProvisioningRunView(r.startedAt(), r.finishedAt(), r.targetTable(),
                        r.rowsRead(), r.rowsWritten(), r.durationMs(), r.keyId(), r.outcome(), r.errorMessage()))
                .toList();
    }

    public Optional<ProvisioningRun> lastSucceeded(long requestId) {
        return forRequest(requestId).stream()
                .filter(r -> ProvisioningRun.Outcome.SUCCEEDED.name().equals(r.outcome()))
                .reduce((first, second) -> second);
    }
}
