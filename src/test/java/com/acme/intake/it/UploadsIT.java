package com.acme.intake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.acme.intake.source.control.HostileFiles;

/**
 * Uploads that would take a node down, posted to the real server: each is answered 400 with a clear
 * error within a few seconds, no copy stays in the temp directory and (on PostgreSQL, where the test
 * can look into the database) no row is stored; meanwhile {@code GET /api/me} keeps answering within
 * 200 ms. And an upload lives only as long as a request needs it.
 */
@ExtendWith(ArquillianExtension.class)
class UploadsIT {

    /** The "about a second", with room for a loaded two-core machine. */
    private static final long ANSWER_MILLIS = 5_000;
    private static final long ME_MILLIS = 200;

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
    void hostile_files_get_400_quickly_and_leave_nothing_behind() throws Exception {
        Map<String, Hostile> files = new LinkedHashMap<>();
        files.put("far.xlsx", new Hostile(HostileFiles.xlsxWithFarRightCell(), "beyond column XFD"));
        files.put("wide.xlsx", new Hostile(HostileFiles.xlsxWithColumns(501), "more than 500 columns"));
        files.put("digits.csv", new Hostile(HostileFiles.csvWithLongNumber(20_000_000), "longer than 65536 characters"));
        files.put("commas.csv", new Hostile(HostileFiles.csvWithWideHeader(5_000_000), "more than 500 fields"));
        files.put("headerless.csv", new Hostile(HostileFiles.headerlessCsv(), "the header row is missing"));
        Set<Path> tempBefore = tempUploads();
        long rowsBefore = storedRows();
        System.out.printf("server heap before: %s%n", heap());

        for (Map.Entry<String, Hostile> file : files.entrySet()) {
            // given a file any requester could send; when it is uploaded
            long start = System.nanoTime();
            Api.Answer answer = upload(file.getKey(), file.getValue().content());
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("%s (%d bytes): %d in %d ms, server heap after: %s%n", file.getKey(),
                    file.getValue().content().length, answer.status(), millis, heap());

            // then it is refused with the problem format and a message that says why, quickly
            assertThat(answer.status()).as(file.getKey() + ": " + answer).isEqualTo(400);
            assertThat(answer.object().getInt("status")).isEqualTo(400);
            assertThat(answer.object().getString("error")).contains(file.getValue().reason())
                    .doesNotContain("alice@example.com");
            assertThat(millis).as(file.getKey() + " answered in ms").isLessThan(ANSWER_MILLIS);
        }

        assertThat(newTempUploads(tempBefore)).isEmpty();
        assertThat(storedRows()).isEqualTo(rowsBefore);
        assertThat(api.get("alice", "api/me").status()).isEqualTo(200);
    }

    @Test
    void me_answers_within_200_ms_while_hostile_uploads_are_processed() throws Exception {
        List<byte[]> hostile = List.of(HostileFiles.xlsxWithFarRightCell(), HostileFiles.csvWithLongNumber(2_000_000),
                HostileFiles.csvWithWideHeader(2_000_000), HostileFiles.headerlessCsv());
        List<String> names = List.of("far.xlsx", "digits.csv", "commas.csv", "headerless.csv");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger refused = new AtomicInteger();
        List<Integer> otherAnswers = Collections.synchronizedList(new ArrayList<>());
        ExecutorService uploaders = Executors.newFixedThreadPool(4);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String authorization = "Basic " + java.util.Base64.getEncoder()
                .encodeToString(("alice:" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
        URI me = base.toURI().resolve("api/me");
        try {
            // given four threads uploading hostile files without pause
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                futures.add(uploaders.submit(() -> {
                    for (int i = first; running.get(); i++) {
                        Api.Answer answer = upload(names.get(i % names.size()), hostile.get(i % hostile.size()));
                        if (answer.status() == 400) {
                            refused.incrementAndGet();
                        } else {
                            otherAnswers.add(answer.status());
                        }
                    }
                    return null;
                }));
            }
            // when GET /api/me is asked on the same node: a warm-up, then the sample
            for (int i = 0; i < 20; i++) {
                get(client, me, authorization);
                Thread.sleep(50);
            }
            int refusedBeforeSample = refused.get();
            List<Long> sample = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = get(client, me, authorization);
                sample.add((System.nanoTime() - start) / 1_000_000);
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).contains("\"username\":\"alice\"");
                Thread.sleep(50);
            }
            running.set(false);
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }

            // then every answer came within 200 ms, while the hostile uploads kept being refused
            List<Long> sorted = sample.stream().sorted().toList();
            long p50 = sorted.get(sorted.size() / 2);
            long p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
            long max = sorted.get(sorted.size() - 1);
            System.out.printf("GET /api/me under hostile uploads: n=%d p50=%d ms p95=%d ms max=%d ms;"
                    + " hostile uploads refused during the sample: %d (total %d)%n", sample.size(), p50, p95, max,
                    refused.get() - refusedBeforeSample, refused.get());
            assertThat(otherAnswers).as("answers other than 400 to hostile uploads").isEmpty();
            assertThat(refused.get() - refusedBeforeSample).as("hostile uploads refused during the sample")
                    .isGreaterThan(10);
            assertThat(max).as("slowest GET /api/me in ms").isLessThan(ME_MILLIS);
        } finally {
            running.set(false);
            uploaders.shutdownNow();
        }
    }

    @Test
    void the_upload_of_a_withdrawn_rejected_or_provisioned_request_is_deleted() {
        // withdrawn
        String withdrawnUpload = uploadOrders();
        long withdrawn = api.submit("alice", fileRequest("uploads_withdrawn", withdrawnUpload));
        assertThat(api.get("alice", "api/uploads/" + withdrawnUpload).status()).isEqualTo(200);
        assertThat(api.post("alice", "api/requests/" + withdrawn + "/withdraw", null).status()).isEqualTo(200);
        assertThat(api.get("alice", "api/uploads/" + withdrawnUpload).status()).isEqualTo(404);

        // rejected
        String rejectedUpload = uploadOrders();
        long rejected = api.submit("alice", fileRequest("uploads_rejected", rejectedUpload));
        String review = api.awaitTask("pat", rejected, "platformReview");
        assertThat(api.post("pat", "api/tasks/" + review + "/decision",
                "{\"outcome\": \"REJECT\", \"comment\": \"not needed\"}").status()).isEqualTo(200);
        api.awaitStatus("alice", rejected, "REJECTED", Duration.ofSeconds(30));
        assertThat(api.get("alice", "api/uploads/" + rejectedUpload).status()).isEqualTo(404);

        // provisioned: kept while the load needs it, deleted once the request is provisioned
        String provisionedUpload = uploadOrders();
        long provisioned = api.submit("alice", fileRequest("uploads_provisioned", provisionedUpload));
        String approval = api.awaitTask("pat", provisioned, "platformReview");
        assertThat(api.post("pat", "api/tasks/" + approval + "/decision", "{\"outcome\": \"APPROVE\"}").status())
                .isEqualTo(200);
        var done = api.awaitStatus("alice", provisioned, "PROVISIONED", Duration.ofSeconds(90));
        assertThat(done.getJsonArray("provisioningRuns").getJsonObject(0).getJsonNumber("rowsWritten").longValue())
                .isEqualTo(2);
        assertThat(api.get("alice", "api/uploads/" + provisionedUpload).status()).isEqualTo(404);
    }

    private String uploadOrders() {
        Api.Answer uploaded = upload("orders.csv", "order_id,amount\n1,10\n2,20\n".getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        return uploaded.object().getString("uploadId");
    }

    private static String fileRequest(String dataset, String uploadId) {
        return """
                {"title": "Orders", "businessUnit": "marketing", "dataset": "%s",
                 "owner": "alice", "purpose": "order analysis", "layer": "EVENT_LOG",
                 "source": {"kind": "FILE", "fileName": "orders.csv", "uploadId": "%s"},
                 "refresh": "ONCE", "retentionDays": 30,
                 "columns": [
                   {"name": "order_id", "type": "BIGINT", "pii": "NONE", "masking": {"method": "KEEP"}},
                   {"name": "amount", "type": "BIGINT", "pii": "NONE", "masking": {"method": "KEEP"}}]}
                """.formatted(dataset, uploadId);
    }

    private Api.Answer upload(String fileName, byte[] content) {
        return api.upload("alice", "api/uploads?fileName=" + fileName,
                fileName.endsWith(".csv") ? "text/csv" : "application/octet-stream", content);
    }

    private static HttpResponse<String> get(HttpClient client, URI uri, String authorization)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The server's used heap from MicroProfile Metrics, for the record (the unit tests bound it). */
    private String heap() throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                base.toURI().resolve("/metrics?scope=base")).header("Accept", "text/plain").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher used = Pattern.compile("(?m)^\\w*memory_usedHeap_bytes\\S* ([0-9.Ee+]+)$").matcher(metrics.body());
        Matcher max = Pattern.compile("(?m)^\\w*memory_maxHeap_bytes\\S* ([0-9.Ee+]+)$").matcher(metrics.body());
        return used.find() && max.find()
                ? (long) (Double.parseDouble(used.group(1)) / (1 << 20)) + " of "
                        + (long) (Double.parseDouble(max.group(1)) / (1 << 20)) + " MiB"
                : "not reported (" + metrics.statusCode() + ")";
    }

    /**
     * Rows of the upload tables, when the server's database is one the test can open (PostgreSQL,
     * -Ppostgres); the embedded H2 file is locked by the server. On H2 the same guarantee is shown by
     * UploadStoreTest.
     */
    private static long storedRows() throws SQLException {
        String url = System.getProperty("it.db.url", "");
        if (url.isBlank()) {
            return -1;
        }
        try (Connection connection = DriverManager.getConnection(url, System.getProperty("it.db.user", "postgres"), "");
                Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("SELECT (SELECT COUNT(*) FROM source_upload)"
                        + " + (SELECT COUNT(*) FROM source_upload_chunk) + (SELECT COUNT(*) FROM source_upload_column)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Copies of workbooks the server made in the shared temp directory (the server runs on this machine). */
    private static Set<Path> tempUploads() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return new HashSet<>(files.filter(f -> f.getFileName().toString().startsWith("intake-upload-")).toList());
        }
    }

    /**
     * Copies that appeared during the test and are still there a moment after the last answer, and
     * half a second later (other servers on this machine share the directory; their copies are brief).
     */
    private static Set<Path> newTempUploads(Set<Path> before) throws IOException, InterruptedException {
        Thread.sleep(1_000);
        Set<Path> now = tempUploads();
        now.removeAll(before);
        Thread.sleep(500);
        now.retainAll(tempUploads());
        return now;
    }

    private record Hostile(byte[] content, String reason) {
    }
}
