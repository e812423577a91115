package com.acme.intake.workflow;

import static com.acme.intake.workflow.entity.ProcessIds.BEAN_ESCALATE;
import static com.acme.intake.workflow.entity.ProcessIds.BEAN_FOUR_EYES;
import static com.acme.intake.workflow.entity.ProcessIds.BEAN_PROVISION;
import static com.acme.intake.workflow.entity.ProcessIds.BEAN_REGISTER_CATALOG;
import static com.acme.intake.workflow.entity.ProcessIds.BEAN_REQUEST_STATUS;
import static com.acme.intake.workflow.entity.ProcessIds.GROUP_PLATFORM_ENGINEER;
import static com.acme.intake.workflow.entity.ProcessIds.GROUP_PRIVACY_REVIEWER;
import static com.acme.intake.workflow.entity.ProcessIds.PROCESS_KEY;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_PRIVACY_REVIEW;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_REVISE;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_BUSINESS_UNIT;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_DATASET;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_DECISION_COMMENT;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_HIGHEST_PII;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_PII_KEPT_UNMASKED;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_PLATFORM_OUTCOME;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_PRIVACY_OUTCOME;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_REQUESTER;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_REQUEST_ID;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_REVIEW_SLA;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_SOURCE_KIND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.acme.intake.security.Role;
import com.acme.intake.workflow.boundary.EscalateOverdueReviewDelegate;
import com.acme.intake.workflow.boundary.FourEyesListener;
import com.acme.intake.workflow.control.EngineConfiguration;
import com.acme.intake.workflow.entity.FourEyesViolation;
import com.acme.intake.workflow.entity.Outcome;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The process tests' common ground: the application's engine configuration on an in-memory H2, the
 * models and forms as the application packages them (never copies), the real listeners and recording
 * fakes for the beans that belong to other features, and the people of the demo setup acting as
 * themselves.
 */
@ExtendWith(IntakeProcessTestSupport.ApplicationEngineExtension.class)
@Deployment(resources = {
        "models/intake-approval.bpmn",
        "models/intake-routing.dmn",
        "models/intake-request.form",
        "models/privacy-review.form",
        "models/platform-review.form"})
public abstract class IntakeProcessTestSupport {

    protected static final long REQUEST_ID = 42L;
    protected static final String ALICE = "alice";
    protected static final String PRIYA = "priya";
    protected static final String PAUL = "paul";
    protected static final String PAT = "pat";

    protected ProcessEngine engine;

    protected RecordingRequestStatus requestStatus;
    protected RecordingDelegate provisioning;
    protected RecordingDelegate catalog;

    /** The engine every process test runs on; built once per test JVM. */
    public static ProcessEngine processTestEngine() {
        return TestEngine.ENGINE;
    }

    /**
     * Built by {@link EngineConfiguration}, as the production engine is. Only where it runs differs: an
     * in-memory database with its own transactions, and no job executor (the tests run jobs
     * themselves). The beans are the tests' {@code Mocks}, which Camunda's expression manager resolves.
     */
    private static final class TestEngine {
        static final ProcessEngine ENGINE = EngineConfiguration.configure(
                        new StandaloneInMemProcessEngineConfiguration(), Map.of())
                .setJdbcUrl("jdbc:h2:mem:intake-process-tests;DB_CLOSE_DELAY=-1")
                .setProcessEngineName("intake-process-tests")
                .setJobExecutorActivate(false)
                .buildProcessEngine();
    }

    /** Camunda's test extension (deployments, services, clean-up) on {@link TestEngine} instead of a cfg.xml. */
    static final class ApplicationEngineExtension extends ProcessEngineExtension {
        @Override
        protected void initializeProcessEngine() {
            processEngine = TestEngine.ENGINE;
            processEngineConfiguration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        }
    }

    @BeforeEach
    void registerBeans(ProcessEngine processEngine) {
        engine = processEngine;
        BpmnAwareTests.init(engine);
        requestStatus = new RecordingRequestStatus();
        provisioning = new RecordingDelegate();
        catalog = new RecordingDelegate();
        Mocks.register(BEAN_REQUEST_STATUS, requestStatus);
        Mocks.register(BEAN_PROVISION, provisioning);
        Mocks.register(BEAN_REGISTER_CATALOG, catalog);
        Mocks.register(BEAN_FOUR_EYES, new FourEyesListener());
        Mocks.register(BEAN_ESCALATE, new EscalateOverdueReviewDelegate());
    }

    @AfterEach
    void resetEngineState() {
        engine.getIdentityService().clearAuthentication();
        ClockUtil.reset();
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    /** Alice submits a JDBC request with the given PII profile and the default SLA of three days. */
    protected ProcessInstance submit(String highestPii, boolean piiKeptUnmasked) {
        return engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, String.valueOf(REQUEST_ID),
                Variables.createVariables()
                        .putValue(VAR_REQUEST_ID, REQUEST_ID)
                        .putValue(VAR_REQUESTER, ALICE)
                        .putValue(VAR_BUSINESS_UNIT, "marketing")
                        .putValue(VAR_DATASET, "crm_customers")
                        .putValue(VAR_HIGHEST_PII, highestPii)
                        .putValue(VAR_PII_KEPT_UNMASKED, piiKeptUnmasked)
                        .putValue(VAR_SOURCE_KIND, "JDBC")
                        .putValue(VAR_REVIEW_SLA, "P3D"));
    }

    protected Task openTask(ProcessInstance instance, String taskKey) {
        return engine.getTaskService().createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey)
                .singleResult();
    }

    /** The reviewer claims the review and decides, as the inbox will: authenticated, claim, complete. */
    protected void decide(ProcessInstance instance, String reviewKey, String reviewer, Outcome outcome) {
        Task task = openTask(instance, reviewKey);
        as(reviewer, () -> {
            engine.getTaskService().claim(task.getId(), reviewer);
            engine.getTaskService().complete(task.getId(), decision(reviewKey, outcome));
        });
    }

    protected static Map<String, Object> decision(String reviewKey, Outcome outcome) {
        String outcomeVariable = TASK_PRIVACY_REVIEW.equals(reviewKey) ? VAR_PRIVACY_OUTCOME : VAR_PLATFORM_OUTCOME;
        return Variables.createVariables()
                .putValue(outcomeVariable, outcome.name())
                .putValue(VAR_DECISION_COMMENT, outcome.needsComment() ? "please mask the e-mail column" : null);
    }

    /** The requester completes the revise task, having changed the request's PII profile. */
    protected void revise(ProcessInstance instance, String highestPii, boolean piiKeptUnmasked) {
        Task task = openTask(instance, TASK_REVISE);
        as(ALICE, () -> engine.getTaskService().complete(task.getId(), Variables.createVariables()
                .putValue(VAR_HIGHEST_PII, highestPii)
                .putValue(VAR_PII_KEPT_UNMASKED, piiKeptUnmasked)));
    }

    protected void as(String user, Runnable action) {
        engine.getIdentityService().setAuthentication(user, groupsOf(user));
        try {
            action.run();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static List<String> groupsOf(String user) {
        return switch (user) {
            case PRIYA -> List.of(GROUP_PRIVACY_REVIEWER);
            case PAUL, PAT -> List.of(GROUP_PLATFORM_ENGINEER);
            default -> List.of(Role.REQUESTER);
        };
    }

    /** Runs the instance's due jobs one by one, as the job executor would, until none is left. */
    protected void executeJobs(ProcessInstance instance) {
        List<Job> jobs;
        while (!(jobs = engine.getManagementService().createJobQuery()
                .processInstanceId(instance.getId()).executable().list()).isEmpty()) {
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }

    /** The engine wraps listener exceptions; the four-eyes violation is somewhere in the cause chain. */
    protected static FourEyesViolation fourEyesViolation(ThrowingCallable action) {
        Throwable thrown = catchThrowable(action);
        assertThat(thrown).as("a four-eyes violation").isNotNull();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof FourEyesViolation violation) {
                return violation;
            }
        }
        throw new AssertionError("expected a four-eyes violation in the cause chain", thrown);
    }
}
