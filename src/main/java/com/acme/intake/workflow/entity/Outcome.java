package com.acme.intake.workflow.entity;

/** What a reviewer decides on a review task. */
public enum Outcome {
    APPROVE,
    REJECT,
    /** Send the request back to the requester, who revises it; it is then routed again. */
    REQUEST_CHANGES;

    /** Reject and request changes must say why. */
    public boolean needsComment() {
        return this != APPROVE;
    }
}
