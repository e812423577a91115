package com.acme.intake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.json.JsonObject;
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
 * The product's main path over real HTTP on Payara Micro: a requester submits, the privacy
 * reviewer and a platform engineer approve from their inboxes, and the request moves on to
 * provisioning; plus the other paths a request can take.
 */
@ExtendWith(ArquillianExtension.class)
class ApprovalFlowIT {

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
    void submitted_request_is_approved_by_both_reviewers_and_provisioned() {
        // given alice submits a request with PII columns
        var created = api.post("alice", "api/requests", RequestBodies.withPii("crm_customers"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.object().getJsonNumber("id").longValue();
        assertThat(created.header("Location")).endsWith("/api/requests/" + id);
        assertThat(status("alice", id)).isEqualTo("IN_PRIVACY_REVIEW");

        // when priya finds it in her inbox, claims it and approves
        String privacyTask = api.awaitTask("priya", id, "privacyReview");
        JsonObject listed = task("priya", privacyTask);
        assertThat(listed.getString("dataset")).isEqualTo("crm_customers");
        assertThat(listed.getString("businessUnit")).isEqualTo("marketing");
        var claimed = api.post("priya", "api/tasks/" + privacyTask + "/claim", null);
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
        assertThat(claimed.object().getString("assignee")).isEqualTo("priya");
        var approved = api.post("priya", "api/tasks/" + privacyTask + "/decision",
                "{\"outcome\": \"APPROVE\", \"comment\": \"masking is adequate\"}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

        // then it waits for the platform review, and paul approves it
        assertThat(status("alice", id)).isEqualTo("IN_PLATFORM_REVIEW");
        assertThat(api.taskOf("priya", id, "privacyReview")).isNull();
        String platformTask = api.awaitTask("paul", id, "platformReview");
        var platformApproved = api.post("paul", "api/tasks/" + platformTask + "/decision",
                "{\"outcome\": \"APPROVE\"}");
        assertThat(platformApproved.status()).as(platformApproved.toString()).isEqualTo(200);
        assertThat(platformApproved.object().getString("status")).isEqualTo("PROVISIONING");

        // and the asynchronous provisioning and catalog steps run to the end
        api.await("alice", "api/requests/" + id,
                a -> a.object().getString("status").equals("PROVISIONED"), Duration.ofSeconds(60));
        JsonObject request = api.get("alice", "api/requests/" + id).object();
        List<String> actions = request.getJsonArray("history").stream()
                .map(JsonValue::asJsonObject).map(h -> h.getString("actor") + ":" + h.getString("action")).toList();
        assertThat(actions).contains("alice:REQUEST_SUBMITTED", "priya:TASK_CLAIMED", "priya:REVIEW_DECIDED",
                "paul:REVIEW_DECIDED", "system:PROVISIONING_RUN", "system:CATALOG_REGISTERED");
        List<String> decisions = request.getJsonArray("history").stream().map(JsonValue::asJsonObject)
                .filter(h -> h.getString("action").equals("REVIEW_DECIDED")).map(h -> h.getString("details")).toList();
        // the final approval records the fingerprint of the columns and masking it approved, which the load matched
        assertThat(decisions).contains("privacyReview=APPROVE; comment=masking is adequate")
                .anySatisfy(d -> assertThat(d).matches("platformReview=APPROVE; approvedColumnsSha256=[0-9a-f]{64}"));
    }

    @Test
    void request_without_pii_skips_the_privacy_review() {
        var created = api.post("alice", "api/requests", RequestBodies.withoutPii("campaign_calendar"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.object().getJsonNumber("id").longValue();

        assertThat(status("alice", id)).isEqualTo("IN_PLATFORM_REVIEW");
        assertThat(api.taskOf("priya", id, "privacyReview")).isNull();
        assertThat(api.awaitTask("pat", id, "platformReview")).isNotNull();
    }

    @Test
    void changes_requested_then_revised_request_is_routed_again() {
        long id = submit("churn_scores");
        String privacyTask = api.awaitTask("priya", id, "privacyReview");

        var sentBack = api.post("priya", "api/tasks/" + privacyTask + "/decision",
                "{\"outcome\": \"REQUEST_CHANGES\", \"comment\": \"pseudonymize the email instead\"}");
        assertThat(sentBack.status()).as(sentBack.toString()).isEqualTo(200);
        assertThat(status("alice", id)).isEqualTo("CHANGES_REQUESTED");
        assertThat(api.taskOf("alice", id, "reviseRequest")).isNotNull();

        String revised = RequestBodies.withPii("churn_scores").replace("{\"method\": \"EMAIL\"}",
                "{\"method\": \"PSEUDONYMIZE\"}");
        var put = api.put("alice", "api/requests/" + id, revised);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(status("alice", id)).isEqualTo("IN_PRIVACY_REVIEW");
        JsonObject email = api.get("alice", "api/requests/" + id).object().getJsonArray("columns")
                .getJsonObject(1);
        assertThat(email.getJsonObject("masking").getString("method")).isEqualTo("PSEUDONYMIZE");
        assertThat(api.awaitTask("priya", id, "privacyReview")).isNotEqualTo(privacyTask);
    }

    @Test
    void rejected_request_ends() {
        long id = submit("rejected_set");
        String privacyTask = api.awaitTask("priya", id, "privacyReview");

        var rejected = api.post("priya", "api/tasks/" + privacyTask + "/decision",
                "{\"outcome\": \"REJECT\", \"comment\": \"no lawful basis\"}");

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(status("alice", id)).isEqualTo("REJECTED");
        assertThat(api.taskOf("paul", id, "platformReview")).isNull();
    }

    @Test
    void requester_withdraws_a_request_under_review() {
        long id = submit("withdrawn_set");
        String privacyTask = api.awaitTask("priya", id, "privacyReview");

        var withdrawn = api.post("alice", "api/requests/" + id + "/withdraw", null);

        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(status("alice", id)).isEqualTo("WITHDRAWN");
        assertThat(api.taskOf("priya", id, "privacyReview")).isNull();
        var late = api.post("priya", "api/tasks/" + privacyTask + "/decision", "{\"outcome\": \"APPROVE\"}");
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(api.post("alice", "api/requests/" + id + "/withdraw", null).status()).isEqualTo(409);
    }

    @Test
    void requester_sees_only_requests_of_their_business_unit() {
        long id = submit("marketing_only");

        assertThat(api.get("bob", "api/requests/" + id).status()).isEqualTo(404);
        assertThat(api.get("bob", "api/requests").array().stream()
                .map(v -> v.asJsonObject().getString("businessUnit"))).doesNotContain("marketing");
        assertThat(api.get("alice", "api/requests?mine=true").array().stream()
                .map(v -> v.asJsonObject().getJsonNumber("id").longValue())).contains(id);
        assertThat(api.get("priya", "api/requests/" + id).status()).isEqualTo(200);
    }

    @Test
    void forms_are_served_from_the_forms_folder() {
        var form = api.get("alice", "api/forms/intake-request");

        assertThat(form.status()).isEqualTo(200);
        assertThat(form.object().getString("id")).isEqualTo("intake-request");
        assertThat(api.get("priya", "api/forms/privacy-review").object().getString("id")).isEqualTo("privacy-review");
    }

    @Test
    void inbox_lists_every_documented_field() {
        long id = submit("inbox_fields");

        JsonObject task = task("priya", api.awaitTask("priya", id, "privacyReview"));

        assertThat(task.keySet()).contains("id", "key", "name", "requestId", "dataset", "businessUnit", "created",
                "due", "overdue", "assignee");
        assertThat(task.isNull("assignee")).isTrue();
        // due the review SLA (INTAKE_REVIEW_SLA, PT3S on the test server) after the task was created
        assertThat(task.isNull("due")).as(task.toString()).isFalse();
        assertThat(Duration.between(Instant.parse(task.getString("created")), Instant.parse(task.getString("due"))))
                .isBetween(Duration.ofSeconds(3), Duration.ofMillis(3500));
    }

    @Test
    void registered_sources_and_their_columns_prefill_a_form_without_credentials() {
        var sources = api.get("alice", "api/sources");
        assertThat(sources.status()).isEqualTo(200);
        assertThat(sources.array().stream().map(v -> v.asJsonObject().getString("name"))).contains("demo");
        assertThat(sources.body()).doesNotContain("jdbc:", "password");

        var columns = api.get("alice", "api/sources/demo/columns?table=customers");

        assertThat(columns.status()).as(columns.toString()).isEqualTo(200);
        assertThat(columns.array().stream().map(JsonValue::asJsonObject)
                .map(c -> c.getString("name") + ":" + c.getString("type")))
                .contains("customer_id:BIGINT", "email:VARCHAR", "birth_date:DATE");
        assertThat(api.get("alice", "api/sources/demo/columns?table=no_such_table").status()).isEqualTo(404);
        assertThat(api.get("alice", "api/sources/nowhere/columns?table=customers").status()).isEqualTo(404);
        assertThat(api.get("alice", "api/sources/demo/columns?table=x%3B%20drop").status()).isEqualTo(400);
    }

    @Test
    void uploaded_shift_jis_csv_is_provisioned_masked() {
        byte[] csv = ("会員番号,氏名,メール,入会日\n"
                + "1,山田太郎,taro@example.jp,2020-04-01\n"
                + "2,佐藤花子,hanako@example.jp,2021-05-02\n"
                + "3,Anna Müller,anna@example.de,2022-06-03\n").getBytes(java.nio.charset.Charset.forName("windows-31j"));
        var uploaded = api.upload("alice", "api/uploads?fileName=members.csv", "text/csv", csv);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String uploadId = uploaded.object().getString("uploadId");
        List<String> names = uploaded.object().getJsonArray("columns").stream()
                .map(v -> v.asJsonObject().getString("name")).toList();
        assertThat(names).hasSize(4);
        assertThat(uploaded.object().getJsonArray("columns").getJsonObject(1).getString("header")).isEqualTo("氏名");

        String body = """
                {"title": "Members list", "businessUnit": "marketing", "dataset": "members_upload",
                 "owner": "alice", "purpose": "event invitations", "layer": "ENTITY",
                 "source": {"kind": "FILE", "fileName": "members.csv", "uploadId": "%s"},
                 "refresh": "ONCE", "retentionDays": 90,
                 "columns": [
                   {"name": "%s", "type": "BIGINT", "pii": "NONE", "masking": {"method": "KEEP"}},
                   {"name": "%s", "type": "VARCHAR", "pii": "PERSONAL", "masking": {"method": "PSEUDONYMIZE"}},
                   {"name": "%s", "type": "VARCHAR", "pii": "PERSONAL", "masking": {"method": "EMAIL"}},
                   {"name": "%s", "type": "DATE", "pii": "NONE", "masking": {"method": "KEEP"}}]}
                """.formatted(uploadId, names.get(0), names.get(1), names.get(2), names.get(3));
        long id = api.submit("alice", body);
        api.approveBoth(id, "priya", "pat");

        JsonObject done = api.awaitStatus("alice", id, "PROVISIONED", Duration.ofSeconds(60));
        JsonObject run = done.getJsonArray("provisioningRuns").getJsonObject(0);
        assertThat(run.getString("outcome")).isEqualTo("SUCCEEDED");
        assertThat(run.getJsonNumber("rowsWritten").longValue()).isEqualTo(3);
        assertThat(run.getString("table")).isEqualTo("staging.marketing__members_upload");
        assertThat(api.get("bob", "api/uploads/" + uploadId).status()).isEqualTo(404);
    }

    @Test
    void upload_beyond_the_size_limit_gets_413_and_a_request_cannot_use_another_units_upload() {
        var tooLarge = api.upload("alice", "api/uploads?fileName=big.csv", "text/csv",
                new byte[20 * 1024 * 1024 + 1]);
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);

        var bobs = api.upload("bob", "api/uploads?fileName=sales.csv", "text/csv",
                "order_id,amount\n1,10\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(bobs.status()).as(bobs.toString()).isEqualTo(201);
        String body = RequestBodies.withoutPii("with_bobs_file").replace(
                "\"source\": {\"kind\": \"JDBC\", \"connection\": \"demo\", \"table\": \"campaigns\"}",
                "\"source\": {\"kind\": \"FILE\", \"fileName\": \"sales.csv\", \"uploadId\": \""
                        + bobs.object().getString("uploadId") + "\"}");
        var refused = api.post("alice", "api/requests", body);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body()).contains("source.uploadId");
    }

    @Test
    void approval_registers_a_catalog_entry_and_a_second_approval_a_revision() {
        // given the dataset is approved and provisioned
        long first = submit("catalog_customers");
        approveBoth(first);
        awaitStatus(first, "PROVISIONED");

        // then its entry has the PII and masking of every column
        var entry = api.get("bob", "api/catalog/marketing__catalog_customers");
        assertThat(entry.status()).as(entry.toString()).isEqualTo(200);
        JsonObject latest = entry.object();
        assertThat(latest.getInt("revision")).isEqualTo(1);
        assertThat(latest.getString("owner")).isEqualTo("alice");
        assertThat(latest.getJsonObject("lastLoad").getJsonNumber("rowCount").longValue()).isPositive();
        assertThat(latest.getJsonArray("columns").stream().map(JsonValue::asJsonObject)
                .map(c -> c.getString("name") + ":" + c.getString("pii") + ":" + c.getString("method")))
                .containsExactly("customer_id:NONE:KEEP", "email:PERSONAL:EMAIL", "birth_date:PERSONAL:GENERALIZE_DATE");
        assertThat(api.get("audrey", "api/catalog?q=birth_date").array().stream()
                .map(v -> v.asJsonObject().getString("key"))).contains("marketing__catalog_customers");

        // when the same dataset is approved again with a changed masking
        long second = api.submit("alice", RequestBodies.withPii("catalog_customers")
                .replace("{\"method\": \"EMAIL\"}", "{\"method\": \"PSEUDONYMIZE\"}"));
        approveBoth(second);
        awaitStatus(second, "PROVISIONED");

        // then revision 2 names the difference, and revision 1 stays readable
        JsonObject two = api.get("bob", "api/catalog/marketing__catalog_customers").object();
        assertThat(two.getInt("revision")).isEqualTo(2);
        assertThat(two.getJsonObject("changes").getJsonArray("columnsChanged").stream().map(JsonValue::asJsonObject)
                .map(c -> c.getString("name"))).containsExactly("email");
        assertThat(api.get("bob", "api/catalog/marketing__catalog_customers/revisions").array()).hasSize(2);
        JsonObject exported = api.get("bob", "api/catalog/marketing__catalog_customers/export?format=openmetadata")
                .object();
        assertThat(exported.getString("name")).isEqualTo("marketing__catalog_customers");
        assertThat(exported.getJsonArray("columns").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("birth_date"))
                .flatMap(c -> c.getJsonArray("tags").stream()).map(t -> t.asJsonObject().getString("tagFQN")))
                .containsExactly("PII.Sensitive");
        assertThat(api.get("bob", "api/catalog/marketing__catalog_customers/revisions/1").object()
                .getJsonArray("columns").getJsonObject(1).getString("method")).isEqualTo("EMAIL");
    }

    @Test
    void only_the_owner_or_a_platform_engineer_edits_and_script_is_rendered_inert() {
        long id = submit("catalog_edits");
        approveBoth(id);
        awaitStatus(id, "PROVISIONED");
        String edit = """
                {"description": "Customers <script>alert('x')</script> <img src=x onerror=alert(1)> [link](javascript:alert(1))",
                 "knownGaps": "No rows before 2020.", "columns": [{"name": "email", "description": "masked address"}]}
                """;

        var byBob = api.put("bob", "api/catalog/marketing__catalog_edits", edit);
        var byPriya = api.put("priya", "api/catalog/marketing__catalog_edits", edit);
        var byAlice = api.put("alice", "api/catalog/marketing__catalog_edits", edit);

        assertThat(byBob.status()).as(byBob.toString()).isEqualTo(403);
        assertThat(byPriya.status()).isEqualTo(403);
        assertThat(byAlice.status()).as(byAlice.toString()).isEqualTo(200);
        JsonObject entry = api.get("audrey", "api/catalog/marketing__catalog_edits").object();
        assertThat(entry.getString("revisedBy")).isEqualTo("alice");
        assertThat(entry.getString("descriptionHtml")).doesNotContain("<script", "<img", "javascript:")
                .contains("&lt;script&gt;");
        assertThat(entry.getString("knownGaps")).isEqualTo("No rows before 2020.");
        assertThat(api.put("paul", "api/catalog/marketing__catalog_edits",
                "{\"knownGaps\": \"Rows of March 2024 are missing.\"}").status()).isEqualTo(200);
        assertThat(api.get("audrey", "api/catalog/marketing__catalog_edits/revisions").array()).hasSize(3);
    }

    @Test
    void a_provisioning_error_over_4_kb_is_recorded_cut_and_reaches_the_platform_team() {
        // given: 90 columns with long names that the source does not have, so the error names them all
        StringBuilder missing = new StringBuilder();
        for (int i = 0; i < 90; i++) {
            missing.append(", {\"name\": \"missing_column_with_a_rather_long_name_number_%03d\", ".formatted(i))
                    .append("\"type\": \"VARCHAR\", \"pii\": \"NONE\", \"masking\": {\"method\": \"KEEP\"}}");
        }
        String body = RequestBodies.withPii("crm_wide_broken").replace("\"masking\": {\"method\": \"EMAIL\"}}",
                "\"masking\": {\"method\": \"EMAIL\"}}" + missing);
        long id = api.submit("alice", body);

        // when
        api.approveBoth(id, "priya", "paul");

        // then: every attempt is recorded, cut to its column, and the platform team has the task
        JsonObject request = api.awaitStatus("alice", id, "PROVISIONING_FAILED", Duration.ofSeconds(120));
        List<String> errors = request.getJsonArray("provisioningRuns").stream().map(JsonValue::asJsonObject)
                .map(r -> r.getString("outcome") + ":" + r.getString("error", "")).toList();
        assertThat(errors).hasSize(3).allSatisfy(e -> assertThat(e).startsWith("FAILED:")
                .contains("has no column missing_column_with_a_rather_long_name_number_000")
                .endsWith("...").hasSize("FAILED:".length() + 2000));
        JsonObject task = api.get("paul", "api/tasks?requestId=" + id).array().stream().map(JsonValue::asJsonObject)
                .filter(t -> t.getString("key").equals("resolveProvisioningFailure")).findFirst().orElseThrow();
        assertThat(task.getString("problem")).contains("has no column").hasSizeLessThanOrEqualTo(2000);
    }

    private void approveBoth(long id) {
        api.approveBoth(id, "priya", "paul");
    }

    private void awaitStatus(long id, String status) {
        api.awaitStatus("alice", id, status, Duration.ofSeconds(90));
    }

    private long submit(String dataset) {
        return api.submit("alice", RequestBodies.withPii(dataset));
    }

    private String status(String user, long id) {
        return api.get(user, "api/requests/" + id).object().getString("status");
    }

    private JsonObject task(String user, String taskId) {
        var answer = api.get(user, "api/tasks/" + taskId);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.object();
    }
}
