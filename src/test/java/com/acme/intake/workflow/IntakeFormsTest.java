package com.acme.intake.workflow;

import static com.acme.intake.workflow.entity.ProcessIds.FORM_INTAKE_REQUEST;
import static com.acme.intake.workflow.entity.ProcessIds.FORM_PLATFORM_REVIEW;
import static com.acme.intake.workflow.entity.ProcessIds.FORM_PRIVACY_REVIEW;
import static com.acme.intake.workflow.entity.ProcessIds.PROCESS_KEY;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_PLATFORM_REVIEW;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_PRIVACY_REVIEW;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_REVISE;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.intake.workflow.entity.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/** The forms travel in the same deployment as the process and are bound to it by id. */
class IntakeFormsTest extends IntakeProcessTestSupport {

    /** The top-level id is the last property of the schema; component ids come earlier and are indented deeper. */
    private static final Pattern FORM_ID = Pattern.compile("\n  \"id\": \"([^\"]+)\"");

    @Test
    void deploymentContainsTheThreeForms() {
        // given
        ProcessDefinition definition = definition();

        // when
        var resources = engine.getRepositoryService().getDeploymentResourceNames(definition.getDeploymentId());

        // then
        assertThat(resources).contains("models/intake-request.form", "models/privacy-review.form",
                "models/platform-review.form");
    }

    @Test
    void startEventShowsTheIntakeForm() throws IOException {
        // given
        ProcessDefinition definition = definition();

        // when
        CamundaFormRef ref = engine.getFormService().getStartFormData(definition.getId()).getCamundaFormRef();

        // then
        assertDeploymentBinding(ref, FORM_INTAKE_REQUEST);
        try (InputStream form = engine.getFormService().getDeployedStartForm(definition.getId())) {
            assertThat(idOf(form)).isEqualTo(FORM_INTAKE_REQUEST);
        }
    }

    @Test
    void eachHumanTaskShowsItsForm() throws IOException {
        // given
        ProcessInstance instance = submit("PERSONAL", false);

        // then
        assertTaskForm(instance, TASK_PRIVACY_REVIEW, FORM_PRIVACY_REVIEW);
        decide(instance, TASK_PRIVACY_REVIEW, PRIYA, Outcome.APPROVE);
        assertTaskForm(instance, TASK_PLATFORM_REVIEW, FORM_PLATFORM_REVIEW);
        decide(instance, TASK_PLATFORM_REVIEW, PAUL, Outcome.REQUEST_CHANGES);
        assertTaskForm(instance, TASK_REVISE, FORM_INTAKE_REQUEST);
    }

    private void assertTaskForm(ProcessInstance instance, String taskKey, String formId) throws IOException {
        Task task = engine.getTaskService().createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey)
                .initializeFormKeys()
                .singleResult();
        assertDeploymentBinding(task.getCamundaFormRef(), formId);
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            assertThat(idOf(form)).isEqualTo(formId);
        }
    }

    private static void assertDeploymentBinding(CamundaFormRef ref, String formId) {
        assertThat(ref.getKey()).isEqualTo(formId);
        assertThat(ref.getBinding()).isEqualTo("deployment");
    }

    /** The form's own id, read from the deployed form-js schema. */
    private static String idOf(InputStream form) throws IOException {
        String schema = new String(form.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(schema).contains("\"type\": \"default\"");
        Matcher id = FORM_ID.matcher(schema);
        assertThat(id.find()).as("form id in %s", schema).isTrue();
        return id.group(1);
    }

    private ProcessDefinition definition() {
        return engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(PROCESS_KEY).latestVersion().singleResult();
    }
}
