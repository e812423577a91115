package com.acme.intake.workflow;

import static com.acme.intake.workflow.entity.ProcessIds.END_PROVISIONED;
import static com.acme.intake.workflow.entity.ProcessIds.END_REJECTED;
import static com.acme.intake.workflow.entity.ProcessIds.GROUP_PLATFORM_ENGINEER;
import static com.acme.intake.workflow.entity.ProcessIds.GROUP_PRIVACY_REVIEWER;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_PLATFORM_REVIEW;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_PRIVACY_REVIEW;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_PROVISION;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_REGISTER_CATALOG;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_REVISE;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_ROUTE;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_PRIVACY_REVIEW_REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.acme.intake.workflow.entity.Outcome;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Every path through {@code intakeApproval}, with the statuses the request goes through. */
class IntakeApprovalProcessTest extends IntakeProcessTestSupport {

    @Test
    void requestWithPiiIsProvisionedAfterBothApprovals() {
        // given
        ProcessInstance instance = submit("PERSONAL", false);
        assertThat(instance).isWaitingAt(TASK_PRIVACY_REVIEW).variables().containsEntry(VAR_PRIVACY_REVIEW_REQUIRED, true);
        assertThat(instance).task().hasCandidateGroup(GROUP_PRIVACY_REVIEWER);

        // when
        decide(instance, TASK_PRIVACY_REVIEW, PRIYA, Outcome.APPROVE);
        assertThat(instance).isWaitingAt(TASK_PLATFORM_REVIEW).task().hasCandidateGroup(GROUP_PLATFORM_ENGINEER);
        decide(instance, TASK_PLATFORM_REVIEW, PAUL, Outcome.APPROVE);

        // then provisioning waits for the job executor, then runs as two retried jobs
        assertThat(instance).isWaitingAt(TASK_PROVISION);
        assertThat(provisioning.requestIds()).isEmpty();
        executeJobs(instance);
        assertThat(instance).hasPassedInOrder(TASK_PRIVACY_REVIEW, TASK_PLATFORM_REVIEW, TASK_PROVISION, TASK_REGISTER_CATALOG)
                .isEnded();
        assertThat(instance).hasPassed(END_PROVISIONED);
        assertThat(provisioning.requestIds()).containsExactly(REQUEST_ID);
        assertThat(catalog.requestIds()).containsExactly(REQUEST_ID);
        assertThat(requestStatus.statuses())
                .containsExactly("IN_PRIVACY_REVIEW", "IN_PLATFORM_REVIEW", "PROVISIONING", "PROVISIONED");
    }

    @Test
    void requestWithoutPiiSkipsThePrivacyReview() {
        // given
        ProcessInstance instance = submit("NONE", false);

        // when
        decide(instance, TASK_PLATFORM_REVIEW, PAUL, Outcome.APPROVE);
        executeJobs(instance);

        // then
        assertThat(instance).hasNotPassed(TASK_PRIVACY_REVIEW).hasPassed(END_PROVISIONED).isEnded();
        assertThat(requestStatus.statuses()).containsExactly("IN_PLATFORM_REVIEW", "PROVISIONING", "PROVISIONED");
    }

    @Test
    void privacyRejectionEndsTheRequest() {
        // given
        ProcessInstance instance = submit("SENSITIVE", false);

        // when
        decide(instance, TASK_PRIVACY_REVIEW, PRIYA, Outcome.REJECT);

        // then
        assertThat(instance).hasPassed(END_REJECTED).hasNotPassed(TASK_PLATFORM_REVIEW).isEnded();
        assertThat(requestStatus.statuses()).containsExactly("IN_PRIVACY_REVIEW", "REJECTED");
        assertThat(provisioning.requestIds()).isEmpty();
    }

    @Test
    void platformRejectionEndsTheRequest() {
        // given
        ProcessInstance instance = submit("PERSONAL", false);
        decide(instance, TASK_PRIVACY_REVIEW, PRIYA, Outcome.APPROVE);

        // when
        decide(instance, TASK_PLATFORM_REVIEW, PAUL, Outcome.REJECT);

        // then
        assertThat(instance).hasPassed(END_REJECTED).hasNotPassed(TASK_PROVISION).isEnded();
        assertThat(requestStatus.statuses()).containsExactly("IN_PRIVACY_REVIEW", "IN_PLATFORM_REVIEW", "REJECTED");
        assertThat(provisioning.requestIds()).isEmpty();
    }

    @Test
    void changesRequestedInPrivacyReviewAreRoutedAgainAndApproved() {
        // given
        ProcessInstance instance = submit("PERSONAL", true);
        decide(instance, TASK_PRIVACY_REVIEW, PRIYA, Outcome.REQUEST_CHANGES);
        assertThat(instance).isWaitingAt(TASK_REVISE).task().isAssignedTo(ALICE);

        // when the requester masks the column instead of keeping it, the request still holds PII
        revise(instance, "PERSONAL", false);

        // then it is routed again from the start and needs the privacy review again
        assertThat(instance).isWaitingAt(TASK_PRIVACY_REVIEW);
        assertThat(historyCount(instance, TASK_ROUTE)).isEqualTo(2);
        decide(instance, TASK_PRIVACY_REVIEW, PRIYA, Outcome.APPROVE);
        decide(instance, TASK_PLATFORM_REVIEW, PAUL, Outcome.APPROVE);
        executeJobs(instance);
        assertThat(instance).hasPassed(END_PROVISIONED).isEnded();
        assertThat(requestStatus.statuses()).containsExactly("IN_PRIVACY_REVIEW", "CHANGES_REQUESTED",
                "IN_PRIVACY_REVIEW", "IN_PLATFORM_REVIEW", "PROVISIONING", "PROVISIONED");
    }

    @Test
    void changesRequestedInPlatformReviewAreRoutedAgainAndApproved() {
        // given
        ProcessInstance instance = submit("PERSONAL", false);
        decide(instance, TASK_PRIVACY_REVIEW, PRIYA, Outcome.APPROVE);
        decide(instance, TASK_PLATFORM_REVIEW, PAUL, Outcome.REQUEST_CHANGES);
        assertThat(instance).isWaitingAt(TASK_REVISE).task().isAssignedTo(ALICE);

        // when the revision drops the PII columns
        revise(instance, "NONE", false);

        // then the new routing skips the privacy review
        assertThat(instance).isWaitingAt(TASK_PLATFORM_REVIEW);
        assertThat(historyCount(instance, TASK_ROUTE)).isEqualTo(2);
        assertThat(historyCount(instance, TASK_PRIVACY_REVIEW)).isEqualTo(1);
        decide(instance, TASK_PLATFORM_REVIEW, PAUL, Outcome.APPROVE);
        executeJobs(instance);
        assertThat(instance).hasPassed(END_PROVISIONED).isEnded();
        assertThat(requestStatus.statuses()).containsExactly("IN_PRIVACY_REVIEW", "IN_PLATFORM_REVIEW",
                "CHANGES_REQUESTED", "IN_PLATFORM_REVIEW", "PROVISIONING", "PROVISIONED");
    }

    private long historyCount(ProcessInstance instance, String activityId) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .activityId(activityId)
                .count();
    }
}
