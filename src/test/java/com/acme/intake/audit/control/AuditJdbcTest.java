package com.acme.intake.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.acme.intake.audit.entity.AuditEntry;
import com.acme.intake.audit.entity.AuditFilter;
import com.acme.intake.audit.entity.ChainHead;
import com.acme.intake.audit.entity.Verification;

/**
 * The chain in a real (H2, in-memory) database with the application's migrations: appended through
 * the chain code, then tampered with in SQL, as someone with database access would.
 */
class AuditJdbcTest {

    static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

    String url;
    Connection db;

    @BeforeEach
    void database_with_thirty_events() throws SQLException {
        url = "jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        db = DriverManager.getConnection(url, "sa", "");
        try (Statement st = db.createStatement()) {
            st.execute("INSERT INTO intake_request (id, title, business_unit, dataset, owner_name, purpose, layer, "
                    + "source_kind, refresh, retention_days, status, requester, created_at, updated_at, version) "
                    + "VALUES (1, 'CRM customers', 'marketing', 'crm_customers', 'alice', 'churn', 'ENTITY', 'JDBC', "
                    + "'DAILY', 365, 'PROVISIONED', 'alice', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            st.execute("INSERT INTO intake_request_column (request_id, col_index, name, column_type, pii, "
                    + "masking_method) VALUES (1, 0, 'customer_id', 'BIGINT', 'NONE', 'KEEP'), "
                    + "(1, 1, 'email', 'VARCHAR', 'PERSONAL', 'EMAIL')");
        }
        append(db, 30);
    }

    @AfterEach
    void close() throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("SHUTDOWN");
        }
        db.close();
    }

    @Test
    void an_untouched_chain_verifies() {
        assertThat(new AuditReader(db).verify()).isEqualTo(Verification.intact(30));
        assertThat(new AuditReader(db).head().lastSeq()).isEqualTo(30);
    }

    @Test
    void an_edited_row_is_reported() throws SQLException {
        sql("UPDATE audit_event SET details = 'privacyReview=APPROVE' WHERE seq = 12");

        Verification result = new AuditReader(db).verify();

        assertThat(result.ok()).isFalse();
        assertThat(result.firstBroken()).isEqualTo(12);
        assertThat(result.asJson()).containsEntry("ok", false).containsEntry("firstBroken", 12L)
                .containsKey("reason").doesNotContainKey("events");
    }

    @Test
    void an_edited_time_is_reported() throws SQLException {
        sql("UPDATE audit_event SET occurred_at = DATEADD(SECOND, -1, occurred_at) WHERE seq = 3");

        assertThat(new AuditReader(db).verify().firstBroken()).isEqualTo(3);
    }

    @Test
    void a_deleted_row_is_reported() throws SQLException {
        sql("DELETE FROM audit_event WHERE seq = 20");

        Verification result = new AuditReader(db).verify();

        assertThat(result.firstBroken()).isEqualTo(20);
        assertThat(result.reason()).contains("missing");
    }

    @Test
    void a_cut_off_tail_is_reported() throws SQLException {
        sql("DELETE FROM audit_event WHERE seq > 27");

        Verification result = new AuditReader(db).verify();

        assertThat(result.firstBroken()).isEqualTo(28);
        assertThat(result.reason()).contains("head names event 30");
    }

    @Test
    void the_sql_filter_selects_what_the_java_filter_selects() {
        var reader = new AuditReader(db);
        List<AuditEntry> all = new ArrayList<>();
        reader.chain(reader.head().lastSeq()).forEachRemaining(all::add);
        List<AuditFilter> filters = List.of(AuditFilter.NONE,
                AuditFilter.parse("2025-03-01T08:00:05Z", "2025-03-01T08:00:10Z", null, null, null, null),
                AuditFilter.parse(null, null, "1", null, null, null),
                AuditFilter.parse(null, null, null, "user3", null, null),
                AuditFilter.parse(null, null, null, null, "sales", "REVIEW_DECIDED"),
                AuditFilter.parse("2025-03-01", "2025-03-01", "2", null, "marketing", null));

        for (AuditFilter f : filters) {
            assertThat(reader.page(f, 0, 500)).as(f.describe().toString())
                    .isEqualTo(all.stream().filter(f::test).toList());
        }
    }

    @Test
    void pages_follow_the_sequence() {
        var reader = new AuditReader(db);

        assertThat(reader.page(AuditFilter.NONE, 1, 7)).extracting(AuditEntry::seq)
                .containsExactly(8L, 9L, 10L, 11L, 12L, 13L, 14L);
        assertThat(reader.page(AuditFilter.NONE, 4, 7)).extracting(AuditEntry::seq).containsExactly(29L, 30L);
    }

    @Test
    void the_export_reads_requests_and_reports_the_verification() throws Exception {
        try (XSSFWorkbook wb = export(AuditFilter.parse(null, null, "1", null, null, null))) {
            assertThat(wb.getSheet("Events").getLastRowNum()).isEqualTo(10);
            assertThat(wb.getSheet("Requests").getRow(1).getCell(1).getStringCellValue()).isEqualTo("CRM customers");
            assertThat(wb.getSheet("Requests").getRow(1).getCell(7).getStringCellValue())
                    .isEqualTo("customer_id:NONE/KEEP, email:PERSONAL/EMAIL");
            assertThat(exportValue(wb, "chain verification")).isEqualTo("intact: 30 events chained");
        }

        sql("DELETE FROM audit_event WHERE seq = 5");

        try (XSSFWorkbook wb = export(AuditFilter.NONE)) {
            assertThat(wb.getSheet("Events").getLastRowNum()).isEqualTo(29);
            assertThat(exportValue(wb, "chain verification")).startsWith("BROKEN at event 5: ");
        }
    }

    @Test
    void concurrent_appenders_chain_without_gaps() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                        append(c, 25);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(new AuditReader(db).verify()).isEqualTo(Verification.intact(130));
    }

    @Test
    void events_from_before_the_chain_wait_to_be_sealed() throws SQLException {
        String legacy = "jdbc:h2:mem:legacy-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(legacy, "sa", "").target("2").load().migrate();
        try (Connection c = DriverManager.getConnection(legacy, "sa", ""); Statement st = c.createStatement()) {
            st.execute("INSERT INTO audit_event (seq, occurred_at, actor, action) VALUES "
                    + "(1, CURRENT_TIMESTAMP, 'alice', 'REQUEST_SUBMITTED'), (4, CURRENT_TIMESTAMP, 'bob', 'X')");
            Flyway.configure().dataSource(legacy, "sa", "").load().migrate();

            assertThat(new AuditReader(c).head()).isEqualTo(new ChainHead(4, null));
            assertThat(new AuditReader(c).verify().ok()).isFalse();
            st.execute("SHUTDOWN");
        }
    }

    /** Appends n events, one transaction each, as the application does. */
    static void append(Connection c, int n) throws SQLException {
        c.setAutoCommit(false);
        var store = new JdbcChainStore(c);
        for (int i = 0; i < n; i++) {
            Clock clock = Clock.fixed(T0.plusSeconds(i), ZoneOffset.UTC);
            long request = i % 3;
            AuditChain.append(store, clock, "user" + (i % 5), i % 2 == 0 ? "REVIEW_DECIDED" : "STATUS_CHANGED",
                    request == 0 ? null : request, "task" + i, i % 4 == 0 ? "sales" : "marketing",
                    "privacyReview=APPROVE; comment=fine " + i);
            c.commit();
        }
        c.setAutoCommit(true);
    }

    private XSSFWorkbook export(AuditFilter filter) throws Exception {
        var out = new ByteArrayOutputStream();
        AuditExport.write(db, filter, "audrey", T0, "en", out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static String exportValue(XSSFWorkbook wb, String key) {
        for (var row : wb.getSheet("Export")) {
            if (row.getCell(0).getStringCellValue().equals(key)) {
                return row.getCell(1).getStringCellValue();
            }
        }
        return null;
    }

    private void sql(String sql) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.executeUpdate(sql);
        }
    }
}
