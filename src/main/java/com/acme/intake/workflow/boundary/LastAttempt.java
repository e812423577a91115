package com.acme.intake.workflow.boundary;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;

import com.acme.intake.workflow.entity.ProcessIds;

/**
 * Turns the failure of an asynchronous, retried service task into a decision for people once the
 * engine's retries are used up: earlier attempts rethrow (the job is retried after its retry
 * cycle), the last one throws the BPMN error that the model catches with a boundary event, so the
 * platform team gets a task instead of a silent incident.
 */
public final class LastAttempt {

    private LastAttempt() {
    }

    /**
     * What to throw for {@code failure}: the failure itself, or on the last attempt a
     * {@link BpmnError} {@value ProcessIds#ERROR_PROVISIONING_FAILED} carrying {@code safeMessage}
     * (which must not contain data values: it is shown in the inbox).
     */
    public static RuntimeException of(DelegateExecution execution, RuntimeException failure, String safeMessage) {
        if (isLast(execution)) {
            return new BpmnError(ProcessIds.ERROR_PROVISIONING_FAILED, safeMessage);
        }
        return failure;
    }

    /**
     * What to throw for a failure that no retry can heal: the BPMN error at once, with
     * {@code safeMessage} for the platform team.
     */
    public static BpmnError without(String safeMessage) {
        return new BpmnError(ProcessIds.ERROR_PROVISIONING_FAILED, safeMessage);
    }

    /** True when this execution's job has no retry left after this attempt (or runs without a job). */
    static boolean isLast(DelegateExecution execution) {
        Job job = execution.getProcessEngineServices().getManagementService().createJobQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .activityId(execution.getCurrentActivityId())
                .singleResult();
        return job == null || job.getRetries() <= 1;
    }
}
