package com.acme.intake.catalog.boundary;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.acme.intake.catalog.control.CatalogRegistry;
import com.acme.intake.catalog.entity.Registration;
import com.acme.intake.provisioning.control.ProvisioningRuns;
import com.acme.intake.provisioning.entity.ProvisioningFailure;
import com.acme.intake.provisioning.entity.ProvisioningRun;
import com.acme.intake.request.control.IntakeRequests;
import com.acme.intake.request.entity.IntakeRequest;
import com.acme.intake.workflow.entity.ProcessIds;
import com.acme.intake.workflow.entity.ProcessStep;
import com.acme.intake.workflow.entity.Step;
import com.acme.intake.workflow.entity.StepContext;
import com.acme.intake.workflow.entity.StepFailure;

/**
 * The catalog registration service task (asynchronous, retried): creates or revises the dataset's
 * catalog entry from the approved request and its last successful provisioning run. When the last
 * retry fails, the platform team gets the resolve task with the error ({@link StepFailure}); the
 * registration runs in a transaction of its own so that its failure does not doom the engine's.
 */
@Step(ProcessIds.BEAN_REGISTER_CATALOG)
@ApplicationScoped
public class RegisterCatalogEntryDelegate implements ProcessStep {

    @Inject
    IntakeRequests requests;

    @Inject
    ProvisioningRuns runs;

    @Inject
    CatalogRegistry catalog;

    private static final Logger LOG = Logger.getLogger(RegisterCatalogEntryDelegate.class.getName());

    @Override
    public void run(StepContext step) {
        long requestId = step.requestId();
        try {
            IntakeRequest request = requests.find(requestId);
            ProvisioningRun run = runs.lastSucceeded(requestId).orElseThrow(() -> new IllegalStateException(
                    "request " + requestId + " reached catalog registration without a successful provisioning run"));
            catalog.registerAlone(request, new Registration(run.targetTable(), run.rowsWritten(), run.finishedAt(),
                    run.rowsRead(), run.keyId()));
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.WARNING, "Catalog registration of request " + requestId + " failed, reference " + reference, e);
            String cause = e instanceof ProvisioningFailure ? e.getMessage() : e.getClass().getSimpleName();
            throw StepFailure.retried(e, ProvisioningRun.fitted("catalog registration failed: " + cause
                    + "; see the server log, reference " + reference));
        }
    }
}
