package com.acme.intake.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;

import com.acme.intake.scale.PayaraNode;
import com.acme.intake.scale.ScaleDatabases;
import com.acme.intake.workflow.boundary.EscalateOverdueReviewDelegate;
import com.acme.intake.workflow.boundary.FourEyesListener;
import com.acme.intake.workflow.control.IdCheckingEntityManagerFactory;
import com.acme.intake.workflow.control.ModelFiles;
import com.acme.intake.workflow.control.ParsedOnceFeelEngine;
import com.acme.intake.workflow.control.ProcessEngineLifecycle;
import com.acme.intake.workflow.entity.ProcessIds;
import com.acme.intake.testing.LocalPostgres;

/**
 * Submissions per second through the REST API (HTTP Basic, validation, request row, process start
 * with the DMN routing, audit event) and the inbox's latency with 10,000 open requests, next to the
 * bare engine measured in the same run: {@code startProcessInstanceByKey} of the same models with
 * equivalent variables on a standalone engine configured as the application configures its own
 * (history full, strong UUIDs, the same FEEL engine, due-date factory and entity manager) on the
 * same PostgreSQL, at the same concurrency, and its task query for the same inbox. Before them, for
 * reference, the same standalone engine with Camunda's defaults for those three settings.
 *
 * <p>Build the WAR first, then run (docs/benchmarks.md):
 * <pre>
 * mvn -B package -DskipTests
 * MAVEN_OPTS=-Xmx512m mvn -Pbench -Dbench=LoadBench test-compile exec:java
 * </pre>
 * Databases {@code scale_bench}, {@code scale_bench_wh}, {@code scale_bench_src}, {@code scale_bare}
 * and {@code scale_bare_defaults} on the tests' PostgreSQL are recreated. Options: {@code -Dbench.clients=8}
 * (concurrent clients), {@code -Dbench.seconds=30} (measured duration of each side, in
 * {@code -Dbench.rounds=4} alternating rounds), {@code -Dbench.warmup=60} (warm-up of each side),
 * {@code -Dbench.open=10000}, {@code -Dbench.client=socket} (the REST side's client: {@link Http1Client},
 * or {@code jdk} for the JDK's {@code HttpClient}). Every phase prints the CPU per operation of this
 * JVM, the server and PostgreSQL ({@link CpuMeter}). For profiling one side: {@code -Dbench.only=rest}
 * (warm-up and submissions only, with both clients in alternating rounds, then the smallest
 * authenticated call, {@code GET /api/me}, for the framework's share) or
 * {@code -Dbench.only=bare}, and {@code -Dbench.node-options="-XX:StartFlightRecording=..."} (the server's
 * JVM options; the bare engine runs in the benchmark's own JVM, {@code MAVEN_OPTS}).
 */
public final class LoadBench {

    static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    /** The measured seconds of each side are split into this many rounds, alternating the sides. */
    static final int ROUNDS = Integer.getInteger("bench.rounds", 4);
    /** Warm-up of each side before it is measured: the JIT needs about a minute for the server's code. */
    static final int WARMUP = Integer.getInteger("bench.warmup", 60);
    static final int OPEN = Integer.getInteger("bench.open", 10_000);
    static final int INBOX_CALLS = Integer.getInteger("bench.inbox-calls", 200);
    /** "rest" or "bare": only that side's submissions, no baseline and no inbox, for profiling. */
    static final String ONLY = System.getProperty("bench.only", "");
    /** JVM options for the server, e.g. a flight recording: passed as its JAVA_TOOL_OPTIONS. */
    static final String NODE_OPTIONS = System.getProperty("bench.node-options", "");
    /** The REST side's HTTP client: "socket" ({@link Http1Client}) or "jdk" (the JDK's HttpClient). */
    static final String CLIENT = System.getProperty("bench.client", "socket");
    /** CPU of the bench's JVM, the server and PostgreSQL, read around each phase. */
    static CpuMeter meter = new CpuMeter(0);

    /** One measured phase: how many operations, how long, their latencies (ns), how many failed. */
    record Result(String what, long count, double seconds, long[] latencies, long errors, CpuMeter.Reading cpu) {
        double rate() {
            return count / seconds;
        }

        double percentile(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
        }

        String row() {
            return String.format("%-44s %9d %9.1f %8.1f %8.1f %8.1f %7d %16s", what, count, rate(), percentile(50),
                    percentile(95), percentile(99), errors, count == 0 ? "" : String.format("%.2f/%.2f/%.2f",
                            cpu.bench() / count, cpu.server() / count, cpu.postgres() / count));
        }
    }

    /** One operation of a client; its index is unique in the run. */
    interface Operation {
        boolean run(long index) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        if (!List.of("", "rest", "bare").contains(ONLY)) {
            throw new IllegalArgumentException("bench.only is rest or bare, not " + ONLY);
        }
        if (!List.of("socket", "jdk").contains(CLIENT)) {
            throw new IllegalArgumentException("bench.client is socket or jdk, not " + CLIENT);
        }
        System.out.printf("LoadBench: %d clients, %d s measured (+%d s warm-up), %,d open requests; %s%n", CLIENTS,
                SECONDS, WARMUP, OPEN, loadAverage());
        if (ONLY.equals("bare")) { // no server needed; the bench's JVM is the engine's
            ScaleDatabases.recreate("scale_bare");
            print(List.of(bareAlone("scale_bare", true, "bare engine startProcessInstanceByKey")));
            return;
        }
        var db = new ScaleDatabases("scale_bench", "scale_bench_wh", "scale_bench_src").recreate();
        ScaleDatabases.recreate("scale_bare");
        ScaleDatabases.recreate("scale_bare_defaults");
        Path dir = Path.of("target", "load-bench");
        Map<String, String> env = new HashMap<>(db.nodeEnvironment(dir.resolve("data").toAbsolutePath().toString()));
        if (!NODE_OPTIONS.isBlank()) {
            env.put("JAVA_TOOL_OPTIONS", NODE_OPTIONS);
        }
        List<Result> results = new ArrayList<>();
        try (PayaraNode node = PayaraNode.start("load-node", env, "-Xmx512m", dir)) {
            node.awaitReady(Duration.ofMinutes(8));
            System.out.println("node ready: " + node.base() + " (log " + node.log() + ")");
            meter = new CpuMeter(node.pid());
            var client = new HttpBench(node.base(), CLIENT);
            if (ONLY.equals("rest")) {
                // both clients, alternating: what the client's own CPU takes from the two shared cores
                String otherClient = CLIENT.equals("jdk") ? "socket" : "jdk";
                var other = new HttpBench(node.base(), otherClient);
                String name = "REST POST /api/requests, " + CLIENT + " client";
                String otherName = "REST POST /api/requests, " + otherClient + " client";
                measure("warm-up REST", WARMUP, client::submit);
                measure("warm-up GET /api/me", WARMUP / 3, i -> client.me());
                measure("warm-up REST, other client", WARMUP / 3, other::submit);
                Result[] rest = alternate(name, client::submit, otherName, other::submit);
                print(List.of(rest[0], rest[1],
                        measure("REST GET /api/me (HTTP, security, JSON only)", SECONDS / 3, i -> client.me())));
                other.close();
                client.close();
                return;
            }
            // first, before anything sets the DatatypeFactory property: the engine with Camunda's defaults
            Result defaults = bareAlone("scale_bare_defaults", false, "bare engine, Camunda's defaults");
            ProcessEngine bare = bareEngine("scale_bare", true);
            try {
                var bareStarts = new BareStarts(bare);
                // warm-up of both, then the measured phases in alternating rounds
                measure("warm-up bare", WARMUP, bareStarts::start);
                measure("warm-up REST", WARMUP, client::submit);
                Result[] measured = alternate("bare engine startProcessInstanceByKey", bareStarts::start,
                        "REST POST /api/requests", client::submit);
                Result engine = measured[0];
                Result rest = measured[1];
                results.add(defaults);
                results.add(engine);
                results.add(rest);

                fill("REST", client.submitted, client::submit);
                fill("bare", bareStarts.started, bareStarts::start);
                // what autovacuum does within a minute of such a fill: without fresh statistics PostgreSQL
                // plans the inbox as if the tables were empty (sorting every task of a group, 4x slower)
                ScaleDatabases.analyze("scale_bench");
                ScaleDatabases.analyze("scale_bare");
                measureCalls("warm-up bare task query", INBOX_CALLS / 2,
                        i -> bareStarts.inbox(i % 2 == 0 ? "priya" : "paul"));
                measureCalls("warm-up REST GET /api/tasks", INBOX_CALLS / 2,
                        i -> client.inbox(i % 2 == 0 ? "priya" : "paul"));
                Result inboxBare = measureCalls("bare engine task query (first page) ", INBOX_CALLS,
                        i -> bareStarts.inbox(i % 2 == 0 ? "priya" : "paul"));
                Result inbox = measureCalls("REST GET /api/tasks as priya/paul", INBOX_CALLS,
                        i -> client.inbox(i % 2 == 0 ? "priya" : "paul"));
                Result inboxLarge = measureCalls("REST GET /api/tasks?size=500 as priya/paul", INBOX_CALLS / 4,
                        i -> client.inbox((i % 2 == 0 ? "priya" : "paul"), "?size=500"));
                results.add(inboxBare);
                results.add(inbox);
                results.add(inboxLarge);
                System.out.printf("inbox sizes: priya %d tasks, paul %d tasks (bytes of a REST answer: %d)%n",
                        bareStarts.inboxSize("priya"), bareStarts.inboxSize("paul"), client.lastInboxBytes);

                print(results);
                System.out.printf("%nratios: REST/bare submissions per second %.2f (goal >= 0.5; against the engine "
                                + "with Camunda's defaults %.2f); REST rate %.0f/s (goal >= 300), p99 %.1f ms "
                                + "(goal <= 50); inbox p95 %.1f ms (goal <= 50), REST/bare inbox p95 %.1f%n",
                        rest.rate() / engine.rate(), rest.rate() / defaults.rate(), rest.rate(),
                        rest.percentile(99), inbox.percentile(95), inbox.percentile(95) / inboxBare.percentile(95));
                System.out.println(loadAverage());
            } finally {
                bare.close();
                client.close();
            }
        }
    }

    /** A standalone engine measured on its own: warmed up, measured, closed. */
    static Result bareAlone(String database, boolean asTheApplication, String what) throws Exception {
        ProcessEngine engine = bareEngine(database, asTheApplication);
        try {
            var starts = new BareStarts(engine);
            measure("warm-up " + what, WARMUP, starts::start);
            return measure(what, SECONDS, starts::start);
        } finally {
            engine.close();
        }
    }

    static void print(List<Result> results) {
        System.out.printf("%n%-44s %9s %9s %8s %8s %8s %7s %16s%n", "phase", "count", "per s", "p50 ms", "p95 ms",
                "p99 ms", "errors", "CPU ms/op b/s/pg");
        results.forEach(r -> System.out.println(r.row()));
    }

    /** CLIENTS threads run the operation in a loop for the duration. */
    static Result measure(String what, int seconds, Operation op) throws Exception {
        AtomicLong index = new AtomicLong(INDEX_BASE.getAndAdd(10_000_000));
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<long[]>> futures = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        CpuMeter.Snapshot cpuBefore = meter.read();
        long start = System.nanoTime();
        for (int t = 0; t < CLIENTS; t++) {
            futures.add(pool.submit(() -> {
                long[] lat = new long[1024];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = op.run(index.getAndIncrement());
                    } catch (Exception e) {
                        ok = false;
                    }
                    if (!ok) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> f : futures) {
            long[] part = f.get();
            long[] merged = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, merged, all.length, part.length);
            all = merged;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        CpuMeter.Reading cpu = meter.read().since(cpuBefore);
        pool.shutdown();
        Result r = new Result(what, all.length, elapsed, all, errors.get(), cpu);
        System.out.println(r.row());
        return r;
    }

    /**
     * Measures the two operations in ROUNDS alternating rounds that share SECONDS each: on a machine
     * whose speed drifts (other guests, the database writing back what the previous phase wrote),
     * both meet the same conditions, and neither always runs after the other.
     */
    static Result[] alternate(String whatA, Operation a, String whatB, Operation b) throws Exception {
        List<Result> as = new ArrayList<>();
        List<Result> bs = new ArrayList<>();
        int seconds = Math.max(1, SECONDS / ROUNDS);
        for (int round = 0; round < ROUNDS; round++) {
            if (round % 2 == 0) {
                as.add(measure(whatA + ", round " + (round + 1), seconds, a));
                bs.add(measure(whatB + ", round " + (round + 1), seconds, b));
            } else {
                bs.add(measure(whatB + ", round " + (round + 1), seconds, b));
                as.add(measure(whatA + ", round " + (round + 1), seconds, a));
            }
        }
        return new Result[] {merge(whatA, as), merge(whatB, bs)};
    }

    static Result merge(String what, List<Result> parts) {
        long[] latencies = parts.stream().flatMapToLong(r -> Arrays.stream(r.latencies())).toArray();
        return new Result(what, parts.stream().mapToLong(Result::count).sum(),
                parts.stream().mapToDouble(Result::seconds).sum(), latencies,
                parts.stream().mapToLong(Result::errors).sum(), parts.stream().map(Result::cpu)
                        .reduce(new CpuMeter.Reading(0, 0, 0), CpuMeter.Reading::plus));
    }

    /** One client calls the operation the given number of times (latency of single calls). */
    static Result measureCalls(String what, int calls, Operation op) throws Exception {
        long[] lat = new long[calls];
        long errors = 0;
        CpuMeter.Snapshot cpuBefore = meter.read();
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            if (!op.run(i)) {
                errors++;
            }
            lat[i] = System.nanoTime() - t0;
        }
        Result r = new Result(what, calls, (System.nanoTime() - start) / 1e9, lat, errors,
                meter.read().since(cpuBefore));
        System.out.println(r.row());
        return r;
    }

    /** Submits with CLIENTS threads until OPEN requests are open (all submissions wait in a review). */
    static void fill(String what, AtomicLong done, Operation op) throws Exception {
        long start = System.nanoTime();
        AtomicLong index = new AtomicLong(INDEX_BASE.getAndAdd(10_000_000));
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < CLIENTS; t++) {
            futures.add(pool.submit(() -> {
                while (done.get() < OPEN) {
                    op.run(index.getAndIncrement());
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("filled %s to %,d open requests in %.0f s%n", what, done.get(), (System.nanoTime() - start) / 1e9);
    }

    private static final AtomicLong INDEX_BASE = new AtomicLong(1);

    static String loadAverage() {
        return String.format("load average %.2f on %d cores", java.lang.management.ManagementFactory
                .getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    }

    /**
     * The REST side: HTTP/1.1 keep-alive, HTTP Basic as the demo users; through {@link Http1Client}
     * (default, {@code -Dbench.client=socket}) or the JDK's {@code HttpClient} ({@code -Dbench.client=jdk}).
     */
    static final class HttpBench implements AutoCloseable {
        private final HttpClient jdk;
        private final Http1Client socket;
        private final URI base;
        final AtomicLong submitted = new AtomicLong();
        volatile int lastInboxBytes;

        HttpBench(String base, String client) {
            this.base = URI.create(base);
            switch (client) {
                case "jdk" -> {
                    jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(10)).build();
                    socket = null;
                }
                case "socket" -> {
                    jdk = null;
                    socket = new Http1Client(base);
                }
                default -> throw new IllegalArgumentException("bench.client is socket or jdk, not " + client);
            }
        }

        boolean submit(long i) throws Exception {
            boolean alice = i % 2 == 0;
            String body = body(alice ? "marketing" : "sales", "ds_" + i, i % 4 < 2);
            Http1Client.Response r = call("POST", alice ? "alice" : "bob", "api/requests", body);
            if (r.status() == 201) {
                submitted.incrementAndGet();
                return true;
            }
            System.err.println("submission answered " + r.status() + ": " + r.text());
            return false;
        }

        /** The smallest authenticated call: what HTTP, security and JSON cost without the application's work. */
        boolean me() throws Exception {
            return call("GET", "alice", "api/me", null).status() == 200;
        }

        boolean inbox(String user) throws Exception {
            return inbox(user, "");
        }

        boolean inbox(String user, String query) throws Exception {
            Http1Client.Response r = call("GET", user, "api/tasks" + query, null);
            lastInboxBytes = r.body().length;
            return r.status() == 200;
        }

        private Http1Client.Response call(String method, String user, String path, String json) throws Exception {
            String authorization = "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
            if (socket != null) {
                String headers = "Accept: application/json\r\nAuthorization: " + authorization + "\r\n"
                        + (json == null ? "" : "Content-Type: application/json\r\n");
                return socket.send(method, base.getRawPath() + path, headers,
                        json == null ? null : json.getBytes(StandardCharsets.UTF_8));
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json").header("Authorization", authorization);
            if (json != null) {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            }
            HttpResponse<byte[]> r = jdk.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Http1Client.Response(r.statusCode(), r.body());
        }

        @Override
        public void close() {
            if (socket != null) {
                socket.close();
            }
        }

        /** Half of the requests have PII (privacy review first), half not (platform review directly). */
        static String body(String businessUnit, String dataset, boolean pii) {
            String columns = pii
                    ? """
                      {"name": "customer_id", "type": "BIGINT", "pii": "NONE", "masking": {"method": "KEEP"}},
                      {"name": "email", "type": "VARCHAR", "pii": "PERSONAL", "masking": {"method": "EMAIL"}},
                      {"name": "birth_date", "type": "DATE", "pii": "PERSONAL",
                       "masking": {"method": "GENERALIZE_DATE", "to": "YEAR"}}"""
                    : """
                      {"name": "campaign_id", "type": "BIGINT", "pii": "NONE", "masking": {"method": "KEEP"}},
                      {"name": "starts_on", "type": "DATE", "pii": "NONE", "masking": {"method": "KEEP"}}""";
            return """
                    {"title": "Load %2$s", "businessUnit": "%1$s", "dataset": "%2$s",
                     "owner": "alice", "purpose": "load benchmark", "layer": "ENTITY",
                     "source": {"kind": "JDBC", "connection": "demo", "table": "public.customers"},
                     "refresh": "DAILY", "retentionDays": 365,
                     "columns": [%3$s]}
                    """.formatted(businessUnit, dataset, columns);
        }
    }

    /** The baseline: the same models on a standalone engine, started with the variables the application sets. */
    static final class BareStarts {
        private final ProcessEngine engine;
        final AtomicLong started = new AtomicLong();

        BareStarts(ProcessEngine engine) {
            this.engine = engine;
        }

        boolean start(long i) {
            boolean alice = i % 2 == 0;
            boolean pii = i % 4 < 2;
            Map<String, Object> variables = new HashMap<>();
            variables.put(ProcessIds.VAR_BUSINESS_UNIT, alice ? "marketing" : "sales");
            variables.put(ProcessIds.VAR_DATASET, "ds_" + i);
            variables.put(ProcessIds.VAR_HIGHEST_PII, pii ? "PERSONAL" : "NONE");
            variables.put(ProcessIds.VAR_PII_KEPT_UNMASKED, false);
            variables.put(ProcessIds.VAR_SOURCE_KIND, "JDBC");
            variables.put(ProcessIds.VAR_REQUEST_ID, i);
            variables.put(ProcessIds.VAR_REQUESTER, alice ? "alice" : "bob");
            variables.put(ProcessIds.VAR_REVIEW_SLA, "P3D");
            engine.getRuntimeService().startProcessInstanceByKey(ProcessIds.PROCESS_KEY, String.valueOf(i), variables);
            started.incrementAndGet();
            return true;
        }

        /** What the inbox asks the engine: the user's assigned or group tasks, oldest first. */
        boolean inbox(String user) {
            String group = "priya".equals(user) ? ProcessIds.GROUP_PRIVACY_REVIEWER : ProcessIds.GROUP_PLATFORM_ENGINEER;
            engine.getTaskService().createTaskQuery().processDefinitionKey(ProcessIds.PROCESS_KEY)
                    .or().taskAssignee(user).taskCandidateGroupIn(List.of(group)).endOr()
                    .orderByTaskCreateTime().asc().listPage(0, 50);
            return true;
        }

        long inboxSize(String user) {
            String group = "priya".equals(user) ? ProcessIds.GROUP_PRIVACY_REVIEWER : ProcessIds.GROUP_PLATFORM_ENGINEER;
            return engine.getTaskService().createTaskQuery().processDefinitionKey(ProcessIds.PROCESS_KEY)
                    .or().taskAssignee(user).taskCandidateGroupIn(List.of(group)).endOr().count();
        }
    }

    /** Stands in for the application's status bean: the bare engine does no application work. */
    public static final class NoStatus {
        public void update(VariableScope scope, String status) {
        }

        public void escalated(VariableScope scope, String review) {
        }
    }

    /**
     * The standalone engine on the given database; {@code asTheApplication} gives it the three engine
     * settings the application makes (FEEL parsed once, the {@code DatatypeFactory} named, the id check
     * that builds its message only on failure), otherwise
     * it runs with Camunda's defaults. The property is JVM-wide: build the defaults' engine first.
     */
    static ProcessEngine bareEngine(String database, boolean asTheApplication) throws IOException {
        if (asTheApplication) {
            ProcessEngineLifecycle.nameTheDatatypeFactory(); // no service-loader search per due date
        }
        var configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration()
                .setJdbcUrl(LocalPostgres.url(database))
                .setJdbcUsername(ScaleDatabases.USER)
                .setJdbcPassword("")
                .setJdbcDriver("org.postgresql.Driver")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false)
                .setProcessEngineName(database);
        configuration.setJdbcMaxActiveConnections(CLIENTS + 2);
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setMetricsEnabled(false);
        configuration.setDbMetricsReporterActivate(false);
        Map<Object, Object> beans = new HashMap<>();
        beans.put(ProcessIds.BEAN_REQUEST_STATUS, new NoStatus());
        beans.put(ProcessIds.BEAN_FOUR_EYES, new FourEyesListener());
        beans.put(ProcessIds.BEAN_ESCALATE, new EscalateOverdueReviewDelegate());
        configuration.setBeans(beans);
        if (asTheApplication) {
            ParsedOnceFeelEngine.configure(configuration);
            IdCheckingEntityManagerFactory.configure(configuration);
        }
        ProcessEngine engine = configuration.buildProcessEngine();
        ClassLoader loader = LoadBench.class.getClassLoader();
        DeploymentBuilder builder = engine.getRepositoryService().createDeployment().name("intake-models");
        for (String resource : ModelFiles.all(loader)) {
            try (InputStream in = loader.getResourceAsStream(resource)) {
                builder.addInputStream(resource.substring(ModelFiles.FOLDER.length() + 1),
                        new ByteArrayInputStream(in.readAllBytes()));
            }
        }
        builder.deploy();
        return engine;
    }
}
