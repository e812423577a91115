package com.acme.intake.workflow.entity;

import java.util.EnumSet;
import java.util.Set;

/** What a reviewer decides on a review task, or the platform team on a failed provisioning. */
public enum Outcome {
    APPROVE,
    REJECT,
    /** Send the request back to the requester, who revises it; it is then routed again. */
    REQUEST_CHANGES,
    /** Provisioning failed: run it again (after the cause was fixed). */
    RETRY,
    /** Provisioning failed: give up; the request ends as PROVISIONING_ABORTED. */
    ABORT;

    /** The outcomes of the privacy and platform reviews. */
    public static final Set<Outcome> REVIEW = EnumSet.of(APPROVE, REJECT, REQUEST_CHANGES);
    /** The outcomes of resolving a failed provisioning. */
    public static final Set<Outcome> RESOLUTION = EnumSet.of(RETRY, ABORT);

    /** Reject, request changes and abort must say why. */
    public boolean needsComment() {
        return this == REJECT || this == REQUEST_CHANGES || this == ABORT;
    }
}
