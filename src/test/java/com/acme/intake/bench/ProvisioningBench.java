package com.acme.intake.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.DateGranularity;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.MaskingSpec;
import com.acme.intake.masking.entity.PseudonymKey;
import com.acme.intake.provisioning.control.WarehouseLoader;
import com.acme.intake.provisioning.entity.LoadPlan;
import com.acme.intake.provisioning.entity.LoadResult;
import com.acme.intake.kernel.SqlIdentifier;
import com.acme.intake.source.entity.SourceColumn;
import com.acme.intake.testing.LocalPostgres;

/**
 * Provisioning throughput on the tests' PostgreSQL (user postgres): a generated
 * source table of 1,000,000 rows × 10 columns in a database {@code intake_bench} this creates and
 * drops, copied (a) unmasked by {@code INSERT … SELECT} inside PostgreSQL — the baseline — and
 * (b) by the loader, through a JDBC source, with four columns masked by four methods, COPY into a
 * work table and the swap. Prints rows/s of both, their ratio (goal ≥ 0.5) and the heap the JVM used.
 * The bench source reads with binary transfer ({@code prepareThreshold=-1}), as a real JDBC reader can.
 * <p>
 * Run: {@code MAVEN_OPTS=-Xmx256m mvn -Pbench -Dbench=ProvisioningBench test-compile exec:java}
 * ({@code -Dbench.rows=…} for another size).
 */
public final class ProvisioningBench {

    private static final String DATABASE = "intake_bench";
    private static final String URL = LocalPostgres.url(DATABASE);
    /** Baseline and loader alternate this many times; best and median are reported, as the machine may be busy. */
    private static final int ROUNDS = 3;

    private static final List<SourceColumn> COLUMNS = List.of(
            new SourceColumn("id", ColumnType.BIGINT, false),
            new SourceColumn("email", ColumnType.VARCHAR, true),
            new SourceColumn("full_name", ColumnType.TEXT, true),
            new SourceColumn("phone", ColumnType.VARCHAR, true),
            new SourceColumn("birth_date", ColumnType.DATE, true),
            new SourceColumn("signed_up_at", ColumnType.TIMESTAMP, true),
            new SourceColumn("balance", ColumnType.DECIMAL, true),
            new SourceColumn("score", ColumnType.DOUBLE, true),
            new SourceColumn("active", ColumnType.BOOLEAN, true),
            new SourceColumn("visits", ColumnType.INTEGER, true));

    private static final Map<String, MaskingSpec> MASKING = Map.of(
            "id", MaskingSpec.of(MaskingMethod.PSEUDONYMIZE),
            "email", MaskingSpec.of(MaskingMethod.EMAIL),
            "phone", MaskingSpec.of(MaskingMethod.SHOW_LAST_N).with("n", 4),
            "birth_date", MaskingSpec.of(MaskingMethod.GENERALIZE_DATE).with("to", DateGranularity.YEAR));

    private ProvisioningBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        HeapSampler heap = new HeapSampler();
        System.out.printf("ProvisioningBench: %,d rows x %d columns, max heap %d MiB, %d CPUs%n", rows, COLUMNS.size(),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)", "CREATE DATABASE " + DATABASE);
        try {
            long generate = timed(() -> execute(URL, """
                    CREATE TABLE bench_source AS
                    SELECT g::bigint AS id,
                           'user' || g || '@example' || (g % 97) || '.com' AS email,
                           'Name ' || md5(g::text) AS full_name,
                           '+81-90-' || lpad((g % 10000)::text, 4, '0') || '-' || lpad((g % 9973)::text, 4, '0') AS phone,
                           DATE '1950-01-01' + (g % 20000) AS birth_date,
                           TIMESTAMP '2020-01-01' + g * INTERVAL '1 minute' AS signed_up_at,
                           round((g % 100000) / 7.0, 2)::numeric(12, 2) AS balance,
                           (g % 1000) / 3.0::double precision AS score,
                           g % 2 = 0 AS active,
                           (g % 500)::integer AS visits
                    FROM generate_series(1, ROWS) AS g""".replace("ROWS", Integer.toString(rows)), "VACUUM ANALYZE bench_source"));
            System.out.printf("source table generated in %,d ms%n", generate);

            LoadPlan plan = plan();
            String sourceUrl = URL + "?prepareThreshold=-1";
            BenchJdbcRowSource source = new BenchJdbcRowSource(sourceUrl, "bench_source", COLUMNS);
            BenchJdbcRowSource warmUpSource = new BenchJdbcRowSource(sourceUrl,
                    "(SELECT * FROM bench_source LIMIT 100000) AS warm_up", COLUMNS);
            long[] baseline = new long[ROUNDS];
            long[] loader = new long[ROUNDS];
            try (Connection warehouse = DriverManager.getConnection(URL, "postgres", null)) {
                new WarehouseLoader().load(plan, warmUpSource, warehouse);
                heap.start();
                for (int round = 0; round < ROUNDS; round++) {
                    baseline[round] = timed(() -> execute(URL,
                            "DROP TABLE IF EXISTS bench_baseline",
                            "BEGIN",
                            "CREATE TABLE bench_baseline (LIKE bench_source)",
                            "INSERT INTO bench_baseline SELECT * FROM bench_source",
                            "COMMIT"));
                    LoadResult result = new WarehouseLoader().load(plan, source, warehouse);
                    if (result.rowsWritten() != rows) {
                        throw new IllegalStateException("the loader wrote " + result.rowsWritten() + " rows");
                    }
                    loader[round] = result.durationMillis();
                    System.out.printf("round %d: baseline %,d ms, loader %,d ms%n", round + 1, baseline[round], loader[round]);
                }
                heap.stop();
            }
            Arrays.sort(baseline);
            Arrays.sort(loader);
            report("best", rows, baseline[0], loader[0]);
            report("median", rows, baseline[ROUNDS / 2], loader[ROUNDS / 2]);
            System.out.printf("heap      peak used %d MiB, peak live after GC %d MiB, max %d MiB (sampled every 20 ms)%n",
                    heap.peakUsed() >> 20, heap.peakAfterGc() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    private static void report(String which, int rows, long baselineMillis, long loaderMillis) {
        double baselineRate = rows * 1000.0 / baselineMillis;
        double loaderRate = rows * 1000.0 / loaderMillis;
        System.out.printf("%s of %d rounds:%n", which, ROUNDS);
        System.out.printf("  baseline  INSERT ... SELECT (unmasked, inside PostgreSQL): %,7d ms = %,9.0f rows/s%n",
                baselineMillis, baselineRate);
        System.out.printf("  loader    JDBC source -> 4 masked columns -> COPY -> swap: %,7d ms = %,9.0f rows/s%n",
                loaderMillis, loaderRate);
        System.out.printf("  ratio     loader / baseline = %.2f (goal >= 0.50)%n", loaderRate / baselineRate);
    }

    private static LoadPlan plan() {
        List<LoadPlan.Column> columns = COLUMNS.stream()
                .map(c -> new LoadPlan.Column(new SqlIdentifier(c.name()), c.type(), null,
                        MASKING.getOrDefault(c.name(), MaskingSpec.of(MaskingMethod.KEEP))))
                .toList();
        return new LoadPlan(new SqlIdentifier("bench__customers"), "ProvisioningBench", columns,
                PseudonymKey.ofUtf8("bench", "bench key, thirty-two bytes or more"));
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private static long timed(SqlWork work) throws SQLException {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void admin(String... statements) throws SQLException {
        execute(LocalPostgres.url("postgres"), statements);
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", null);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Samples heap use in a daemon thread: the peak of used heap, and of what survived each GC. */
    private static final class HeapSampler {
        private final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong peakAfterGc = new AtomicLong();
        private volatile boolean running;
        private Thread thread;

        void start() {
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
            sample();
        }

        private void sample() {
            peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            long afterGc = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    afterGc += pool.getCollectionUsage().getUsed();
                }
            }
            peakAfterGc.accumulateAndGet(afterGc, Math::max);
        }

        long peakUsed() {
            return peakUsed.get();
        }

        long peakAfterGc() {
            return peakAfterGc.get();
        }
    }
}
