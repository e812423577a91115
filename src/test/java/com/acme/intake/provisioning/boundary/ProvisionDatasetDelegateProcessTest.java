package com.acme.intake.provisioning.boundary;

import static com.acme.intake.workflow.entity.ProcessIds.BEAN_PROVISION;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_PLATFORM_REVIEW;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_PRIVACY_REVIEW;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_PROVISION;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_RESOLVE_PROVISIONING;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_APPROVED_COLUMNS_HASH;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_PROVISIONING_ERROR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.PiiCategory;
import com.acme.intake.masking.entity.PseudonymKey;
import com.acme.intake.provisioning.control.MaskingKeys;
import com.acme.intake.provisioning.control.ProvisioningMetrics;
import com.acme.intake.provisioning.control.ProvisioningRuns;
import com.acme.intake.provisioning.control.Warehouse;
import com.acme.intake.provisioning.entity.LoadResult;
import com.acme.intake.provisioning.entity.ProvisioningFailure;
import com.acme.intake.provisioning.entity.ProvisioningRun;
import com.acme.intake.request.control.ApprovedColumns;
import com.acme.intake.request.control.IntakeRequests;
import com.acme.intake.request.entity.IntakeRequest;
import com.acme.intake.request.entity.Layer;
import com.acme.intake.request.entity.Refresh;
import com.acme.intake.request.entity.RequestColumn;
import com.acme.intake.request.entity.SourceKind;
import com.acme.intake.source.control.Sources;
import com.acme.intake.source.entity.RowSource;
import com.acme.intake.workflow.IntakeProcessTestSupport;
import com.acme.intake.workflow.boundary.StepDelegate;
import com.acme.intake.workflow.entity.Outcome;

/**
 * The real provisioning delegate in the real model, its collaborators replaced: a failure reaches
 * the platform team whatever the size of its text, and also when recording it fails; a request
 * whose columns changed after the final approval is not loaded.
 */
class ProvisionDatasetDelegateProcessTest extends IntakeProcessTestSupport {

    /** What a warehouse says of a request whose 500 long-named columns are all missing. */
    private static final String HUGE_ERROR = "source crm table public.customers has no column "
            + "a_rather_long_column_name_that_is_missing_from_the_source, ".repeat(1700);

    private final List<String> recordedErrors = new ArrayList<>();
    private final ProvisionDatasetDelegate delegate = new ProvisionDatasetDelegate();
    private boolean recordingFails;
    private int loads;
    /** The request as the database holds it now. */
    private List<RequestColumn> columns = List.of(column("customer_id", MaskingMethod.KEEP));

    @BeforeEach
    void realDelegate() {
        delegate.requests = new IntakeRequests() {
            @Override
            public IntakeRequest find(long id) {
                return request(id, columns);
            }
        };
        delegate.sources = new Sources() {
            @Override
            public RowSource forJdbc(String connection, String table) {
                return null;
            }
        };
        delegate.warehouse = new Warehouse() {
            @Override
            public LoadResult provision(IntakeRequest request, RowSource source) {
                loads++;
                throw new ProvisioningFailure(HUGE_ERROR);
            }
        };
        delegate.keys = new MaskingKeys() {
            @Override
            public PseudonymKey current() {
                return PseudonymKey.ofUtf8("test-1", "secret");
            }
        };
        delegate.runs = new ProvisioningRuns() {
            @Override
            public ProvisioningRun failed(IntakeRequest request, Instant startedAt, String keyId, String error) {
                if (recordingFails) {
                    throw new IllegalStateException("the database refused the run");
                }
                recordedErrors.add(error);
                return null;
            }
        };
        delegate.metrics = new ProvisioningMetrics();
        Mocks.register(BEAN_PROVISION, StepDelegate.of(delegate));
    }

    @Test
    void an_error_of_100_kb_is_recorded_cut_to_its_column_and_the_platform_team_gets_the_task() {
        // given
        assertThat(HUGE_ERROR.length()).isGreaterThan(100_000);
        ProcessInstance instance = approvedByBothReviewers();

        // when
        runProvisioningUntilItStops();

        // then: every attempt is on the record, cut to what the column holds
        assertThat(recordedErrors).hasSize(3).allSatisfy(error -> {
            assertThat(error).hasSize(ProvisioningRun.MAX_ERROR).endsWith("...");
            assertThat(HUGE_ERROR).startsWith(error.substring(0, error.length() - 3));
        });
        assertThat(instance).isWaitingAt(TASK_RESOLVE_PROVISIONING).task().hasCandidateGroup("platform-engineer");
        assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), VAR_PROVISIONING_ERROR))
                .isEqualTo(recordedErrors.get(2));
        assertThat(requestStatus.statuses()).endsWith("PROVISIONING", "PROVISIONING_FAILED");
        assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
    }

    @Test
    void when_recording_the_failure_fails_the_platform_team_still_gets_the_task_and_is_told() {
        // given
        recordingFails = true;
        ProcessInstance instance = approvedByBothReviewers();

        // when
        runProvisioningUntilItStops();

        // then
        assertThat(instance).isWaitingAt(TASK_RESOLVE_PROVISIONING);
        String error = (String) engine.getRuntimeService().getVariable(instance.getId(), VAR_PROVISIONING_ERROR);
        assertThat(error).startsWith("source crm table public.customers has no column")
                .contains("this run could not be recorded; see the server log, reference ")
                .hasSizeLessThanOrEqualTo(ProvisioningRun.MAX_ERROR);
        assertThat(requestStatus.statuses()).endsWith("PROVISIONING_FAILED");
        assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
    }

    @Test
    void columns_changed_after_the_final_approval_are_not_loaded_and_the_task_names_the_mismatch() {
        // given: approved with the e-mail column pseudonymized, then changed to KEEP in the database
        columns = List.of(column("customer_id", MaskingMethod.KEEP), column("email", MaskingMethod.PSEUDONYMIZE));
        ProcessInstance instance = approvedByBothReviewers();
        String approved = ApprovedColumns.hash(columns);
        columns = List.of(column("customer_id", MaskingMethod.KEEP), column("email", MaskingMethod.KEEP));

        // when: the first attempt already refuses, no retry can heal it
        engine.getManagementService().executeJob(provisioningJob().getId());

        // then
        assertThat(loads).isZero();
        assertThat(instance).isWaitingAt(TASK_RESOLVE_PROVISIONING);
        String error = (String) engine.getRuntimeService().getVariable(instance.getId(), VAR_PROVISIONING_ERROR);
        assertThat(error).contains("load refused", "columns or masking", "no longer match",
                "approved SHA-256 " + approved, "now " + ApprovedColumns.hash(columns));
        assertThat(recordedErrors).containsExactly(error);
        assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
    }

    @Test
    void a_request_loaded_as_approved_reaches_the_warehouse() {
        // given
        approvedByBothReviewers();

        // when
        engine.getManagementService().createJobQuery().activityId(TASK_PROVISION).list()
                .forEach(job -> catchThrowable(() -> engine.getManagementService().executeJob(job.getId())));

        // then
        assertThat(loads).isEqualTo(1);
    }

    /** Both approve, as the inbox does it: the final approval records the columns' fingerprint. */
    private ProcessInstance approvedByBothReviewers() {
        ProcessInstance instance = submit("PERSONAL", false);
        decide(instance, TASK_PRIVACY_REVIEW, PRIYA, Outcome.APPROVE);
        decide(instance, TASK_PLATFORM_REVIEW, PAUL, Outcome.APPROVE);
        engine.getRuntimeService().setVariable(instance.getId(), VAR_APPROVED_COLUMNS_HASH,
                ApprovedColumns.hash(columns));
        assertThat(instance).isWaitingAt(TASK_PROVISION);
        return instance;
    }

    private Job provisioningJob() {
        return engine.getManagementService().createJobQuery().activityId(TASK_PROVISION).singleResult();
    }

    private static RequestColumn column(String name, MaskingMethod method) {
        return new RequestColumn(name, ColumnType.VARCHAR, PiiCategory.NONE, null, method, null, null, null, null);
    }

    /** Executes the provisioning job, as the job executor would, until it no longer exists. */
    private void runProvisioningUntilItStops() {
        Job job;
        int attempts = 0;
        while ((job = engine.getManagementService().createJobQuery().activityId(TASK_PROVISION).singleResult()) != null
                && job.getRetries() > 0) {
            try {
                engine.getManagementService().executeJob(job.getId());
            } catch (ProvisioningFailure expected) {
                // an earlier attempt: the job is retried
            }
            assertThat(++attempts).isLessThanOrEqualTo(3);
        }
    }

    private static IntakeRequest request(long id, List<RequestColumn> columns) {
        var request = new IntakeRequest("alice", Instant.parse("2026-01-05T09:00:00Z"));
        request.describe("CRM customers", "marketing", "crm_customers", "alice", "churn analysis", Layer.ENTITY,
                SourceKind.JDBC, "crm", "public.customers", null, null, Refresh.DAILY, 365,
                columns, Instant.parse("2026-01-05T09:00:00Z"));
        try {
            Field field = IntakeRequest.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(request, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return request;
    }
}
