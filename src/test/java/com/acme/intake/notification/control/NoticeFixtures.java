package com.acme.intake.notification.control;

import java.util.Set;

import com.acme.intake.notification.entity.Notice;
import com.acme.intake.notification.entity.NoticeKind;

/** Notices as the workflow fires them, for the notification tests. */
public final class NoticeFixtures {

    private NoticeFixtures() {
    }

    public static Notice toAlice(NoticeKind kind) {
        return Notice.toRequester(kind, 42, "alice", "marketing", "crm_customers");
    }

    public static Notice privacyTask(NoticeKind kind, String assignee, String... groups) {
        return Notice.aboutTask(kind, 42, "alice", "marketing", "crm_customers", "task-7f3a", "privacyReview",
                Set.of(groups), assignee);
    }
}
