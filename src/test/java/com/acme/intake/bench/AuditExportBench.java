package com.acme.intake.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.flywaydb.core.Flyway;

import com.acme.intake.audit.control.AuditChain;
import com.acme.intake.audit.control.AuditExport;
import com.acme.intake.audit.control.AuditReader;
import com.acme.intake.audit.control.AuditWorkbook;
import com.acme.intake.audit.entity.AuditAction;
import com.acme.intake.audit.entity.AuditEntry;
import com.acme.intake.audit.entity.AuditFilter;
import com.acme.intake.audit.entity.ChainHead;
import com.acme.intake.audit.entity.Verification;
import com.acme.intake.testing.LocalPostgres;

/**
 * The audit export of 1,000,000 events through the real path (keyset-paged JDBC reader, chain
 * verification, workbook writer) against a bare SXSSF writer of the same rows with no database.
 *
 * <p>{@code MAVEN_OPTS=-Xmx256m mvn -Pbench -Dbench=AuditExportBench test-compile exec:java}; exec:java
 * runs in Maven's JVM, so the heap figures include Maven's own. Database: a private PostgreSQL database
 * {@code intake_audit_bench} on the tests' PostgreSQL (user postgres), created and dropped by the run;
 * {@code -Dbench.db=h2} uses an H2 file instead. {@code -Dbench.events=N} changes the count.
 */
public final class AuditExportBench {

    static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
    static final int REQUESTS = 10_000;
    static final int BATCH = 5_000;
    static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    static final String[] ACTIONS = {AuditAction.REQUEST_SUBMITTED.name(), AuditAction.TASK_CLAIMED.name(),
            AuditAction.REVIEW_DECIDED.name(), AuditAction.STATUS_CHANGED.name(), AuditAction.PROVISIONING_RUN.name()};

    public static void main(String[] args) throws Exception {
        boolean h2 = "h2".equals(System.getProperty("bench.db"));
        Path dir = Files.createTempDirectory("audit-bench");
        String url = h2 ? "jdbc:h2:file:" + dir.resolve("bench") : postgres();
        String user = h2 ? "sa" : "postgres";
        try {
            Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").load().migrate();
            try (Connection c = DriverManager.getConnection(url, user, "")) {
                long start = System.nanoTime();
                populate(c);
                System.out.printf("generated %,d chained events and %,d requests in %s in %.1f s%n", EVENTS, REQUESTS,
                        h2 ? "H2 (file)" : "PostgreSQL", seconds(start));

                warmUp(dir);
                start = System.nanoTime();
                var verification = new AuditReader(c).verify();
                System.out.printf("verify alone (paged reader + hashing): %.1f s, %s%n", seconds(start),
                        verification.describe());

                double realSeconds = Double.MAX_VALUE;
                double bareSeconds = Double.MAX_VALUE;
                long realPeak = 0;
                long barePeak = 0;
                for (int round = 1; round <= ROUNDS; round++) {
                    Path bare = dir.resolve("bare.xlsx");
                    resetPeaks();
                    start = System.nanoTime();
                    bareWriter(bare, EVENTS);
                    double b = seconds(start);
                    bareSeconds = Math.min(bareSeconds, b);
                    barePeak = Math.max(barePeak, heapPeak());
                    System.out.printf("round %d baseline (bare SXSSF, same rows, no database): %.1f s, %,d bytes%n",
                            round, b, Files.size(bare));

                    Path real = dir.resolve("real.xlsx");
                    resetPeaks();
                    start = System.nanoTime();
                    AuditWorkbook.Summary summary;
                    try (OutputStream out = Files.newOutputStream(real)) {
                        summary = AuditExport.write(c, AuditFilter.NONE, "bench", Instant.now(), "en", out);
                    }
                    double r = seconds(start);
                    realSeconds = Math.min(realSeconds, r);
                    realPeak = Math.max(realPeak, heapPeak());
                    System.out.printf("round %d export (paged reader + verify + workbook writer): %.1f s, %,d events, "
                                    + "%,d requests, %s, %,d bytes%n", round, r, summary.events(), summary.requests(),
                            summary.verification().describe(), Files.size(real));
                }
                start = System.nanoTime();
                try (OutputStream out = Files.newOutputStream(dir.resolve("writer.xlsx"))) {
                    AuditWorkbook.write(out, rows(EVENTS), ids -> Map.of(), new AuditWorkbook.Export("bench",
                            Instant.now(), Map.of(), new ChainHead(0, AuditChain.GENESIS), "en"), () -> Verification.intact(0));
                }
                System.out.printf("workbook writer alone (same rows, no database, no request lookups): %.1f s%n",
                        seconds(start));
                System.out.printf("best of %d: export %.1f s, baseline %.1f s, ratio %.2f (goal <= 1.5)%n", ROUNDS,
                        realSeconds, bareSeconds, realSeconds / bareSeconds);
                System.out.printf("peak heap (sum of heap pool peaks, Maven's JVM included): export %d MB, "
                        + "baseline %d MB, max heap %d MB (goal < 256 MB)%n", realPeak >> 20, barePeak >> 20,
                        Runtime.getRuntime().maxMemory() >> 20);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
            if (!h2) {
                admin("DROP DATABASE IF EXISTS intake_audit_bench");
            }
        }
    }

    private static String postgres() throws SQLException {
        admin("DROP DATABASE IF EXISTS intake_audit_bench");
        admin("CREATE DATABASE intake_audit_bench");
        return LocalPostgres.url("intake_audit_bench") + "?reWriteBatchedInserts=true";
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(LocalPostgres.url("postgres"), LocalPostgres.USER, "");
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Requests with three columns each, and the events chained through the chain code, batch by batch. */
    private static void populate(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement request = c.prepareStatement("INSERT INTO intake_request (id, title, business_unit, "
                + "dataset, owner_name, purpose, layer, source_kind, refresh, retention_days, status, requester, "
                + "created_at, updated_at, version) VALUES (?, ?, ?, ?, 'owner', 'bench', 'ENTITY', 'JDBC', 'DAILY', "
                + "365, 'PROVISIONED', ?, ?, ?, 0)");
             PreparedStatement column = c.prepareStatement("INSERT INTO intake_request_column (request_id, "
                     + "col_index, name, column_type, pii, masking_method) VALUES (?, ?, ?, 'VARCHAR', ?, ?)")) {
            LocalDateTime at = LocalDateTime.ofInstant(T0, ZoneOffset.UTC);
            for (long id = 1; id <= REQUESTS; id++) {
                request.setLong(1, id);
                request.setString(2, "Dataset " + id);
                request.setString(3, "bu" + id % 20);
                request.setString(4, "dataset_" + id);
                request.setString(5, "user" + id % 50);
                request.setObject(6, at);
                request.setObject(7, at);
                request.addBatch();
                String[][] columns = {{"id", "NONE", "KEEP"}, {"email", "PERSONAL", "EMAIL"},
                        {"birth_date", "PERSONAL", "GENERALIZE_DATE"}};
                for (int i = 0; i < columns.length; i++) {
                    column.setLong(1, id);
                    column.setInt(2, i);
                    column.setString(3, columns[i][0]);
                    column.setString(4, columns[i][1]);
                    column.setString(5, columns[i][2]);
                    column.addBatch();
                }
            }
            request.executeBatch();
            column.executeBatch();
        }
        String prev = AuditChain.GENESIS;
        try (PreparedStatement insert = c.prepareStatement(AuditReader.INSERT)) {
            for (int seq = 1; seq <= EVENTS; seq++) {
                AuditEntry e = event(seq, prev);
                AuditReader.bindInsert(insert, e);
                insert.addBatch();
                prev = e.hash();
                if (seq % BATCH == 0 || seq == EVENTS) {
                    insert.executeBatch();
                    c.commit();
                }
            }
        }
        try (PreparedStatement head = c.prepareStatement(AuditReader.MOVE_HEAD)) {
            head.setLong(1, EVENTS);
            head.setString(2, prev);
            head.executeUpdate();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static AuditEntry event(long seq, String prev) {
        return AuditChain.seal(seq, T0.plusMillis(seq * 1_337), "user" + seq % 50, ACTIONS[(int) (seq % ACTIONS.length)],
                seq % 10 == 0 ? null : 1 + seq % REQUESTS, "task-" + seq, "bu" + seq % 20,
                "privacyReview=APPROVE; comment=checked columns and masking, round " + seq % 7, prev);
    }

    /** The same rows and cells, generated in memory, written by SXSSF alone. */
    private static void bareWriter(Path file, long count) throws IOException {
        var workbook = new SXSSFWorkbook(null, 100, true, false);
        try (OutputStream out = Files.newOutputStream(file)) {
            SXSSFSheet sheet = workbook.createSheet("Events");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss.000"));
            Row header = sheet.createRow(0);
            List<String> names = List.of("seq", "time (UTC)", "actor", "action", "request", "task", "business unit",
                    "details", "hash");
            for (int i = 0; i < names.size(); i++) {
                header.createCell(i).setCellValue(names.get(i));
            }
            Iterator<AuditEntry> rows = rows(count);
            int r = 0;
            while (rows.hasNext()) {
                AuditEntry e = rows.next();
                Row row = sheet.createRow(++r);
                row.createCell(0).setCellValue(e.seq());
                var time = row.createCell(1);
                time.setCellValue(LocalDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
                time.setCellStyle(date);
                row.createCell(2).setCellValue(e.actor());
                row.createCell(3).setCellValue(e.action());
                if (e.requestId() != null) {
                    row.createCell(4).setCellValue(e.requestId());
                }
                row.createCell(5).setCellValue(e.taskId());
                row.createCell(6).setCellValue(e.businessUnit());
                row.createCell(7).setCellValue(e.details());
                row.createCell(8).setCellValue(e.hash());
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    /** Loads and compiles POI's and the writers' code first, so that neither measurement pays for it. */
    private static void warmUp(Path dir) throws IOException {
        for (int i = 0; i < 3; i++) {
            bareWriter(dir.resolve("warm-bare.xlsx"), 50_000);
            try (OutputStream out = Files.newOutputStream(dir.resolve("warm.xlsx"))) {
                AuditWorkbook.write(out, rows(50_000), ids -> Map.of(),
                        new AuditWorkbook.Export("bench", Instant.now(), Map.of(), new ChainHead(0, AuditChain.GENESIS), "en"),
                        () -> Verification.intact(0));
            }
        }
    }

    /** The events exactly as stored, chained again in memory as they go. */
    private static Iterator<AuditEntry> rows(long count) {
        return new Iterator<>() {
            long seq;
            String prev = AuditChain.GENESIS;

            @Override
            public boolean hasNext() {
                return seq < count;
            }

            @Override
            public AuditEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                AuditEntry e = event(++seq, prev);
                prev = e.hash();
                return e;
            }
        };
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks since the last reset (an upper bound of the peak heap use). */
    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
