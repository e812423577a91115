package com.acme.intake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the API refuses, over real HTTP: invalid requests (400, nothing stored), missing or wrong
 * credentials (401), the wrong role or four-eyes (403), unknown ids (404) and decisions on tasks
 * that are already done (409); each with its stable code. And what it allows instead: the
 * {@code allowedActions} of requests and tasks follow the same rules.
 */
@ExtendWith(ArquillianExtension.class)
class ApiRefusalsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void source() throws java.sql.SQLException {
        SourceFixture.ensureCustomers();
    }

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    @Test
    void invalid_request_gets_400_with_field_errors_and_nothing_is_stored() {
        int before = api.get("alice", "api/requests?mine=true").array().size();
        int tasksBefore = api.get("priya", "api/tasks").array().size();
        String hostile = """
                {"title": "", "businessUnit": "marketing", "dataset": "x\\"; DROP TABLE intake_request; --",
                 "owner": "alice", "purpose": "test", "layer": "CUBE",
                 "source": {"kind": "JDBC", "connection": "demo", "table": "customers"},
                 "refresh": "DAILY", "retentionDays": 0,
                 "columns": [
                   {"name": "select", "type": "VARCHAR", "pii": "NONE", "masking": {"method": "KEEP"}},
                   {"name": "birth_date", "type": "DATE", "pii": "PERSONAL", "masking": {"method": "EMAIL"}},
                   {"name": "phone", "type": "VARCHAR", "pii": "PERSONAL", "masking": {"method": "KEEP"}},
                   {"name": "phone", "type": "VARCHAR", "pii": "SECRET", "masking": {"method": "HASH"}}]}
                """;

        var answer = api.post("alice", "api/requests", hostile);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        List<String> fields = answer.object().getJsonArray("fieldErrors").stream()
                .map(JsonValue::asJsonObject).map(e -> e.getString("field")).toList();
        assertThat(fields).contains("title", "dataset", "layer", "retentionDays", "columns[0].name",
                "columns[1].masking", "columns[2].masking", "columns[3].name", "columns[3].pii",
                "columns[3].masking.method");
        assertThat(answer.object().getString("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.body()).doesNotContain("DROP TABLE");
        assertThat(api.get("alice", "api/requests?mine=true").array()).hasSize(before);
        assertThat(api.get("priya", "api/tasks").array()).hasSize(tasksBefore);
    }

    @Test
    void malformed_json_gets_400() {
        var answer = api.post("alice", "api/requests", "{\"title\": ");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.object().getString("error")).isNotBlank();
        assertThat(answer.object().getString("code")).isEqualTo("INVALID_JSON");
    }

    @Test
    void missing_or_wrong_credentials_get_401() {
        assertThat(api.get(null, "api/requests").status()).isEqualTo(401);
        assertThat(api.get(null, "api/requests").object().getString("code")).isEqualTo("UNAUTHENTICATED");
        assertThat(api.send("alice", "wrong", "GET", "api/requests", null).status()).isEqualTo(401);
        assertThat(api.send("mallory", "demo", "GET", "api/tasks", null).status()).isEqualTo(401);
    }

    @Test
    void wrong_role_gets_403() {
        assertThat(api.post("priya", "api/requests", RequestBodies.withPii("by_priya")).status()).isEqualTo(403);
        var wrongRole = api.post("alice", "api/tasks/any/decision", "{\"outcome\": \"APPROVE\"}");
        assertThat(wrongRole.status()).isEqualTo(403);
        assertThat(wrongRole.object().getString("code")).isEqualTo("ROLE_NOT_ALLOWED");
        assertThat(api.get("audrey", "api/tasks").status()).isEqualTo(403);

        var otherUnit = api.post("bob", "api/requests", RequestBodies.withPii("bobs_view_of_marketing"));
        assertThat(otherUnit.status()).as(otherUnit.toString()).isEqualTo(403);
        assertThat(otherUnit.object().getString("error")).contains("sales");
        assertThat(otherUnit.object().getString("code")).isEqualTo("NOT_YOUR_BUSINESS_UNIT");
    }

    @Test
    void unknown_ids_get_404() {
        var request = api.get("alice", "api/requests/987654321");
        var task = api.post("priya", "api/tasks/no-such-task/decision", "{\"outcome\": \"APPROVE\"}");
        var form = api.get("priya", "api/forms/no-such-form");
        var path = api.get("priya", "api/no-such-resource");

        assertThat(List.of(request.status(), task.status(), form.status(), path.status())).containsOnly(404);
        assertThat(List.of(request, task, form, path)).extracting(a -> a.object().getString("code"))
                .containsExactly("REQUEST_NOT_FOUND", "TASK_NOT_FOUND", "FORM_NOT_FOUND", "NOT_FOUND");
    }

    @Test
    void decision_needs_a_known_outcome_and_a_comment_to_reject() {
        long id = submit("needs_comment");
        String task = api.awaitTask("priya", id, "privacyReview");

        var maybe = api.post("priya", "api/tasks/" + task + "/decision", "{\"outcome\": \"MAYBE\"}");
        assertThat(maybe.status()).isEqualTo(400);
        assertThat(maybe.object().getString("code")).isEqualTo("OUTCOME_INVALID");
        var noComment = api.post("priya", "api/tasks/" + task + "/decision", "{\"outcome\": \"REJECT\"}");
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.object().getString("error")).contains("comment");
        assertThat(noComment.object().getString("code")).isEqualTo("COMMENT_REQUIRED");
        assertThat(api.get("alice", "api/requests/" + id).object().getString("status")).isEqualTo("IN_PRIVACY_REVIEW");
    }

    @Test
    void decision_on_a_task_already_done_gets_409() {
        long id = submit("decided_twice");
        String task = api.awaitTask("priya", id, "privacyReview");
        assertThat(api.post("priya", "api/tasks/" + task + "/decision", "{\"outcome\": \"APPROVE\"}").status())
                .isEqualTo(200);

        var again = api.post("priya", "api/tasks/" + task + "/decision", "{\"outcome\": \"APPROVE\"}");

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.object().getString("error")).contains("already done");
        assertThat(again.object().getString("code")).isEqualTo("TASK_ALREADY_COMPLETED");
    }

    @Test
    void task_claimed_by_someone_else_cannot_be_decided() {
        long id = submit("claimed_by_other");
        assertThat(api.post("priya", "api/tasks/" + api.awaitTask("priya", id, "privacyReview") + "/decision",
                "{\"outcome\": \"APPROVE\"}").status()).isEqualTo(200);
        String platform = api.awaitTask("paul", id, "platformReview");
        assertThat(api.post("paul", "api/tasks/" + platform + "/claim", null).status()).isEqualTo(200);

        var byPat = api.post("pat", "api/tasks/" + platform + "/decision", "{\"outcome\": \"APPROVE\"}");

        assertThat(byPat.status()).as(byPat.toString()).isIn(404, 409);
        assertThat(byPat.object().getString("code")).isIn("TASK_NOT_FOUND", "TASK_ALREADY_CLAIMED");
        assertThat(api.get("alice", "api/requests/" + id).object().getString("status")).isEqualTo("IN_PLATFORM_REVIEW");
    }

    /**
     * The review SLA of the test server is seconds (INTAKE_REVIEW_SLA in pom.xml): overdue reviews
     * are offered to the governance lead, who may decide one review of a request but not both.
     */
    @Test
    void overdue_reviews_escalate_and_one_person_cannot_decide_both_reviews() {
        long id = submit("four_eyes");
        String privacyTask = awaitOverdue("grace", id, "privacyReview");
        assertThat(api.post("grace", "api/tasks/" + privacyTask + "/decision", "{\"outcome\": \"APPROVE\"}").status())
                .isEqualTo(200);
        String platformTask = awaitOverdue("grace", id, "platformReview");

        var second = api.post("grace", "api/tasks/" + platformTask + "/decision", "{\"outcome\": \"APPROVE\"}");

        assertThat(second.status()).as(second.toString()).isEqualTo(403);
        assertThat(second.object().getString("error")).contains("grace");
        assertThat(second.object().getString("code")).isEqualTo("FOUR_EYES_SAME_PERSON");
        assertThat(api.get("alice", "api/requests/" + id).object().getString("status")).isEqualTo("IN_PLATFORM_REVIEW");
        assertThat(api.post("paul", "api/tasks/" + platformTask + "/decision", "{\"outcome\": \"APPROVE\"}").status())
                .isEqualTo(200);
    }

    /**
     * The buttons the UI shows come from here: the requester may withdraw while the request is under
     * review and revise once changes are requested; a reviewer claims a free task and decides it,
     * unclaims their own (someone else's claim leaving nothing to do: InboxTest); an auditor reads only.
     */
    @Test
    void allowed_actions_follow_role_and_state() {
        long id = submit("allowed_actions");
        String task = api.awaitTask("priya", id, "privacyReview");

        assertThat(actions(api.get("alice", "api/requests/" + id))).containsExactly("WITHDRAW");
        assertThat(actions(api.get("audrey", "api/requests/" + id))).isEmpty();
        assertThat(actions(api.get("priya", "api/requests/" + id))).isEmpty();
        assertThat(actions(api.get("priya", "api/tasks/" + task)))
                .containsExactly("CLAIM", "APPROVE", "REJECT", "REQUEST_CHANGES");
        assertThat(api.get("priya", "api/tasks?requestId=" + id).array().getJsonObject(0)
                .getJsonArray("allowedActions")).hasSize(4);

        assertThat(actions(api.post("priya", "api/tasks/" + task + "/claim", null)))
                .containsExactly("UNCLAIM", "APPROVE", "REJECT", "REQUEST_CHANGES");

        assertThat(api.post("priya", "api/tasks/" + task + "/decision",
                "{\"outcome\": \"REQUEST_CHANGES\", \"comment\": \"less detail\"}").status()).isEqualTo(200);
        api.awaitStatus("alice", id, "CHANGES_REQUESTED", Duration.ofSeconds(30));
        assertThat(actions(api.get("alice", "api/requests/" + id))).containsExactly("REVISE", "WITHDRAW");
        String revise = api.awaitTask("alice", id, "reviseRequest");
        assertThat(actions(api.get("alice", "api/tasks/" + revise))).containsExactly("REVISE");

        assertThat(api.post("alice", "api/requests/" + id + "/withdraw", null).status()).isEqualTo(200);
        assertThat(actions(api.get("alice", "api/requests/" + id))).isEmpty();
        var late = api.post("alice", "api/requests/" + id + "/withdraw", null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.object().getString("code")).isEqualTo("REQUEST_NOT_WITHDRAWABLE");
    }

    private static List<String> actions(Api.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.object().getJsonArray("allowedActions").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    private String awaitOverdue(String user, long id, String key) {
        var inbox = api.await(user, "api/tasks?requestId=" + id, a -> a.array().stream().map(JsonValue::asJsonObject).anyMatch(t ->
                t.getString("key").equals(key) && t.getJsonNumber("requestId").longValue() == id
                        && t.getBoolean("overdue")), Duration.ofSeconds(60));
        return inbox.array().stream().map(JsonValue::asJsonObject)
                .filter(t -> t.getString("key").equals(key) && t.getJsonNumber("requestId").longValue() == id)
                .map(t -> t.getString("id")).findFirst().orElseThrow();
    }

    private long submit(String dataset) {
        return api.submit("alice", RequestBodies.withPii(dataset));
    }
}
