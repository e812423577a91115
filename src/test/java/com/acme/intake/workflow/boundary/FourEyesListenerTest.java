package com.acme.intake.workflow.boundary;

import static com.acme.intake.workflow.entity.ProcessIds.END_PROVISIONED;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_PLATFORM_REVIEW;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_PRIVACY_REVIEW;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_PROVISION;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_PLATFORM_OUTCOME;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_PLATFORM_REVIEWER;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_PRIVACY_REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.acme.intake.workflow.IntakeProcessTestSupport;
import com.acme.intake.workflow.entity.FourEyesViolation;
import com.acme.intake.workflow.entity.Outcome;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The four-eyes rule as the engine enforces it, whoever calls the task service. */
class FourEyesListenerTest extends IntakeProcessTestSupport {

    private TaskService tasks;

    @BeforeEach
    void taskService() {
        tasks = engine.getTaskService();
    }

    @Test
    void requesterCannotClaimTheirOwnReview() {
        // given
        ProcessInstance instance = submit("PERSONAL", false);
        Task review = openTask(instance, TASK_PRIVACY_REVIEW);

        // when
        FourEyesViolation violation = fourEyesViolation(() -> as(ALICE, () -> tasks.claim(review.getId(), ALICE)));

        // then
        assertThat(violation).hasMessage("alice submitted request 42 and cannot review it");
        assertThat(violation.user()).isEqualTo(ALICE);
        assertThat(openTask(instance, TASK_PRIVACY_REVIEW).getAssignee()).isNull();
    }

    @Test
    void requesterCannotCompleteTheirOwnReview() {
        // given
        ProcessInstance instance = submit("NONE", false);
        Task review = openTask(instance, TASK_PLATFORM_REVIEW);

        // when
        FourEyesViolation violation = fourEyesViolation(() -> as(ALICE,
                () -> tasks.complete(review.getId(), decision(TASK_PLATFORM_REVIEW, Outcome.APPROVE))));

        // then the completion was rolled back with the decision variables
        assertThat(violation).hasMessage("alice submitted request 42 and cannot review it");
        assertThat(instance).isWaitingAt(TASK_PLATFORM_REVIEW);
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), VAR_PLATFORM_OUTCOME)).isNull();
    }

    @Test
    void privacyReviewerCannotAlsoDoThePlatformReview() {
        // given
        ProcessInstance instance = submit("PERSONAL", false);
        decide(instance, TASK_PRIVACY_REVIEW, PRIYA, Outcome.APPROVE);
        Task platformReview = openTask(instance, TASK_PLATFORM_REVIEW);

        // when
        FourEyesViolation completing = fourEyesViolation(() -> as(PRIYA,
                () -> tasks.complete(platformReview.getId(), decision(TASK_PLATFORM_REVIEW, Outcome.APPROVE))));
        FourEyesViolation claiming = fourEyesViolation(() -> as(PRIYA, () -> tasks.claim(platformReview.getId(), PRIYA)));

        // then
        assertThat(completing).hasMessage(
                "priya did the privacy review of request 42; the platform review needs another person");
        assertThat(claiming).hasMessage(completing.getMessage());
        assertThat(instance).isWaitingAt(TASK_PLATFORM_REVIEW);
    }

    @Test
    void anotherPersonCompletesThePlatformReviewAndBothReviewersAreRecorded() {
        // given
        ProcessInstance instance = submit("PERSONAL", false);
        decide(instance, TASK_PRIVACY_REVIEW, PRIYA, Outcome.APPROVE);

        // when
        decide(instance, TASK_PLATFORM_REVIEW, PAUL, Outcome.APPROVE);

        // then
        assertThat(instance).isWaitingAt(TASK_PROVISION).variables()
                .containsEntry(VAR_PRIVACY_REVIEWER, PRIYA)
                .containsEntry(VAR_PLATFORM_REVIEWER, PAUL);
    }

    @Test
    void withoutAuthenticationTheAssigneeIsTheActor() {
        // given a client that claims for a reviewer and completes without authenticating
        ProcessInstance instance = submit("NONE", false);
        Task review = openTask(instance, TASK_PLATFORM_REVIEW);
        tasks.claim(review.getId(), PAUL);

        // when
        tasks.complete(review.getId(), decision(TASK_PLATFORM_REVIEW, Outcome.APPROVE));

        // then
        assertThat(instance).isWaitingAt(TASK_PROVISION).variables().containsEntry(VAR_PLATFORM_REVIEWER, PAUL);
    }

    @Test
    void anUnknownReviewerCannotComplete() {
        // given
        ProcessInstance instance = submit("NONE", false);
        Task review = openTask(instance, TASK_PLATFORM_REVIEW);

        // when
        FourEyesViolation violation = fourEyesViolation(
                () -> tasks.complete(review.getId(), decision(TASK_PLATFORM_REVIEW, Outcome.APPROVE)));

        // then
        assertThat(violation.user()).isNull();
        assertThat(violation).hasMessageContaining("platform review of request 42");
        assertThat(instance).isWaitingAt(TASK_PLATFORM_REVIEW);
    }

    @Test
    void aRevisedRequestIsJudgedOnItsOwnRound() {
        // given priya did the privacy review of the first round, and the platform review asked for changes
        ProcessInstance instance = submit("PERSONAL", false);
        decide(instance, TASK_PRIVACY_REVIEW, PRIYA, Outcome.APPROVE);
        decide(instance, TASK_PLATFORM_REVIEW, PAUL, Outcome.REQUEST_CHANGES);

        // when the revision drops the PII, so this round has no privacy review
        revise(instance, "NONE", false);

        // then the previous round's reviewers are forgotten and priya may do this round's only review
        assertThat(instance).isWaitingAt(TASK_PLATFORM_REVIEW).variables()
                .doesNotContainKeys(VAR_PRIVACY_REVIEWER, VAR_PLATFORM_REVIEWER);
        decide(instance, TASK_PLATFORM_REVIEW, PRIYA, Outcome.APPROVE);
        executeJobs(instance);
        assertThat(instance).hasPassed(END_PROVISIONED).isEnded();
    }
}
