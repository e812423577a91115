package com.acme.intake.workflow.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import com.acme.intake.catalog.control.CatalogRegistry;
import com.acme.intake.catalog.entity.Registration;
import com.acme.intake.provisioning.control.ProvisioningRuns;
import com.acme.intake.provisioning.entity.ProvisioningRun;
import com.acme.intake.request.control.IntakeRequests;
import com.acme.intake.request.entity.IntakeRequest;
import com.acme.intake.workflow.entity.ProcessIds;

/**
 * The catalog registration service task (asynchronous, retried): creates or revises the dataset's
 * catalog entry from the approved request and its last successful provisioning run.
 */
@Named(ProcessIds.BEAN_REGISTER_CATALOG)
@ApplicationScoped
public class RegisterCatalogEntryDelegate implements JavaDelegate {

    @Inject
    IntakeRequests requests;

    @Inject
    ProvisioningRuns runs;

    @Inject
    CatalogRegistry catalog;

    @Override
    public void execute(DelegateExecution execution) {
        long requestId = RequestStatusUpdater.requestId(execution);
        IntakeRequest request = requests.find(requestId);
        ProvisioningRun run = runs.lastSucceeded(requestId).orElseThrow(() -> new IllegalStateException(
                "request " + requestId + " reached catalog registration without a successful provisioning run"));
        catalog.register(request, new Registration(run.targetTable(), run.rowsWritten(), run.finishedAt(),
                run.rowsRead(), run.keyId()));
    }
}
