package com.acme.intake.workflow.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.VariableScope;

import com.acme.intake.audit.control.AuditTrail;
import com.acme.intake.audit.entity.AuditAction;
import com.acme.intake.request.control.IntakeRequests;
import com.acme.intake.request.entity.IntakeRequest;
import com.acme.intake.request.entity.RequestStatus;
import com.acme.intake.workflow.entity.ProcessIds;

/**
 * Called from listeners in the model, e.g. {@code ${requestStatus.update(task, 'IN_PRIVACY_REVIEW')}}:
 * moves the request to the status the process has reached, in the engine's transaction; and records
 * escalations of overdue reviews.
 */
@Named(ProcessIds.BEAN_REQUEST_STATUS)
@ApplicationScoped
public class RequestStatusUpdater {

    @Inject
    IntakeRequests requests;

    @Inject
    AuditTrail audit;

    public void update(VariableScope scope, String status) {
        requests.moveTo(requestId(scope), RequestStatus.valueOf(status), EngineActor.of(scope));
    }

    /** Called when a review passed its SLA and was offered to the governance leads: recorded on the trail. */
    public void escalated(VariableScope scope, String review) {
        long requestId = requestId(scope);
        IntakeRequest request = requests.find(requestId);
        audit.record(AuditTrail.SYSTEM, AuditAction.REVIEW_ESCALATED, requestId, null, request.businessUnit(),
                review + " overdue; offered to " + ProcessIds.GROUP_GOVERNANCE_LEAD);
    }

    /** The id of the request a process instance is about (the variable is stored as a Long). */
    static long requestId(VariableScope scope) {
        return ((Number) scope.getVariable(ProcessIds.VAR_REQUEST_ID)).longValue();
    }
}
