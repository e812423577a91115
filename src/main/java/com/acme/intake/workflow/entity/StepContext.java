package com.acme.intake.workflow.entity;

/** What a {@link ProcessStep} may read of the process instance it runs in. */
public interface StepContext {

    /** The id of the request the process instance is about. */
    long requestId();

    /** A process variable by its name in {@link ProcessIds}, or null when it is not set. */
    Object variable(String name);
}
