package com.acme.intake.workflow.boundary;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import com.acme.intake.workflow.entity.ProcessIds;
import com.acme.intake.workflow.entity.ProcessStep;
import com.acme.intake.workflow.entity.StepContext;
import com.acme.intake.workflow.entity.StepFailure;

/**
 * The engine's side of a feature's {@link ProcessStep}: gives it the execution's variables and turns
 * its {@link StepFailure} into a retry or the BPMN error ({@link LastAttempt}). Anything else the step
 * throws reaches the engine unchanged. The beans the model names are in {@link ProcessSteps}.
 */
public abstract class StepDelegate implements JavaDelegate {

    /** The step this delegate runs. */
    protected abstract ProcessStep step();

    /** A delegate for {@code step} outside the container (process tests). */
    public static StepDelegate of(ProcessStep step) {
        return new StepDelegate() {
            @Override
            protected ProcessStep step() {
                return step;
            }
        };
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            step().run(new StepContext() {
                @Override
                public long requestId() {
                    return ((Number) execution.getVariable(ProcessIds.VAR_REQUEST_ID)).longValue();
                }

                @Override
                public Object variable(String name) {
                    return execution.getVariable(name);
                }
            });
        } catch (StepFailure failure) {
            throw failure.retried()
                    ? LastAttempt.of(execution, failure.getCause(), failure.getMessage())
                    : LastAttempt.without(failure.getMessage());
        }
    }
}
