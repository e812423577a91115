package com.acme.intake.inbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.acme.intake.security.Role;
import com.acme.intake.workflow.entity.ProcessIds;

/** The actions a task offers, by the rules claim, unclaim and decide enforce. */
class InboxActionsTest {

    private static final Set<String> REVIEWER = Set.of(Role.PRIVACY_REVIEWER);

    @Test
    void a_free_review_is_claimed_or_decided_by_a_reviewer() {
        assertThat(Inbox.allowedActions(ProcessIds.TASK_PRIVACY_REVIEW, null, "alice", "priya", REVIEWER))
                .containsExactly("CLAIM", "APPROVE", "REJECT", "REQUEST_CHANGES");
    }

    @Test
    void ones_own_claim_is_unclaimed_or_decided() {
        assertThat(Inbox.allowedActions(ProcessIds.TASK_PLATFORM_REVIEW, "paul", "alice", "paul",
                Set.of(Role.PLATFORM_ENGINEER))).containsExactly("UNCLAIM", "APPROVE", "REJECT", "REQUEST_CHANGES");
    }

    @Test
    void someone_elses_claim_leaves_nothing_to_do() {
        assertThat(Inbox.allowedActions(ProcessIds.TASK_PLATFORM_REVIEW, "paul", "alice", "pat",
                Set.of(Role.PLATFORM_ENGINEER))).isEmpty();
    }

    @Test
    void a_failed_provisioning_is_retried_or_aborted() {
        assertThat(Inbox.allowedActions(ProcessIds.TASK_RESOLVE_PROVISIONING, null, "alice", "paul",
                Set.of(Role.PLATFORM_ENGINEER))).containsExactly("CLAIM", "RETRY", "ABORT");
    }

    @Test
    void the_revision_is_the_requesters_and_done_on_the_request_page() {
        assertThat(Inbox.allowedActions(ProcessIds.TASK_REVISE, "alice", "alice", "alice",
                Set.of(Role.REQUESTER))).containsExactly("REVISE");
        assertThat(Inbox.allowedActions(ProcessIds.TASK_REVISE, "alice", "alice", "priya", REVIEWER))
                .isEmpty();
    }

    @Test
    void a_requester_decides_nothing() {
        assertThat(Inbox.allowedActions(ProcessIds.TASK_PRIVACY_REVIEW, null, "alice", "alice",
                Set.of(Role.REQUESTER))).isEmpty();
    }
}
