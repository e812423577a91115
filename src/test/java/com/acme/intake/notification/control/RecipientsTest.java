package com.acme.intake.notification.control;

import static com.acme.intake.notification.control.NoticeFixtures.privacyTask;
import static com.acme.intake.notification.control.NoticeFixtures.toAlice;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.acme.intake.notification.entity.NoticeKind;

class RecipientsTest {

    private static final Map<String, Set<String>> GROUPS = Map.of(
            "privacy-reviewer", Set.of("priya", "petra"),
            "governance-lead", Set.of("grace"),
            "platform-engineer", Set.of("paul", "pat", "alice"));

    @ParameterizedTest
    @EnumSource(value = NoticeKind.class, names = {"CHANGES_REQUESTED", "REJECTED", "PROVISIONED", "PROVISIONING_FAILED", "PROVISIONING_ABORTED"})
    void requester_alone_is_told_about_their_request(NoticeKind kind) {
        assertThat(Recipients.of(toAlice(kind), GROUPS::get)).containsExactly("alice");
    }

    @Test
    void new_task_goes_to_every_member_of_its_candidate_group() {
        assertThat(Recipients.of(privacyTask(NoticeKind.TASK_CREATED, null, "privacy-reviewer"), GROUPS::get))
                .containsExactly("petra", "priya");
    }

    @Test
    void overdue_task_goes_to_assignee_first_then_reviewers_and_governance_leads() {
        var notice = privacyTask(NoticeKind.TASK_OVERDUE, "priya", "privacy-reviewer", "governance-lead");

        assertThat(Recipients.of(notice, GROUPS::get)).containsExactly("priya", "grace", "petra");
    }

    @Test
    void requester_is_never_told_to_review_their_own_request() {
        // given alice is also a platform engineer (four-eyes keeps her off her own review)
        var notice = privacyTask(NoticeKind.TASK_CREATED, null, "platform-engineer");

        assertThat(Recipients.of(notice, GROUPS::get)).containsExactly("pat", "paul");
    }

    @Test
    void task_of_a_group_without_members_has_no_recipients() {
        assertThat(Recipients.of(privacyTask(NoticeKind.TASK_CREATED, null, "auditor"), g -> Set.of())).isEmpty();
    }
}
