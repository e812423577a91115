package com.acme.intake.workflow;

import static com.acme.intake.workflow.entity.ProcessIds.BEAN_REQUEST_STATUS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import com.acme.intake.request.entity.RequestStatus;
import com.acme.intake.security.Role;
import com.acme.intake.workflow.entity.ProcessIds;

/**
 * The approval model spells groups and statuses as plain text, so that it stays editable in Camunda
 * Modeler; this test keeps that text at one home each: every candidate group is a {@link Role}, every
 * status the model sets is a {@link RequestStatus}, and every review it names for an escalation is a
 * task of {@link ProcessIds}.
 */
class ModelIdentifiersTest {

    private static final String MODEL = "models/intake-approval.bpmn";

    private static final Pattern STATUS_CALL = Pattern.compile(
            Pattern.quote(BEAN_REQUEST_STATUS) + "\\.(\\w+)\\(([^)]*)\\)");
    private static final Pattern SECOND_ARGUMENT = Pattern.compile("^\\s*\\w+\\s*,\\s*'([^']*)'\\s*$");

    @Test
    void every_candidate_group_of_the_model_is_a_role() throws IOException {
        List<String> groups = new ArrayList<>();
        for (UserTask task : model().getModelElementsByType(UserTask.class)) {
            if (task.getCamundaCandidateGroups() != null) {
                Arrays.stream(task.getCamundaCandidateGroups().split(",")).map(String::trim).forEach(groups::add);
            }
        }

        assertThat(groups).isNotEmpty().allSatisfy(group -> assertThat(Role.ALL).contains(group));
    }

    @Test
    void the_groups_the_process_names_in_code_are_roles() {
        assertThat(List.of(ProcessIds.GROUP_PRIVACY_REVIEWER, ProcessIds.GROUP_PLATFORM_ENGINEER,
                ProcessIds.GROUP_GOVERNANCE_LEAD)).allSatisfy(group -> assertThat(Role.ALL).contains(group));
    }

    @Test
    void every_status_the_model_sets_is_a_request_status() throws IOException {
        List<String> statuses = literalsOf("update");

        List<String> names = Arrays.stream(RequestStatus.values()).map(Enum::name).toList();
        assertThat(statuses).allSatisfy(status -> assertThat(names).contains(status));
        // the statuses only the process reaches are all set by it, the newest included
        assertThat(statuses).contains(RequestStatus.IN_PRIVACY_REVIEW.name(), RequestStatus.IN_PLATFORM_REVIEW.name(),
                RequestStatus.CHANGES_REQUESTED.name(), RequestStatus.REJECTED.name(),
                RequestStatus.PROVISIONING.name(), RequestStatus.PROVISIONING_FAILED.name(),
                RequestStatus.PROVISIONING_ABORTED.name(), RequestStatus.PROVISIONED.name());
    }

    @Test
    void every_escalated_review_the_model_names_is_a_review_task() throws IOException {
        assertThat(literalsOf("escalated")).isNotEmpty().allSatisfy(review ->
                assertThat(review).isIn(ProcessIds.TASK_PRIVACY_REVIEW, ProcessIds.TASK_PLATFORM_REVIEW));
    }

    /** The text literal of each {@code requestStatus.<method>(scope, '...')} call; any other form fails. */
    private static List<String> literalsOf(String method) throws IOException {
        List<String> literals = new ArrayList<>();
        Matcher call = STATUS_CALL.matcher(modelText());
        while (call.find()) {
            if (!call.group(1).equals(method)) {
                continue;
            }
            Matcher argument = SECOND_ARGUMENT.matcher(call.group(2));
            assertThat(argument.matches()).as("a literal second argument in " + call.group()).isTrue();
            literals.add(argument.group(1));
        }
        assertThat(literals).as(BEAN_REQUEST_STATUS + "." + method + " calls in the model").isNotEmpty();
        return literals;
    }

    private static BpmnModelInstance model() throws IOException {
        try (InputStream in = open()) {
            return Bpmn.readModelFromStream(in);
        }
    }

    private static String modelText() throws IOException {
        try (InputStream in = open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream open() {
        InputStream in = ModelIdentifiersTest.class.getClassLoader().getResourceAsStream(MODEL);
        assertThat(in).as(MODEL + " on the class path").isNotNull();
        return in;
    }
}
