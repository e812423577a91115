package com.acme.intake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail over real HTTP: what actions and refusals leave on it, its verification, the
 * paged query with its filters, and the Excel export.
 */
@ExtendWith(ArquillianExtension.class)
class AuditIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    @Test
    void a_submission_is_on_the_trail_and_the_chain_verifies() {
        var submitted = api.post("alice", "api/requests", RequestBodies.withPii("audited_one"));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        long id = submitted.object().getJsonNumber("id").longValue();

        var page = api.get("audrey", "api/audit?requestId=" + id + "&action=REQUEST_SUBMITTED");

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<JsonObject> events = page.object().getJsonArray("events").stream().map(JsonValue::asJsonObject).toList();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getString("actor")).isEqualTo("alice");
        assertThat(events.get(0).getString("hash")).hasSize(64);
        var verify = api.get("admin", "api/audit/verify");
        assertThat(verify.object().getBoolean("ok")).as(verify.toString()).isTrue();
        assertThat(verify.object().getJsonNumber("events").longValue()).isPositive();
    }

    /**
     * The events of one action are on the trail in the order they happened: the submission before
     * the status change the process makes on it, a review's decision before the status change
     * that follows from it.
     */
    @Test
    void the_events_of_an_action_are_in_causal_order() {
        long id = api.submit("alice", RequestBodies.withoutPii("causal_order"));
        String task = api.awaitTask("pat", id, "platformReview");
        var decided = api.post("pat", "api/tasks/" + task + "/decision",
                "{\"outcome\": \"REJECT\", \"comment\": \"not needed\"}");
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);

        var page = api.get("audrey", "api/audit?requestId=" + id + "&size=500");

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> trail = page.object().getJsonArray("events").stream().map(JsonValue::asJsonObject)
                .sorted(java.util.Comparator.comparingLong(e -> e.getJsonNumber("seq").longValue()))
                .map(e -> e.getString("action") + (e.getString("action").equals("STATUS_CHANGED")
                        ? " " + e.getString("details") : ""))
                .filter(a -> !a.startsWith("TASK_"))
                .toList();
        assertThat(trail).containsExactly("REQUEST_SUBMITTED", "STATUS_CHANGED SUBMITTED -> IN_PLATFORM_REVIEW",
                "REVIEW_DECIDED", "STATUS_CHANGED IN_PLATFORM_REVIEW -> REJECTED");
    }

    /**
     * Submissions that overlap each get their own place on the chain: the append at the end of each
     * transaction is serialised by the chain head's lock, so no two take the same number.
     */
    @Test
    void concurrent_submissions_are_chained_one_after_another() throws Exception {
        int clients = 6;
        int each = 5;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Integer>>> runs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                runs.add(pool.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        statuses.add(api.post("alice", "api/requests",
                                RequestBodies.withPii("overlapping_" + client + "_" + i)).status());
                    }
                    return statuses;
                }));
            }
            for (Future<List<Integer>> run : runs) {
                assertThat(run.get(3, TimeUnit.MINUTES)).as("every overlapping submission is accepted")
                        .containsOnly(201);
            }
        } finally {
            pool.shutdownNow();
        }
        var page = api.get("audrey", "api/audit?action=REQUEST_SUBMITTED&size=500");
        List<String> datasets = page.object().getJsonArray("events").stream().map(JsonValue::asJsonObject)
                .map(e -> e.getString("details", "")).filter(d -> d.contains("overlapping_")).toList();
        assertThat(datasets).as("one submission event per request").hasSize(clients * each);
        var verify = api.get("admin", "api/audit/verify");
        assertThat(verify.object().getBoolean("ok")).as(verify.toString()).isTrue();
    }

    @Test
    void refused_calls_and_failed_logins_are_recorded() {
        assertThat(api.get("alice", "api/audit").status()).isEqualTo(403);
        assertThat(api.send("bob", "not-his-password", "GET", "api/requests", null).status()).isEqualTo(401);

        var refusedAlice = api.get("audrey", "api/audit?actor=alice&action=ACCESS_REFUSED");
        assertThat(refusedAlice.body()).contains("/api/audit refused (403): your role does not allow this");
        var refusedBob = api.get("audrey", "api/audit?actor=bob&action=ACCESS_REFUSED");
        assertThat(refusedBob.body()).contains("refused (401)").doesNotContain("not-his-password");
    }

    @Test
    void invalid_filters_get_400() throws Exception {
        var answer = api.get("audrey", "api/audit?from=yesterday");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.object().getString("error")).contains("from must be an ISO date");
        assertThat(api.get("audrey", "api/audit?size=501").status()).isEqualTo(400);
        var export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "api/audit/export.xlsx?requestId=x")).header("Authorization", basic("audrey"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(export.statusCode()).isEqualTo(400);
        assertThat(export.body()).contains("requestId must be a positive whole number");
    }

    @Test
    void the_export_is_a_workbook_and_is_itself_recorded() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + "api/audit/export.xlsx?businessUnit=marketing"))
                .header("Authorization", basic("audrey"))
                .build();

        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
            assertThat(wb.getSheetName(0)).isEqualTo("Events");
            assertThat(wb.getSheet("Export").getRow(1).getCell(1).getStringCellValue()).isEqualTo("audrey");
        }
        assertThat(api.get("admin", "api/audit?action=AUDIT_EXPORTED&actor=audrey").body())
                .contains("businessUnit=marketing");
    }

    @Test
    void the_exports_headers_follow_lang_or_else_accept_language() throws Exception {
        assertThat(eventHeaders("api/audit/export.xlsx?requestId=1&lang=ja", "en")).startsWith("連番", "日時（UTC）");
        assertThat(eventHeaders("api/audit/export.xlsx?requestId=1", "ja-JP,ja;q=0.9,en;q=0.8")).startsWith("連番");
        assertThat(eventHeaders("api/audit/export.xlsx?requestId=1", "fr-FR,en;q=0.5")).startsWith("seq", "time (UTC)");
        assertThat(eventHeaders("api/audit/export.xlsx?requestId=1&lang=en", "ja")).startsWith("seq");

        int before = api.get("audrey", "api/audit?action=AUDIT_EXPORTED&actor=audrey&size=500").object()
                .getJsonArray("events").size();
        var unknown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "api/audit/export.xlsx?lang=fr")).header("Authorization", basic("audrey"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("lang must be one of [en, ja]");
        assertThat(api.get("audrey", "api/audit?action=AUDIT_EXPORTED&actor=audrey&size=500").object()
                .getJsonArray("events")).as("a refused export is not recorded as an export").hasSize(before);
    }

    private List<String> eventHeaders(String path, String acceptLanguage) throws Exception {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic("audrey")).header("Accept-Language", acceptLanguage)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
            List<String> headers = new ArrayList<>();
            wb.getSheet("Events").getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
            return headers;
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
