package com.acme.intake.workflow.entity;

/**
 * How the embedded engine stands, for the readiness check.
 *
 * @param processDeployed     the approval process is deployed (the engine answers from its database)
 * @param jobExecutorActive   this node's job executor is running (timers, provisioning)
 * @param jobExecutorExpected configuration asks this node to run jobs ({@code intake.jobs.active})
 */
public record EngineState(boolean processDeployed, boolean jobExecutorActive, boolean jobExecutorExpected) {

    /** Ready when the process is deployed and the job executor runs if, and only if, it should. */
    public boolean ready() {
        return processDeployed && jobExecutorActive == jobExecutorExpected;
    }
}
