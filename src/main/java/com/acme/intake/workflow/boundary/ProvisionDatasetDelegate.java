package com.acme.intake.workflow.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import com.acme.intake.audit.control.AuditTrail;
import com.acme.intake.audit.entity.AuditAction;
import com.acme.intake.request.control.IntakeRequests;
import com.acme.intake.request.entity.IntakeRequest;
import com.acme.intake.workflow.entity.ProcessIds;

/**
 * The provisioning service task (asynchronous, retried). For now it records that it ran; copying
 * the masked data into the warehouse is the next step of the product (issue 3).
 */
@Named(ProcessIds.BEAN_PROVISION)
@ApplicationScoped
public class ProvisionDatasetDelegate implements JavaDelegate {

    @Inject
    IntakeRequests requests;

    @Inject
    AuditTrail audit;

    @Override
    public void execute(DelegateExecution execution) {
        long requestId = ((Number) execution.getVariable(ProcessIds.VAR_REQUEST_ID)).longValue();
        IntakeRequest request = requests.find(requestId);
        audit.record(AuditTrail.SYSTEM, AuditAction.PROVISIONING_RUN, requestId, null, request.businessUnit(),
                "target=staging." + request.datasetKey() + "; outcome=RECORDED (loading not yet implemented)");
    }
}
