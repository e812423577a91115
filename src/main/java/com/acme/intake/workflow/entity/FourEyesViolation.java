package com.acme.intake.workflow.entity;

/** A review refused because the actor may not do it: their own request, or both reviews of one request. */
public class FourEyesViolation extends RuntimeException {

    public FourEyesViolation(String message) {
        super(message);
    }
}
