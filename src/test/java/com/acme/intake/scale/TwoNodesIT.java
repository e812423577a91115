package com.acme.intake.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.acme.intake.it.Api;
import com.acme.intake.it.RequestBodies;

/**
 * Two Payara Micro nodes on one PostgreSQL (issue #7 point 4): clustering off, they share only the
 * database, and both run the job executor. 200 requests are submitted and approved over both nodes;
 * each is provisioned exactly once. Then one node is killed with SIGKILL while it runs provisioning
 * jobs, and the other finishes them once their locks expire ({@code intake.jobs.lock-time}).
 *
 * <p>Run: {@code mvn -B -Ptwo-nodes verify -Dexec.skip=true} (see docs/testing.md); databases
 * {@code scale_app}, {@code scale_wh} and {@code scale_src} on the tests' PostgreSQL ({@code postgres.address}) are recreated.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final int REQUESTS = 200;
    private static final int SMALL_ROWS = 300;
    private static final int BIG_ROWS = Integer.getInteger("two-nodes.big-rows", 400_000);
    private static final int KILLED_BATCH = 6;
    private static final Duration LOCK_TIME = Duration.ofSeconds(20);
    private static final int CLIENTS = 6;

    private static final ScaleDatabases DB = new ScaleDatabases("scale_app", "scale_wh", "scale_src");
    private static final List<String> FAILED_CALLS = Collections.synchronizedList(new ArrayList<>());

    private static PayaraNode nodeA;
    private static PayaraNode nodeB;
    private static Api apiA;
    private static Api apiB;
    private static ExecutorService clients;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        DB.recreate();
        DB.createCustomers("customers", SMALL_ROWS);
        DB.createCustomers("customers_big", BIG_ROWS);
        Path dir = Path.of("target", "two-nodes");
        Map<String, String> env = DB.nodeEnvironment(dir.resolve("data").toAbsolutePath().toString());
        env.put("INTAKE_JOBS_LOCK_TIME", LOCK_TIME.toString());
        // a load must end before its lock does (checked at start)
        env.put("INTAKE_WAREHOUSE_LOAD_TIMEOUT", LOCK_TIME.minusSeconds(1).toString());
        // Both start at once on the empty database: they take turns creating the engine's tables
        // (an advisory lock), so neither fails.
        // (each assigned before waiting, so @AfterAll stops it whatever happens)
        nodeA = PayaraNode.start("node-a", env, "-Xmx384m", dir);
        nodeB = PayaraNode.start("node-b", env, "-Xmx384m", dir);
        nodeA.awaitReady(Duration.ofMinutes(8));
        nodeB.awaitReady(Duration.ofMinutes(8));
        apiA = new Api(nodeA.url());
        apiB = new Api(nodeB.url());
        clients = Executors.newFixedThreadPool(CLIENTS);
    }

    @AfterAll
    static void stopNodes() throws Exception {
        if (clients != null) {
            clients.shutdownNow();
        }
        for (PayaraNode node : new PayaraNode[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void twoHundredRequestsOverTwoNodesAreEachProvisionedExactlyOnce() throws Exception {
        // given 200 submissions, alternating nodes and requesters, several at a time
        List<Long> ids = submit(REQUESTS, "customers", "batch");
        assertThat(ids).doesNotHaveDuplicates().hasSize(REQUESTS);

        // when priya approves every privacy review and paul every platform review, alternating nodes
        approveAll(ids);

        // then every request is provisioned, once, with all rows and one catalog revision
        awaitProvisioned(ids, Duration.ofMinutes(4));
        assertExactlyOnce(ids, SMALL_ROWS);
        assertEngineClean();
        assertThat(apiB.get("audrey", "api/audit/verify").object().getBoolean("ok")).isTrue();
        assertThat(FAILED_CALLS).as("answers other than 2xx to users").isEmpty();
    }

    @Test
    @Order(2)
    void whenANodeIsKilledDuringProvisioningTheOtherFinishesTheWork() throws Exception {
        // given large loads approved over both nodes
        List<Long> ids = submit(KILLED_BATCH, "customers_big", "big");
        approveAll(ids);

        // when a node holding provisioning jobs in flight is killed with SIGKILL
        InFlight inFlight = awaitJobsInFlight(ids, Duration.ofSeconds(60));
        PayaraNode victim = inFlight.victim();
        PayaraNode survivor = victim == nodeA ? nodeB : nodeA;
        Instant killedAt = Instant.now();
        victim.kill();
        assertThat(victim.alive()).isFalse();
        assertThat(inFlight.requests()).as("requests whose provisioning the killed node held").isNotEmpty();

        // then the survivor provisions all of them, each exactly once, once the locks expire
        awaitProvisioned(ids, LOCK_TIME.plus(Duration.ofMinutes(3)));
        assertExactlyOnce(ids, BIG_ROWS);
        for (long id : inFlight.requests()) {
            assertThat(successfulRunStart(id)).as("run of request %s held by the killed node", id).isAfter(killedAt);
        }
        assertEngineClean();
        Api api = survivor == nodeA ? apiA : apiB;
        for (long id : ids) {
            assertThat(api.get("paul", "api/requests/" + id).object().getString("status")).isEqualTo("PROVISIONED");
        }
        assertThat(api.get("audrey", "api/audit/verify").object().getBoolean("ok")).isTrue();
        assertThat(FAILED_CALLS).as("answers other than 2xx to users").isEmpty();
        System.out.printf("killed %s (pid %d) holding requests %s; %s finished all %d%n", victim.name(),
                victim.pid(), inFlight.requests(), survivor.name(), ids.size());
    }

    // --- steps -----------------------------------------------------------------------------------

    private static List<Long> submit(int count, String table, String prefix) throws Exception {
        List<Callable<Long>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            calls.add(() -> {
                Api api = n % 2 == 0 ? apiA : apiB;
                boolean alice = (n / 2) % 2 == 0;
                String body = RequestBodies.withPii(alice ? "marketing" : "sales", prefix + "_" + n, table);
                Api.Answer created = checked(api.post(alice ? "alice" : "bob", "api/requests", body), "submit");
                return created.object().getJsonNumber("id").longValue();
            });
        }
        return all(calls);
    }

    private static void approveAll(List<Long> ids) throws Exception {
        decideAll("priya", "privacyReview", ids);
        decideAll("paul", "platformReview", ids);
    }

    /** The user's inbox (from node A) holds a task of the key for every request; each is approved. */
    private static void decideAll(String user, String taskKey, List<Long> ids) throws Exception {
        Map<Long, String> tasks = new HashMap<>();
        for (int page = 0; ; page++) {
            var inbox = checked(apiA.get(user, "api/tasks?size=100&page=" + page), "inbox").array();
            for (JsonValue v : inbox) {
                JsonObject t = v.asJsonObject();
                if (t.getString("key").equals(taskKey) && !t.isNull("requestId")) {
                    tasks.put(t.getJsonNumber("requestId").longValue(), t.getString("id"));
                }
            }
            if (inbox.size() < 100) {
                break;
            }
        }
        assertThat(tasks.keySet()).as(user + "'s inbox").containsAll(ids);
        List<Callable<Long>> calls = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Api api = i % 2 == 0 ? apiB : apiA;
            String taskId = tasks.get(ids.get(i));
            calls.add(() -> {
                checked(api.post(user, "api/tasks/" + taskId + "/decision", "{\"outcome\": \"APPROVE\"}"), "decide");
                return 0L;
            });
        }
        all(calls);
    }

    private record InFlight(PayaraNode victim, List<Long> requests) {
    }

    /** Waits until a node holds a provisioning job of these requests whose run has not committed. */
    private static InFlight awaitJobsInFlight(List<Long> ids, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Map<PayaraNode, List<Long>> held = new HashMap<>();
            try (Connection c = DB.app(); PreparedStatement st = c.prepareStatement(
                    "SELECT j.lock_owner_, r.id FROM act_ru_job j "
                            + "JOIN intake_request r ON r.process_instance_id = j.process_instance_id_ "
                            + "WHERE r.id = ANY(?) AND j.lock_owner_ IS NOT NULL AND j.lock_exp_time_ > now() "
                            + "AND r.status = 'PROVISIONING' AND NOT EXISTS (SELECT 1 FROM provisioning_run p "
                            + "WHERE p.request_id = r.id)")) {
                st.setArray(1, longs(c, ids));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String owner = rs.getString(1);
                        PayaraNode node = owner.startsWith(nodeA.pid() + "@") ? nodeA
                                : owner.startsWith(nodeB.pid() + "@") ? nodeB : null;
                        assertThat(node).as("lock owner %s is one of the nodes", owner).isNotNull();
                        held.computeIfAbsent(node, k -> new ArrayList<>()).add(rs.getLong(2));
                    }
                }
            }
            if (!held.isEmpty()) {
                var most = held.entrySet().stream().max(Map.Entry.comparingByValue(
                        (a, b) -> Integer.compare(a.size(), b.size()))).orElseThrow();
                return new InFlight(most.getKey(), most.getValue());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no provisioning job was ever in flight");
    }

    private static void awaitProvisioned(List<Long> ids, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long done = 0;
        while (System.nanoTime() < deadline) {
            try (Connection c = DB.app(); PreparedStatement st = c.prepareStatement(
                    "SELECT count(*) FROM intake_request WHERE status = 'PROVISIONED' AND id = ANY(?)")) {
                st.setArray(1, longs(c, ids));
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    done = rs.getLong(1);
                }
            }
            if (done == ids.size()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(done + " of " + ids.size() + " requests provisioned after " + timeout + "; statuses "
                + statuses(ids));
    }

    // --- checks ----------------------------------------------------------------------------------

    /** One successful run and no failed one per request, one catalog revision, the source's rows once. */
    private static void assertExactlyOnce(List<Long> ids, int sourceRows) throws SQLException {
        Map<Long, String> tables = new HashMap<>();
        try (Connection c = DB.app(); PreparedStatement st = c.prepareStatement(
                "SELECT r.id, r.business_unit || '__' || r.dataset, "
                        + "(SELECT count(*) FROM provisioning_run p WHERE p.request_id = r.id AND p.outcome = 'SUCCEEDED'), "
                        + "(SELECT count(*) FROM provisioning_run p WHERE p.request_id = r.id AND p.outcome <> 'SUCCEEDED'), "
                        + "(SELECT count(*) FROM catalog_revision v WHERE v.dataset_key = r.business_unit || '__' || r.dataset), "
                        + "(SELECT max(revision_no) FROM catalog_revision v WHERE v.dataset_key = r.business_unit || '__' || r.dataset) "
                        + "FROM intake_request r WHERE r.id = ANY(?)")) {
            st.setArray(1, longs(c, ids));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    assertThat(rs.getLong(3)).as("successful runs of request %s", id).isEqualTo(1);
                    assertThat(rs.getLong(4)).as("failed runs of request %s", id).isZero();
                    assertThat(rs.getLong(5)).as("catalog revisions of request %s", id).isEqualTo(1);
                    assertThat(rs.getInt(6)).as("catalog revision number of request %s", id).isEqualTo(1);
                    tables.put(id, rs.getString(2));
                }
            }
        }
        assertThat(tables).hasSize(ids.size());
        try (Connection c = DB.warehouse(); Statement st = c.createStatement()) {
            for (var table : tables.entrySet()) {
                try (ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT customer_id) FROM staging.\""
                        + table.getValue() + "\"")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("rows of %s", table.getValue()).isEqualTo(sourceRows);
                    assertThat(rs.getLong(2)).as("distinct ids of %s", table.getValue()).isEqualTo(sourceRows);
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables "
                    + "WHERE table_schema = 'staging' AND table_name LIKE '%\\_\\_w\\_%'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("work tables left in the warehouse").isZero();
            }
        }
    }

    /** No incident, no job that ran out of retries, no job left at all once everything is provisioned. */
    private static void assertEngineClean() throws SQLException {
        try (Connection c = DB.app(); Statement st = c.createStatement()) {
            assertThat(count(st, "SELECT count(*) FROM act_ru_incident")).as("incidents").isZero();
            assertThat(count(st, "SELECT count(*) FROM act_ru_job WHERE retries_ = 0")).as("jobs out of retries").isZero();
            assertThat(count(st, "SELECT count(*) FROM act_ru_job")).as("jobs left").isZero();
            assertThat(count(st, "SELECT count(*) FROM act_hi_incident")).as("incidents ever").isZero();
        }
    }

    private static Instant successfulRunStart(long requestId) throws SQLException {
        try (Connection c = DB.app(); PreparedStatement st = c.prepareStatement(
                "SELECT started_at FROM provisioning_run WHERE request_id = ? AND outcome = 'SUCCEEDED'")) {
            st.setLong(1, requestId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                // started_at is UTC wall time without zone
                return rs.getObject(1, java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC);
            }
        }
    }

    private static Map<String, Long> statuses(List<Long> ids) throws SQLException {
        Map<String, Long> byStatus = new HashMap<>();
        try (Connection c = DB.app(); PreparedStatement st = c.prepareStatement(
                "SELECT status, count(*) FROM intake_request WHERE id = ANY(?) GROUP BY status")) {
            st.setArray(1, longs(c, ids));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return byStatus;
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static Api.Answer checked(Api.Answer answer, String what) {
        if (answer.status() < 200 || answer.status() > 299) {
            FAILED_CALLS.add(what + ": " + answer);
            throw new AssertionError(what + " answered " + answer);
        }
        return answer;
    }

    private static <T> List<T> all(List<Callable<T>> calls) throws Exception {
        List<T> results = new ArrayList<>();
        for (Future<T> f : clients.invokeAll(calls, 5, TimeUnit.MINUTES)) {
            results.add(f.get());
        }
        return results;
    }

    private static Array longs(Connection c, List<Long> ids) throws SQLException {
        return c.createArrayOf("bigint", ids.toArray());
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
