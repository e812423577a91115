package com.acme.intake.workflow.boundary;

import static com.acme.intake.workflow.entity.ProcessIds.END_PLATFORM_ESCALATED;
import static com.acme.intake.workflow.entity.ProcessIds.END_PRIVACY_ESCALATED;
import static com.acme.intake.workflow.entity.ProcessIds.EVENT_PLATFORM_OVERDUE;
import static com.acme.intake.workflow.entity.ProcessIds.EVENT_PRIVACY_OVERDUE;
import static com.acme.intake.workflow.entity.ProcessIds.GROUP_GOVERNANCE_LEAD;
import static com.acme.intake.workflow.entity.ProcessIds.GROUP_PLATFORM_ENGINEER;
import static com.acme.intake.workflow.entity.ProcessIds.GROUP_PRIVACY_REVIEWER;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_ESCALATE_PLATFORM;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_ESCALATE_PRIVACY;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_PLATFORM_REVIEW;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_PRIVACY_REVIEW;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_PROVISION;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_OVERDUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.acme.intake.workflow.IntakeProcessTestSupport;
import com.acme.intake.workflow.entity.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/** The review SLA: a timer that escalates an open review without closing it. */
class EscalateOverdueReviewDelegateTest extends IntakeProcessTestSupport {

    private static final Instant SUBMITTED = Instant.parse("2025-03-03T09:00:00Z");

    @Test
    void overduePrivacyReviewIsOfferedToGovernanceLeadsAndStaysOpen() {
        // given
        ClockUtil.setCurrentTime(Date.from(SUBMITTED));
        ProcessInstance instance = submit("PERSONAL", false);
        assertThat(slaTimer(instance).getDuedate()).isEqualTo(Date.from(SUBMITTED.plus(Duration.ofDays(3))));

        // when three days pass
        passTheSla(instance);

        // then
        assertThat(instance).hasPassed(EVENT_PRIVACY_OVERDUE, TASK_ESCALATE_PRIVACY, END_PRIVACY_ESCALATED)
                .isWaitingAt(TASK_PRIVACY_REVIEW);
        Task review = openTask(instance, TASK_PRIVACY_REVIEW);
        assertThat(review).hasCandidateGroup(GROUP_PRIVACY_REVIEWER).hasCandidateGroup(GROUP_GOVERNANCE_LEAD);
        assertThat(engine.getTaskService().getVariableLocal(review.getId(), VAR_OVERDUE)).isEqualTo(true);
        assertThat(requestStatus.escalations()).containsExactly(TASK_PRIVACY_REVIEW);
    }

    @Test
    void overduePlatformReviewIsEscalatedAndCanStillBeDecided() {
        // given
        ClockUtil.setCurrentTime(Date.from(SUBMITTED));
        ProcessInstance instance = submit("NONE", false);

        // when
        passTheSla(instance);

        // then
        assertThat(instance).hasPassed(EVENT_PLATFORM_OVERDUE, TASK_ESCALATE_PLATFORM, END_PLATFORM_ESCALATED)
                .isWaitingAt(TASK_PLATFORM_REVIEW);
        Task review = openTask(instance, TASK_PLATFORM_REVIEW);
        assertThat(review).hasCandidateGroup(GROUP_PLATFORM_ENGINEER).hasCandidateGroup(GROUP_GOVERNANCE_LEAD);
        assertThat(engine.getTaskService().getVariableLocal(review.getId(), VAR_OVERDUE)).isEqualTo(true);
        decide(instance, TASK_PLATFORM_REVIEW, PAUL, Outcome.APPROVE);
        assertThat(instance).isWaitingAt(TASK_PROVISION);
    }

    @Test
    void eachReviewIsDueWhenItsSlaTimerFires() {
        // given
        ClockUtil.setCurrentTime(Date.from(SUBMITTED));
        ProcessInstance instance = submit("PERSONAL", false);
        Date privacyDue = Date.from(SUBMITTED.plus(Duration.ofDays(3)));

        // then the task carries the SLA as its due date, the moment the timer escalates it
        assertThat(openTask(instance, TASK_PRIVACY_REVIEW).getDueDate()).isEqualTo(privacyDue)
                .isEqualTo(slaTimer(instance).getDuedate());

        // when the privacy review is approved a day later
        Instant approved = SUBMITTED.plus(Duration.ofDays(1));
        ClockUtil.setCurrentTime(Date.from(approved));
        decide(instance, TASK_PRIVACY_REVIEW, PRIYA, Outcome.APPROVE);

        // then the platform review is due three days after it was created
        assertThat(openTask(instance, TASK_PLATFORM_REVIEW).getDueDate())
                .isEqualTo(Date.from(approved.plus(Duration.ofDays(3))))
                .isEqualTo(slaTimer(instance).getDuedate());
    }

    @Test
    void reviewDecidedInTimeIsNotEscalated() {
        // given
        ClockUtil.setCurrentTime(Date.from(SUBMITTED));
        ProcessInstance instance = submit("NONE", false);

        // when
        decide(instance, TASK_PLATFORM_REVIEW, PAUL, Outcome.APPROVE);

        // then the timer went with the review
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().count())
                .isZero();
        assertThat(instance).hasNotPassed(TASK_ESCALATE_PLATFORM);
        assertThat(requestStatus.escalations()).isEmpty();
    }

    private Job slaTimer(ProcessInstance instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    }

    private void passTheSla(ProcessInstance instance) {
        ManagementService jobs = engine.getManagementService();
        assertThat(jobs.createJobQuery().processInstanceId(instance.getId()).timers().executable().count()).isZero();
        ClockUtil.setCurrentTime(Date.from(SUBMITTED.plus(Duration.ofDays(3)).plusSeconds(60)));
        Job due = jobs.createJobQuery().processInstanceId(instance.getId()).timers().executable().singleResult();
        jobs.executeJob(due.getId());
    }
}
