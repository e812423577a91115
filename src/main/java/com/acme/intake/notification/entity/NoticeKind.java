package com.acme.intake.notification.entity;

/** Why someone gets a mail; the first five go to the requester, the last two to reviewers. */
public enum NoticeKind {
    CHANGES_REQUESTED(true),
    REJECTED(true),
    PROVISIONED(true),
    PROVISIONING_FAILED(true),
    PROVISIONING_ABORTED(true),
    /** A review (or the platform team's provisioning-failure task) is waiting in their inbox. */
    TASK_CREATED(false),
    /** A review passed its SLA and was offered to the governance leads too. */
    TASK_OVERDUE(false);

    private final boolean forRequester;

    NoticeKind(boolean forRequester) {
        this.forRequester = forRequester;
    }

    /** True when the requester is told; otherwise the task's candidates and assignee are. */
    public boolean forRequester() {
        return forRequester;
    }
}
