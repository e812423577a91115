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
    /** The platform team gave up on a failed provisioning: the request ends without a dataset. */
    PROVISIONING_ABORTED,
    PROVISIONED,
    WITHDRAWN;

    private static final Set<RequestStatus> WITHDRAWABLE =
            EnumSet.of(SUBMITTED, IN_PRIVACY_REVIEW, IN_PLATFORM_REVIEW, CHANGES_REQUESTED);
    private static final Set<RequestStatus> ENDED = EnumSet.of(REJECTED, PROVISIONED, PROVISIONING_ABORTED, WITHDRAWN);

    /** The request will not be provisioned (again): nothing of its source is needed any more. */
    public boolean ended() {
        return ENDED.contains(this);
    }

    public static Set<RequestStatus> endedOnes() {
        return EnumSet.copyOf(ENDED);
    }

    /** A requester may withdraw a request until it is decided. */
    public boolean withdrawable() {
        return WITHDRAWABLE.contains(this);
    }
}
