package com.acme.intake.request.entity;

import java.time.Instant;

/** One line of a request list. */
public record RequestSummary(long id, String title, String businessUnit, String dataset, RequestStatus status,
                             String requester, Instant createdAt, Instant updatedAt) {

    public static RequestSummary of(IntakeRequest r) {
        return new RequestSummary(r.id(), r.title(), r.businessUnit(), r.dataset(), r.status(), r.requester(),
                r.createdAt(), r.updatedAt());
    }
}
