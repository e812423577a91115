package com.acme.intake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
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
 * Input the API must refuse with a 400 naming the field, storing nothing: fields it does not know,
 * texts longer than their columns, a width the database would round to 0; and tables a requester
 * may not read (schemas of other business units, the database's own catalogs).
 */
@ExtendWith(ArquillianExtension.class)
class StrictInputIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeAll
    static void source() throws java.sql.SQLException {
        SourceFixture.ensureCustomers();
    }

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    @Test
    void a_request_with_an_unknown_field_is_refused_naming_it_and_nothing_is_stored() {
        String body = RequestBodies.withPii("unknown_fields")
                .replace("\"retentionDays\": 365,", "\"retentionDays\": 365, \"retentionColum\": \"birth_date\",")
                .replace("\"to\": \"YEAR\"}", "\"to\": \"YEAR\"}, \"maskng\": {\"method\": \"KEEP\"}");
        int before = mine();

        var refused = api.post("alice", "api/requests", body);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(fieldErrors(refused)).contains("retentionColum", "columns[2].maskng");
        assertThat(mine()).isEqualTo(before);
    }

    @Test
    void every_body_taking_endpoint_refuses_unknown_fields() {
        long id = api.submit("alice", RequestBodies.withoutPii("unknown_elsewhere"));
        String task = api.awaitTask("pat", id, "platformReview");

        var revise = api.put("alice", "api/requests/" + id,
                RequestBodies.withoutPii("unknown_elsewhere").replace("{\"title\"", "{\"titel\": \"x\", \"title\""));
        var decision = api.post("pat", "api/tasks/" + task + "/decision",
                "{\"outcome\": \"REJECT\", \"commnet\": \"typo\", \"comment\": \"no\"}");
        var catalog = api.put("admin", "api/catalog/marketing__unknown_elsewhere",
                "{\"description\": \"d\", \"columns\": [{\"name\": \"a\", \"descripton\": \"x\"}]}");

        assertThat(revise.status()).as(revise.toString()).isEqualTo(400);
        assertThat(fieldErrors(revise)).containsExactly("titel");
        assertThat(decision.status()).as(decision.toString()).isEqualTo(400);
        assertThat(fieldErrors(decision)).containsExactly("commnet");
        assertThat(catalog.status()).as(catalog.toString()).isEqualTo(400);
        assertThat(fieldErrors(catalog)).containsExactly("columns[0].descripton");
        assertThat(api.taskOf("pat", id, "platformReview")).as("the refused decision changed nothing").isEqualTo(task);
    }

    @Test
    void a_justification_longer_than_its_column_is_a_400_not_a_500() {
        String body = RequestBodies.withPii("long_justification").replace("{\"method\": \"EMAIL\"}",
                "{\"method\": \"KEEP\", \"justification\": \"" + "j".repeat(2001) + "\"}");

        var refused = api.post("alice", "api/requests", body);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(fieldErrors(refused)).containsExactly("columns[1].masking.justification");
    }

    @Test
    void a_decision_comment_longer_than_it_may_be_is_a_400_and_decides_nothing() {
        long id = api.submit("alice", RequestBodies.withoutPii("long_comment"));
        String task = api.awaitTask("pat", id, "platformReview");

        var refused = api.post("pat", "api/tasks/" + task + "/decision",
                "{\"outcome\": \"REJECT\", \"comment\": \"" + "c".repeat(2001) + "\"}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(api.taskOf("pat", id, "platformReview")).isEqualTo(task);
    }

    @Test
    void texts_longer_than_their_columns_are_400s_naming_each() {
        String body = RequestBodies.withPii("long_texts")
                .replace("\"CRM customers\"", "\"" + "t".repeat(201) + "\"")
                .replace("\"alice\"", "\"" + "o".repeat(101) + "\"")
                .replace("\"churn analysis\"", "\"" + "p".repeat(2001) + "\"")
                .replace("\"pii\": \"NONE\",", "\"pii\": \"NONE\", \"description\": \"" + "d".repeat(2001) + "\",");

        var refused = api.post("alice", "api/requests", body);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(fieldErrors(refused)).containsExactlyInAnyOrder("title", "owner", "purpose", "columns[0].description");
    }

    @Test
    void a_width_the_database_would_round_to_0_is_a_400() {
        String body = RequestBodies.withoutPii("tiny_width").replace(
                "{\"name\": \"campaign_id\", \"type\": \"BIGINT\", \"pii\": \"NONE\", \"masking\": {\"method\": \"KEEP\"}}",
                "{\"name\": \"budget\", \"type\": \"DECIMAL\", \"pii\": \"NONE\","
                        + " \"masking\": {\"method\": \"GENERALIZE_NUMBER\", \"width\": 0.00000000001}}");

        var refused = api.post("alice", "api/requests", body);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(fieldErrors(refused)).containsExactly("columns[0].masking.width");
    }

    @Test
    void a_requester_reads_the_columns_of_open_schemas_only() {
        var open = api.get("alice", "api/sources/demo/columns?table=public.customers");
        assertThat(open.status()).as(open.toString()).isEqualTo(200);
        assertThat(open.array()).isNotEmpty();

        for (String table : List.of("INFORMATION_SCHEMA.TABLES", "information_schema.columns", "pg_catalog.pg_class",
                "sales.customers")) {
            var closed = api.get("alice", "api/sources/demo/columns?table=" + table);
            assertThat(closed.status()).as(table + ": " + closed).isEqualTo(404);
            assertThat(closed.object().getString("error")).as(table).contains("is not open to you");
        }
    }

    @Test
    void the_database_catalogs_are_closed_to_staff_too() {
        var closed = api.get("paul", "api/sources/demo/columns?table=INFORMATION_SCHEMA.TABLES");

        assertThat(closed.status()).as(closed.toString()).isEqualTo(404);
    }

    @Test
    void a_request_may_not_name_a_table_of_a_schema_not_open_to_its_business_unit() {
        var refused = api.post("alice", "api/requests",
                RequestBodies.withPii("marketing", "catalog_read", "x").replace("public.x", "information_schema.tables"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(fieldErrors(refused)).containsExactly("source.table");
    }

    @Test
    void a_json_body_over_the_limit_is_a_413_whether_its_length_is_declared_or_not_and_nothing_is_stored() {
        // a well-formed request whose purpose alone is 5 MiB: more than INTAKE_JSON_MAX_BYTES' default of 4 MiB
        byte[] huge = RequestBodies.withoutPii("huge_body")
                .replace("\"purpose\": \"", "\"purpose\": \"" + "x".repeat(5 * 1024 * 1024))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int before = mine();

        // each on a connection of its own: a body the server refuses unread ends its connection
        var declared = new Api(base).upload("alice", "api/requests", "application/json", huge);
        var chunked = new Api(base).postChunked("alice", "api/requests", "application/json; charset=UTF-8", huge);

        assertThat(declared.status()).as(declared.toString()).isEqualTo(413);
        assertThat(declared.object().getString("code")).isEqualTo("BODY_TOO_LARGE");
        assertThat(chunked.status()).as(chunked.toString()).isEqualTo(413);
        assertThat(chunked.object().getString("error")).contains("INTAKE_JSON_MAX_BYTES");
        assertThat(mine()).isEqualTo(before);
    }

    private int mine() {
        return api.get("alice", "api/requests?mine=true").array().size();
    }

    private static List<String> fieldErrors(Api.Answer answer) {
        return answer.object().getJsonArray("fieldErrors").stream().map(JsonValue::asJsonObject)
                .map((JsonObject e) -> e.getString("field")).toList();
    }
}
