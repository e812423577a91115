package com.acme.intake.workflow.entity;

/**
 * A service task's work, done by the feature whose work it is without knowing the engine: the
 * feature's delegate implements this, carries {@link Step} with the bean name the model uses, and
 * workflow hands it to the engine as a delegate. It reads what it needs from the {@link StepContext}
 * and throws {@link StepFailure} to say how a failure reaches the people who must act.
 */
public interface ProcessStep {

    void run(StepContext context);
}
