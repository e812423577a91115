package com.acme.intake.workflow;

import static com.acme.intake.workflow.entity.ProcessIds.VAR_REQUEST_ID;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Stands in for a provisioning or catalog delegate: records the request ids it was run for. */
public class RecordingDelegate implements JavaDelegate {

    private final List<Object> requestIds = new ArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
        requestIds.add(execution.getVariable(VAR_REQUEST_ID));
    }

    public List<Object> requestIds() {
        return requestIds;
    }
}
