package com.acme.intake.workflow.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.VariableScope;

import com.acme.intake.request.control.IntakeRequests;
import com.acme.intake.request.entity.RequestStatus;
import com.acme.intake.workflow.entity.ProcessIds;

/**
 * Called from listeners in the model, e.g. {@code ${requestStatus.update(task, 'IN_PRIVACY_REVIEW')}}:
 * moves the request to the status the process has reached, in the engine's transaction.
 */
@Named(ProcessIds.BEAN_REQUEST_STATUS)
@ApplicationScoped
public class RequestStatusUpdater {

    @Inject
    IntakeRequests requests;

    public void update(VariableScope scope, String status) {
        long requestId = ((Number) scope.getVariable(ProcessIds.VAR_REQUEST_ID)).longValue();
        requests.moveTo(requestId, RequestStatus.valueOf(status), EngineActor.of(scope));
    }
}
