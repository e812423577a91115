package com.acme.intake.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Stands in for the {@code requestStatus} bean: the model calls {@code update(scope, status)} and,
 * when a review passes its SLA, {@code escalated(scope, review)}.
 */
public class RecordingRequestStatus {

    private final List<String> statuses = new ArrayList<>();
    private final List<String> escalations = new ArrayList<>();

    public void escalated(VariableScope scope, String review) {
        escalations.add(review);
    }

    public List<String> escalations() {
        return escalations;
    }

    public void update(VariableScope scope, String status) {
        statuses.add(status);
    }

    public List<String> statuses() {
        return statuses;
    }
}
