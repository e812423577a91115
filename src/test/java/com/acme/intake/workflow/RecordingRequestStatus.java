package com.acme.intake.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Stands in for the {@code requestStatus} bean: the model calls {@code update(scope, status)}. */
public class RecordingRequestStatus {

    private final List<String> statuses = new ArrayList<>();

    public void update(VariableScope scope, String status) {
        statuses.add(status);
    }

    public List<String> statuses() {
        return statuses;
    }
}
