package com.acme.intake.provisioning.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.MaskingSpec;
import com.acme.intake.provisioning.entity.LoadPlan;
import com.acme.intake.provisioning.entity.LoadResult;
import com.acme.intake.provisioning.entity.ProvisioningFailure;
import com.acme.intake.kernel.SqlIdentifier;
import com.acme.intake.source.entity.RowSource;
import com.acme.intake.testing.LocalPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The loader against the tests' PostgreSQL ({@link LocalPostgres}; run by {@code mvn -Ppostgres verify}
 * and {@code .ci/run}), in a database of its own created and dropped by this class.
 */
@Tag(LocalPostgres.TAG)
class WarehouseLoaderPostgresTest {

    private static final String DATABASE = "intake_prov_test";
    private static final String TARGET = "\"staging\".\"marketing__crm_customers\"";

    private final LoadPlan plan = TestRows.plan("crm_customers");
    private final WarehouseLoader loader = new WarehouseLoader();
    private Connection warehouse;

    @BeforeAll
    static void createDatabase() throws SQLException {
        PrivatePostgres.create(DATABASE);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        PrivatePostgres.drop(DATABASE);
    }

    @BeforeEach
    void connect() throws SQLException {
        warehouse = PrivatePostgres.connect(DATABASE);
        try (Statement s = warehouse.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS \"staging\" CASCADE");
        }
    }

    @AfterEach
    void disconnect() throws SQLException {
        warehouse.close();
    }

    @Test
    void copyLoadsExactlyWhatTheMaskersGive() throws SQLException {
        // given: rows with tabs, line breaks, backslashes, quotes, Japanese text, NULLs, NaN, year 1
        List<Object[]> rows = TestRows.sampleRows();

        // when
        LoadResult result = loader.load(plan, TestRows.source(rows), warehouse);

        // then
        assertThat(result.rowsRead()).isEqualTo(4);
        assertThat(result.rowsWritten()).isEqualTo(4);
        assertTableHolds(Expected.masked(plan, rows));
        assertThat(warehouse.getAutoCommit()).isTrue();
    }

    @Test
    void copyStreamsManyChunks() throws SQLException {
        // given: far more than one COPY chunk
        List<Object[]> rows = TestRows.generated(5_000);

        // when
        LoadResult result = loader.load(plan, TestRows.source(rows), warehouse);

        // then
        assertThat(result.rowsWritten()).isEqualTo(5_000);
        assertTableHolds(Expected.masked(plan, rows));
    }

    @Test
    void analystMaySelectTheTargetAndNothingElse() throws SQLException {
        // given: default privileges a DBA might have set, which would otherwise reach the work table too
        try (Statement s = warehouse.createStatement()) {
            s.execute("CREATE SCHEMA \"staging\"");
            s.execute("DO $$ BEGIN CREATE ROLE analyst NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            s.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA \"staging\" GRANT ALL ON TABLES TO analyst, PUBLIC");
        }

        // when
        loader.load(plan, TestRows.source(TestRows.sampleRows()), warehouse);

        // then
        assertThat(bool("SELECT has_table_privilege('analyst', 'staging.marketing__crm_customers', 'SELECT')")).isTrue();
        for (String privilege : List.of("INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")) {
            assertThat(bool("SELECT has_table_privilege('analyst', 'staging.marketing__crm_customers', '" + privilege + "')"))
                    .as(privilege).isFalse();
        }
        assertThat(bool("SELECT has_schema_privilege('analyst', 'staging', 'USAGE')")).isTrue();
        assertThat(bool("SELECT has_schema_privilege('analyst', 'staging', 'CREATE')")).isFalse();
        assertThat(string("SELECT relacl::text FROM pg_class WHERE oid = 'staging.marketing__crm_customers'::regclass"))
                .as("no PUBLIC entry").doesNotContain("{=").doesNotContain(",=")
                .contains("analyst=r/");
        assertThat(bool("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'analyst'")).isFalse();
        assertThat(workTableExists()).isFalse();
    }

    @Test
    void theWorkTableGrantsNothingEvenWhileItExists() throws SQLException {
        // given: default privileges for analyst and PUBLIC on new tables
        try (Statement s = warehouse.createStatement()) {
            s.execute("CREATE SCHEMA \"staging\"");
            s.execute("DO $$ BEGIN CREATE ROLE analyst NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            s.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA \"staging\" GRANT ALL ON TABLES TO analyst, PUBLIC");
        }
        StagingDdl ddl = new StagingDdl(WarehouseDialect.POSTGRESQL, plan);
        warehouse.setAutoCommit(false);

        // when: the load's first steps, inside its transaction
        try (Statement s = warehouse.createStatement()) {
            for (String sql : ddl.prepare()) {
                s.execute(sql);
            }
            for (String sql : ddl.createWorkTable()) {
                s.execute(sql);
            }

            // then
            String work = "staging." + plan.workTable();
            for (String privilege : List.of("SELECT", "INSERT", "UPDATE", "DELETE")) {
                assertThat(bool("SELECT has_table_privilege('analyst', '" + work + "', '" + privilege + "')"))
                        .as(privilege).isFalse();
                assertThat(bool("SELECT has_table_privilege('public', '" + work + "', '" + privilege + "')"))
                        .as("PUBLIC " + privilege).isFalse();
            }
        } finally {
            warehouse.rollback();
            warehouse.setAutoCommit(true);
        }
    }

    @Test
    void commentsCarryTheDescriptions() throws SQLException {
        // when
        loader.load(plan, TestRows.source(TestRows.sampleRows()), warehouse);

        // then
        assertThat(string("SELECT obj_description('staging.marketing__crm_customers'::regclass, 'pg_class')"))
                .isEqualTo("CRM customers - purpose: Churn analysis for the 'retention' team, 顧客の解約分析;"
                        + " owner: alice; source: JDBC crm public.customers");
        assertThat(columnComment("full_name")).isEqualTo("Customer's full name, 氏名 (masked: PSEUDONYMIZE)");
        assertThat(columnComment("email")).isEqualTo("E-mail address (メールアドレス) (masked: EMAIL)");
        assertThat(columnComment("visits")).isEqualTo("Visits per year");
        assertThat(columnComment("active")).isNull();
        assertThat(string("SELECT count(*)::text FROM information_schema.columns WHERE table_schema = 'staging'"
                + " AND table_name = 'marketing__crm_customers' AND column_name = 'notes'")).isEqualTo("0");
        assertThat(string("SELECT character_maximum_length::text FROM information_schema.columns"
                + " WHERE table_schema = 'staging' AND table_name = 'marketing__crm_customers'"
                + " AND column_name = 'customer_id'")).isEqualTo("64");
    }

    @Test
    void concurrentLoadsOfDifferentTablesAllSucceed() throws Exception {
        // given: eight loads of eight tables starting together on a fresh warehouse, as two nodes'
        // job executors run them (each load grants the analyst the schema: one catalog row for all)
        int loads = 8;
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(loads);
        List<java.util.concurrent.Future<LoadResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < loads; i++) {
                LoadPlan each = TestRows.plan("crm_customers_" + i);
                results.add(pool.submit(() -> {
                    try (Connection c = PrivatePostgres.connect(DATABASE)) {
                        start.await();
                        return loader.load(each, TestRows.source(TestRows.sampleRows()), c);
                    }
                }));
            }
            // when
            start.countDown();

            // then: none is refused with "tuple concurrently updated" (SQLSTATE XX000)
            for (var result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS).rowsWritten()).isEqualTo(4);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Statement s = warehouse.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'staging' AND tablename LIKE 'marketing__crm_customers_%' "
                        + "AND has_table_privilege('analyst', 'staging.' || quote_ident(tablename), 'SELECT')")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(loads);
        }
    }

    @Test
    void aRerunReplacesTheTableWithoutDuplicates() throws SQLException {
        // given
        loader.load(plan, TestRows.source(TestRows.generated(3000)), warehouse);

        // when
        List<Object[]> second = TestRows.sampleRows();
        loader.load(plan, TestRows.source(second), warehouse);

        // then
        assertTableHolds(Expected.masked(plan, second));
        assertThat(stagingTables()).containsExactly("marketing__crm_customers");
        assertThat(bool("SELECT has_table_privilege('analyst', 'staging.marketing__crm_customers', 'SELECT')")).isTrue();
    }

    @Test
    void aFailureMidwayLeavesThePreviousTableAndNoWorkTable() throws SQLException {
        // given: a loaded table, and a source that breaks after several COPY chunks
        List<Object[]> first = TestRows.sampleRows();
        loader.load(plan, TestRows.source(first), warehouse);
        RowSource breaking = TestRows.source(TestRows.generated(5000), row -> row == 4000);

        // when / then
        assertThatThrownBy(() -> loader.load(plan, breaking, warehouse))
                .isInstanceOf(ProvisioningFailure.class)
                .hasMessageContaining("reading row 4000")
                .hasNoCause();
        assertTableHolds(Expected.masked(plan, first));
        assertThat(stagingTables()).containsExactly("marketing__crm_customers");
        assertThat(warehouse.getAutoCommit()).isTrue();
        assertThat(bool("SELECT 1 = 1")).as("the connection is usable after the failure").isTrue();
    }

    @Test
    void aLeftoverWorkTableIsDroppedByTheNextRun() throws SQLException {
        // given
        try (Statement s = warehouse.createStatement()) {
            s.execute("CREATE SCHEMA \"staging\"");
            s.execute("CREATE TABLE \"staging\".\"" + plan.workTable() + "\" (\"junk\" integer)");
        }

        // when
        List<Object[]> rows = TestRows.sampleRows();
        loader.load(plan, TestRows.source(rows), warehouse);

        // then
        assertThat(stagingTables()).containsExactly("marketing__crm_customers");
        assertTableHolds(Expected.masked(plan, rows));
    }

    @Test
    void aDatabaseErrorInTheCopyIsReportedWithoutTheValue() throws SQLException {
        // given: a value the smallint column cannot hold; PostgreSQL's message and context would quote it
        LoadPlan keepAge = new LoadPlan(plan.table(), null, List.of(new LoadPlan.Column(new SqlIdentifier("age"),
                ColumnType.SMALLINT, null, MaskingSpec.of(MaskingMethod.KEEP))), TestRows.KEY);
        List<Object[]> rows = TestRows.generated(10);
        rows.get(8)[TestRows.AGE] = 98765;
        RowSource source = TestRows.source(rows);

        // when / then
        assertThatThrownBy(() -> loader.load(keepAge, source, warehouse))
                .isInstanceOf(ProvisioningFailure.class)
                .hasMessageContaining("(SQLSTATE 22003)")
                .hasMessageNotContaining("98765")
                .hasNoCause();
        assertThat(stagingTables()).isEmpty();
    }

    @Test
    void aNulCharacterIsRefusedWithoutTheValue() throws SQLException {
        // given
        List<Object[]> rows = TestRows.sampleRows();
        rows.get(2)[TestRows.PHONE] = "secret\u0000phone";

        // when / then
        assertThatThrownBy(() -> loader.load(plan, TestRows.source(rows), warehouse))
                .isInstanceOf(ProvisioningFailure.class)
                .hasMessageContaining("row 3, column phone")
                .hasMessageContaining("NUL")
                .hasMessageNotContaining("secret");
        assertThat(stagingTables()).isEmpty();
    }

    @Test
    void aViewOnTheTargetStopsTheSwapAndKeepsTheTarget() throws SQLException {
        // given: an analyst's view depends on the staging table
        List<Object[]> first = TestRows.sampleRows();
        loader.load(plan, TestRows.source(first), warehouse);
        try (Statement s = warehouse.createStatement()) {
            s.execute("CREATE VIEW \"staging\".\"my_view\" AS SELECT \"email\" FROM " + TARGET);
        }

        // when / then
        assertThatThrownBy(() -> loader.load(plan, TestRows.source(TestRows.generated(10)), warehouse))
                .isInstanceOf(ProvisioningFailure.class)
                .hasMessageContaining("replacing the target table")
                .hasMessageContaining("depend");
        assertTableHolds(Expected.masked(plan, first));
        assertThat(workTableExists()).isFalse();
    }

    @Test
    void noRawValueReachesTheWarehouse() throws Exception {
        // given: rows with distinctive raw e-mails, names and phone numbers
        List<Object[]> rows = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String email = "raw.person" + i + "@leak-check.example";
            String name = i % 2 == 0 ? "Zyxwort Leakington " + i : "漏洩太郎" + i;
            String phone = "+81-90-7777-" + (1000 + i);
            rows.add(TestRows.row(900_000L + i, email, name, phone, "do not load " + i, (short) 33, i, "10.5", 1.0, true,
                    java.time.LocalDate.of(1985, 3, 17), java.time.LocalDateTime.of(2024, 5, 6, 7, 8, 9)));
            raw.add(email);
            raw.add(name);
            raw.add(phone.substring(0, phone.length() - 4));
            raw.add("do not load " + i);
            raw.add(Long.toString(900_000L + i));
        }
        loader.load(plan, TestRows.source(rows), warehouse);

        // when
        String dump = pgDump();

        // then
        assertThat(dump).contains("COPY staging.marketing__crm_customers");
        for (String value : raw) {
            assertThat(dump).as("raw value in the dump").doesNotContain(value);
        }
        assertThat(dump).doesNotContain("1985-03-17");
        for (Object[] masked : Expected.masked(plan, rows)) {
            assertThat(dump).contains((String) masked[0]).contains((String) masked[1]).contains((String) masked[2])
                    .contains((String) masked[3]);
        }
        assertThat(dump).contains("XXXXX@leak-check.example").contains("1985-01-01");
    }

    private void assertTableHolds(List<Object[]> expected) throws SQLException {
        List<Object[]> sorted = new ArrayList<>(expected);
        sorted.sort(Comparator.comparing((Object[] r) -> (Integer) r[5], Comparator.nullsFirst(Comparator.naturalOrder())));
        try (Statement s = warehouse.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + TARGET + " ORDER BY \"visits\" NULLS FIRST")) {
            for (Object[] row : sorted) {
                assertThat(rs.next()).isTrue();
                Expected.assertRow(rs, row);
            }
            assertThat(rs.next()).isFalse();
        }
    }

    private String pgDump() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pg_dump", "-U", LocalPostgres.USER,
                "--dbname=" + LocalPostgres.libpq(LocalPostgres.url(DATABASE)))
                .redirectErrorStream(true)
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private boolean workTableExists() throws SQLException {
        return string("SELECT to_regclass('staging." + plan.workTable() + "')::text") != null;
    }

    private List<String> stagingTables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = warehouse.createStatement();
             ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'staging' ORDER BY 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private String columnComment(String column) throws SQLException {
        try (PreparedStatement s = warehouse.prepareStatement("SELECT col_description('staging.marketing__crm_customers'::regclass,"
                + " (SELECT attnum FROM pg_attribute WHERE attrelid = 'staging.marketing__crm_customers'::regclass AND attname = ?))")) {
            s.setString(1, column);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private boolean bool(String sql) throws SQLException {
        try (Statement s = warehouse.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private String string(String sql) throws SQLException {
        try (Statement s = warehouse.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
