package com.acme.intake.workflow;

import static com.acme.intake.workflow.entity.ProcessIds.BEAN_PROVISION;
import static com.acme.intake.workflow.entity.ProcessIds.BEAN_REGISTER_CATALOG;
import static com.acme.intake.workflow.entity.ProcessIds.EVENT_CATALOG_REGISTRATION_FAILED;
import static com.acme.intake.workflow.entity.ProcessIds.END_PROVISIONED;
import static com.acme.intake.workflow.entity.ProcessIds.END_PROVISIONING_ABORTED;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_PLATFORM_REVIEW;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_PRIVACY_REVIEW;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_PROVISION;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_REGISTER_CATALOG;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_RESOLVE_PROVISIONING;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_PROVISIONING_ERROR;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_PROVISIONING_RESOLUTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.acme.intake.workflow.boundary.LastAttempt;
import com.acme.intake.workflow.entity.Outcome;

/** A provisioning that keeps failing reaches the platform team, who retry or abort it. */
class ProvisioningFailureProcessTest extends IntakeProcessTestSupport {

    /** Fails while {@code failing} is set, as the real delegate does when the source is unreachable. */
    static class FlakyProvisioning implements JavaDelegate {
        boolean failing = true;
        int attempts;

        @Override
        public void execute(DelegateExecution execution) {
            attempts++;
            if (failing) {
                throw LastAttempt.of(execution, new IllegalStateException("source unreachable"),
                        "source 'crm' is unreachable");
            }
        }
    }

    /** Fails while {@code failing} is set, as the real delegate does when the catalog cannot be written. */
    static class FlakyCatalog implements JavaDelegate {
        boolean failing = true;
        int attempts;

        @Override
        public void execute(DelegateExecution execution) {
            attempts++;
            if (failing) {
                throw LastAttempt.of(execution, new IllegalStateException("warehouse comments refused"),
                        "catalog registration failed: could not set the comments");
            }
        }
    }

    FlakyProvisioning flaky;

    @BeforeEach
    void flakyProvisioning() {
        flaky = new FlakyProvisioning();
        Mocks.register(BEAN_PROVISION, flaky);
    }

    @Test
    void retries_are_used_up_then_the_platform_team_gets_a_task_with_the_error() {
        ProcessInstance instance = approvedByBothReviewers();

        int failedRuns = runProvisioningUntilItStops();

        assertThat(failedRuns).isEqualTo(2);
        assertThat(flaky.attempts).isEqualTo(3);
        assertThat(instance).isWaitingAt(TASK_RESOLVE_PROVISIONING).task().hasCandidateGroup("platform-engineer");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), VAR_PROVISIONING_ERROR))
                .isEqualTo("source 'crm' is unreachable");
        assertThat(requestStatus.statuses()).endsWith("PROVISIONING", "PROVISIONING_FAILED");
        assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
    }

    @Test
    void retry_after_the_cause_is_fixed_provisions_the_request() {
        ProcessInstance instance = approvedByBothReviewers();
        runProvisioningUntilItStops();
        flaky.failing = false;

        resolve(instance, Outcome.RETRY);
        runProvisioningUntilItStops();
        executeJobs();

        assertThat(instance).isEnded().hasPassed(END_PROVISIONED);
        assertThat(requestStatus.statuses()).endsWith("PROVISIONING_FAILED", "PROVISIONING", "PROVISIONED");
    }

    @Test
    void abort_ends_the_request_as_aborted() {
        ProcessInstance instance = approvedByBothReviewers();
        runProvisioningUntilItStops();

        resolve(instance, Outcome.ABORT);

        assertThat(instance).isEnded().hasPassed(END_PROVISIONING_ABORTED);
        // an ended status of its own: the request no longer looks as if it waited for a retry, and its upload goes
        assertThat(requestStatus.statuses()).endsWith("PROVISIONING_FAILED", "PROVISIONING_ABORTED");
    }

    @Test
    void catalog_registration_whose_retries_are_used_up_gives_the_platform_team_a_task_not_an_incident() {
        // given: provisioning succeeds, the catalog keeps failing
        flaky.failing = false;
        FlakyCatalog catalogFails = new FlakyCatalog();
        Mocks.register(BEAN_REGISTER_CATALOG, catalogFails);
        ProcessInstance instance = approvedByBothReviewers();

        // when
        runProvisioningUntilItStops();
        int failedRegistrations = runUntilItStops(TASK_REGISTER_CATALOG);

        // then
        assertThat(failedRegistrations).isEqualTo(2);
        assertThat(catalogFails.attempts).isEqualTo(3);
        assertThat(instance).hasPassed(EVENT_CATALOG_REGISTRATION_FAILED)
                .isWaitingAt(TASK_RESOLVE_PROVISIONING).task().hasCandidateGroup("platform-engineer");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), VAR_PROVISIONING_ERROR))
                .isEqualTo("catalog registration failed: could not set the comments");
        assertThat(requestStatus.statuses()).endsWith("PROVISIONING", "PROVISIONING_FAILED");
        assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();

        // when: the cause is fixed and the platform team retries
        catalogFails.failing = false;
        resolve(instance, Outcome.RETRY);
        runProvisioningUntilItStops();
        runUntilItStops(TASK_REGISTER_CATALOG);

        // then
        assertThat(instance).isEnded().hasPassed(END_PROVISIONED);
        assertThat(flaky.attempts).isEqualTo(2);
        assertThat(requestStatus.statuses()).endsWith("PROVISIONING_FAILED", "PROVISIONING", "PROVISIONED");
    }

    private ProcessInstance approvedByBothReviewers() {
        ProcessInstance instance = submit("PERSONAL", false);
        decide(instance, TASK_PRIVACY_REVIEW, PRIYA, Outcome.APPROVE);
        decide(instance, TASK_PLATFORM_REVIEW, PAUL, Outcome.APPROVE);
        assertThat(instance).isWaitingAt(TASK_PROVISION);
        return instance;
    }

    /** Executes the provisioning job until it no longer exists; returns how many runs failed. */
    private int runProvisioningUntilItStops() {
        return runUntilItStops(TASK_PROVISION);
    }

    /** Executes the job of {@code activity} until it no longer exists; returns how many runs failed. */
    private int runUntilItStops(String activity) {
        int failed = 0;
        Job job;
        while ((job = engine.getManagementService().createJobQuery().activityId(activity).singleResult()) != null) {
            String id = job.getId();
            try {
                engine.getManagementService().executeJob(id);
            } catch (IllegalStateException e) {
                failed++;
            }
            assertThat(failed).isLessThan(10);
        }
        return failed;
    }

    private void executeJobs() {
        Job job;
        while ((job = engine.getManagementService().createJobQuery().singleResult()) != null) {
            engine.getManagementService().executeJob(job.getId());
        }
    }

    private void resolve(ProcessInstance instance, Outcome outcome) {
        Task task = openTask(instance, TASK_RESOLVE_PROVISIONING);
        as(PAT, () -> {
            engine.getTaskService().claim(task.getId(), PAT);
            engine.getTaskService().complete(task.getId(),
                    Variables.createVariables().putValue(VAR_PROVISIONING_RESOLUTION, outcome.name()));
        });
    }
}
