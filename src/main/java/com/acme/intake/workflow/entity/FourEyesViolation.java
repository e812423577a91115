package com.acme.intake.workflow.entity;

/**
 * A review was claimed or completed by someone the four-eyes rule excludes: the requester, or the
 * person who already did the other review of the same round. Thrown inside the engine, so no client
 * can bypass the rule; the engine reports it wrapped in its own exception, whose cause this is.
 */
public class FourEyesViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Which part of the rule refused: the requester, the person of the other review, or nobody known. */
    public enum Kind { OWN_REQUEST, SAME_PERSON, UNKNOWN_REVIEWER }

    private final Kind kind;
    private final String user;

    private FourEyesViolation(Kind kind, String user, String message) {
        super(message);
        this.kind = kind;
        this.user = user;
    }

    public static FourEyesViolation ownRequest(String user, String request) {
        return new FourEyesViolation(Kind.OWN_REQUEST, user,
                "%s submitted request %s and cannot review it".formatted(user, request));
    }

    public static FourEyesViolation otherReviewDone(String user, String request, String doneReview, String thisReview) {
        return new FourEyesViolation(Kind.SAME_PERSON, user,
                "%s did the %s of request %s; the %s needs another person".formatted(user, doneReview, request, thisReview));
    }

    /** Nobody is authenticated and the task has no assignee, so the rule cannot be checked. */
    public static FourEyesViolation unknownReviewer(String request, String review) {
        return new FourEyesViolation(Kind.UNKNOWN_REVIEWER, null,
                "the %s of request %s cannot be completed without a known reviewer: authenticate or claim the task"
                        .formatted(review, request));
    }

    public Kind kind() {
        return kind;
    }

    /** The user the rule refused, or null when no reviewer was known. */
    public String user() {
        return user;
    }
}
