package com.acme.intake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.json.Json;
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
 * The operations endpoints of the running server, without credentials: MicroProfile Health
 * ({@code /health}, {@code /health/live}, {@code /health/ready}), Metrics ({@code /metrics}) and
 * the OpenAPI document ({@code /openapi}).
 */
@ExtendWith(ArquillianExtension.class)
class OperationsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;
    URI root;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void source() throws java.sql.SQLException {
        SourceFixture.ensureCustomers();
    }

    @BeforeEach
    void client() throws Exception {
        api = new Api(base);
        root = base.toURI().resolve("/");
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        }
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /** name → status of each check in a health answer. */
    private static Map<String, String> checks(JsonObject health) {
        return health.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
    }

    @Test
    void readiness_covers_both_databases_and_the_engine_without_credentials() {
        HttpResponse<String> ready = get("health/ready");

        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        JsonObject health = json(ready);
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(checks(health)).containsEntry("application-database", "UP")
                .containsEntry("warehouse-database", "UP").containsEntry("process-engine", "UP");
        JsonObject engine = health.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("process-engine")).findFirst().orElseThrow();
        // Payara writes the data values as JSON strings
        assertThat(engine.getJsonObject("data").toString()).containsPattern("\"jobExecutorActive\":\"?true\"?");
    }

    @Test
    void liveness_and_the_combined_health_answer() {
        HttpResponse<String> live = get("health/live");
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        assertThat(checks(json(live))).containsEntry("intake-application", "UP")
                .doesNotContainKey("application-database");

        HttpResponse<String> all = get("health");
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        assertThat(checks(json(all))).containsKeys("intake-application", "application-database",
                "warehouse-database", "process-engine");
    }

    @Test
    void metrics_count_requests_by_status_open_tasks_and_provisioning_durations() throws Exception {
        String before = applicationMetrics();
        assertThat(before).contains("intake_requests").contains("intake_open_tasks");
        double inPrivacyReview = value(before, "intake_requests", "status=\"IN_PRIVACY_REVIEW\"");
        double openTasks = value(before, "intake_open_tasks", null);

        // when a request is submitted (it waits for the privacy review) and another is provisioned
        long waiting = api.submit("alice", RequestBodies.withPii("ops_waiting"));
        api.awaitTask("priya", waiting, "privacyReview");
        long provisioned = api.submit("alice", RequestBodies.withPii("ops_provisioned"));
        api.approveBoth(provisioned, "priya", "paul");
        api.awaitStatus("alice", provisioned, "PROVISIONED", Duration.ofSeconds(60));

        // then, once the gauges' 5-second cache has passed, the values follow
        Thread.sleep(5_500);
        String after = applicationMetrics();
        assertThat(value(after, "intake_requests", "status=\"IN_PRIVACY_REVIEW\"")).isEqualTo(inPrivacyReview + 1);
        assertThat(value(after, "intake_requests", "status=\"PROVISIONED\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "intake_open_tasks", null)).isGreaterThanOrEqualTo(openTasks + 1);
        assertThat(value(after, "intake_provisioning_duration_seconds_count", "outcome=\"succeeded\""))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void openapi_document_lists_the_api() {
        HttpResponse<String> openapi = get("openapi");

        assertThat(openapi.statusCode()).as(openapi.body()).isEqualTo(200);
        assertThat(openapi.body()).contains("Data Intake API").contains("/api/requests").contains("/api/tasks")
                .contains("scheme: basic");
    }

    private String applicationMetrics() {
        HttpResponse<String> metrics = get("metrics?scope=application");
        assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
        return metrics.body();
    }

    /** The value of a metric line in the Prometheus text format, with a label if given. */
    private static double value(String metrics, String name, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} ([0-9.Ee+-]+)$").matcher(metrics);
        while (m.find()) {
            if (label == null || m.group(1).contains(label)) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError(name + (label == null ? "" : "{" + label + "}") + " not in:\n" + metrics);
    }
}
