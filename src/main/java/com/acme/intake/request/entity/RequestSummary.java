package com.acme.intake.request.entity;

import java.time.Instant;

/** One line of a request list. */
public record RequestSummary(long id, String title, String businessUnit, String dataset, RequestStatus status,
                             String requester, Instant createdAt, Instant updatedAt) {

    /**
     * The fields of a summary, to select in JPQL about {@code IntakeRequest r}: a list then reads only
     * them, not each request's columns (an eager collection, loaded by one more query per request).
     */
    public static final String SELECTED = "r.id, r.title, r.businessUnit, r.dataset, r.status, r.requester, "
            + "r.createdAt, r.updatedAt";

    /** From a row selected with {@link #SELECTED}, starting at {@code from}. */
    public static RequestSummary of(Object[] row, int from) {
        return new RequestSummary((Long) row[from], (String) row[from + 1], (String) row[from + 2],
                (String) row[from + 3], (RequestStatus) row[from + 4], (String) row[from + 5], (Instant) row[from + 6],
                (Instant) row[from + 7]);
    }
}
