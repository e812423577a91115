package com.acme.intake.request.entity;

import java.util.EnumSet;
import java.util.Set;

/** Where an intake request stands. The process sets it as it moves (see bpmn/intake-approval.bpmn). */
public enum RequestStatus {
    SUBMITTED,
    IN_PRIVACY_REVIEW,
    IN_PLATFORM_REVIEW,
    CHANGES_REQUESTED,
    REJECTED,
    PROVISIONING,
    PROVISIONING_FAILED,
    PROVISIONED,
    WITHDRAWN;

    private static final Set<RequestStatus> WITHDRAWABLE =
            EnumSet.of(SUBMITTED, IN_PRIVACY_REVIEW, IN_PLATFORM_REVIEW, CHANGES_REQUESTED);

    /** A requester may withdraw a request until it is decided. */
    public boolean withdrawable() {
        return WITHDRAWABLE.contains(this);
    }
}
