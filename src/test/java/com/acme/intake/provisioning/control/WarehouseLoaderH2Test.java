package com.acme.intake.provisioning.control;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.MaskingSpec;
import com.acme.intake.provisioning.entity.LoadPlan;
import com.acme.intake.provisioning.entity.LoadResult;
import com.acme.intake.provisioning.entity.ProvisioningFailure;
import com.acme.intake.kernel.SqlIdentifier;
import com.acme.intake.source.entity.RowCursor;
import com.acme.intake.source.entity.RowSource;
import com.acme.intake.source.entity.SourceColumn;
import com.acme.intake.source.entity.SourceProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarehouseLoaderH2Test {

    private final LoadPlan plan = TestRows.plan("crm_customers");
    private final WarehouseLoader loader = new WarehouseLoader();
    private Connection warehouse;

    @BeforeEach
    void openWarehouse() throws SQLException {
        warehouse = DriverManager.getConnection("jdbc:h2:mem:warehouse_" + UUID.randomUUID());
    }

    @AfterEach
    void closeWarehouse() throws SQLException {
        warehouse.close();
    }

    @Test
    void loadsExactlyWhatTheMaskersGive() throws SQLException {
        // given
        List<Object[]> rows = TestRows.sampleRows();

        // when
        LoadResult result = loader.load(plan, TestRows.source(rows), warehouse);

        // then
        assertThat(result.rowsRead()).isEqualTo(4);
        assertThat(result.rowsWritten()).isEqualTo(4);
        assertThat(result.keyId()).isEqualTo("test-2025");
        assertThat(result.table()).isEqualTo("staging.marketing__crm_customers");
        assertTableHolds(Expected.masked(plan, rows));
    }

    @Test
    void pseudonymsAreTheHmacOfTheValuesText() throws SQLException {
        // given
        loader.load(plan, TestRows.source(TestRows.sampleRows()), warehouse);

        // when
        List<String> ids = strings("SELECT \"customer_id\" FROM \"staging\".\"marketing__crm_customers\"");
        List<String> names = strings("SELECT \"full_name\" FROM \"staging\".\"marketing__crm_customers\"");

        // then
        assertThat(ids).containsExactly(Expected.hmacHex("1001"), null, Expected.hmacHex("42"), Expected.hmacHex("-7"));
        assertThat(names).containsExactly(Expected.hmacHex("山田太郎"), null,
                Expected.hmacHex("Anna O'Brien\twith a tab\\and a backslash\nand a line"), Expected.hmacHex(""));
    }

    @Test
    void droppedColumnDoesNotExistAndNullsStayNull() throws SQLException {
        // when
        loader.load(plan, TestRows.source(TestRows.sampleRows()), warehouse);

        // then
        assertThat(columnNames()).containsExactly("customer_id", "email", "full_name", "phone", "age", "visits",
                "balance", "score", "active", "birth_date", "signed_up_at");
        try (Statement s = warehouse.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"staging\".\"marketing__crm_customers\""
                     + " WHERE \"customer_id\" IS NULL AND \"email\" IS NULL AND \"age\" IS NULL"
                     + " AND \"birth_date\" IS NULL AND \"active\" IS NULL")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void tableAndColumnCommentsArePresent() throws SQLException {
        // when
        loader.load(plan, TestRows.source(TestRows.sampleRows()), warehouse);

        // then
        try (Statement s = warehouse.createStatement();
             ResultSet rs = s.executeQuery("SELECT REMARKS FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_SCHEMA = 'staging' AND TABLE_NAME = 'marketing__crm_customers'")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("CRM customers - purpose: Churn analysis for the 'retention' team,"
                    + " 顧客の解約分析; owner: alice; source: JDBC crm public.customers");
        }
        Map<String, String> comments = columnComments();
        assertThat(comments).containsEntry("full_name", "Customer's full name, 氏名 (masked: PSEUDONYMIZE)")
                .containsEntry("visits", "Visits per year")
                .containsEntry("phone", "Phone number (masked: SHOW_LAST_N n=4)");
        assertThat(comments.get("active")).isNull();
    }

    @Test
    void aRerunReplacesTheTableWithoutDuplicates() throws SQLException {
        // given
        loader.load(plan, TestRows.source(TestRows.generated(2500)), warehouse);

        // when
        List<Object[]> second = TestRows.sampleRows();
        LoadResult result = loader.load(plan, TestRows.source(second), warehouse);

        // then
        assertThat(result.rowsWritten()).isEqualTo(4);
        assertTableHolds(Expected.masked(plan, second));
        assertThat(stagingTables()).containsExactly("marketing__crm_customers");
    }

    @Test
    void batchesAcrossMoreThanOneBatchAreAllWritten() throws SQLException {
        // when
        LoadResult result = loader.load(plan, TestRows.source(TestRows.generated(2 * WarehouseLoader.H2_BATCH + 1)), warehouse);

        // then
        assertThat(result.rowsRead()).isEqualTo(2001);
        assertThat(result.rowsWritten()).isEqualTo(2001);
        assertThat(count()).isEqualTo(2001);
    }

    @Test
    void aFailureMidwayLeavesThePreviousTableAndNoWorkTable() throws SQLException {
        // given: a loaded table, and a source that breaks at row 1500 (after a committed batch)
        List<Object[]> first = TestRows.sampleRows();
        loader.load(plan, TestRows.source(first), warehouse);
        RowSource breaking = TestRows.source(TestRows.generated(3000), row -> row == 1500);

        // when / then
        assertThatThrownBy(() -> loader.load(plan, breaking, warehouse))
                .isInstanceOf(ProvisioningFailure.class)
                .hasMessageContaining("reading row 1500")
                .hasMessageContaining("UNREACHABLE")
                .hasNoCause();
        assertTableHolds(Expected.masked(plan, first));
        assertThat(stagingTables()).containsExactly("marketing__crm_customers");
        assertThat(warehouse.getAutoCommit()).isTrue();
    }

    @Test
    void aLeftoverWorkTableFromACrashIsDroppedByTheNextRun() throws SQLException {
        // given: a crash inside the swap window: the old target dropped, a half-filled work table left
        try (Statement s = warehouse.createStatement()) {
            s.execute("CREATE SCHEMA \"staging\"");
            s.execute("CREATE TABLE \"staging\".\"" + plan.workTable() + "\" (\"junk\" INTEGER)");
            s.execute("INSERT INTO \"staging\".\"" + plan.workTable() + "\" VALUES (1)");
        }

        // when
        List<Object[]> rows = TestRows.sampleRows();
        loader.load(plan, TestRows.source(rows), warehouse);

        // then
        assertThat(stagingTables()).containsExactly("marketing__crm_customers");
        assertTableHolds(Expected.masked(plan, rows));
    }

    @Test
    void aSourceThatCannotBeOpenedLeavesNothing() throws SQLException {
        // given: the source lacks a requested column
        LoadPlan other = new LoadPlan(plan.table(), null, List.of(new LoadPlan.Column(new SqlIdentifier("missing"),
                ColumnType.VARCHAR, null, MaskingSpec.of(MaskingMethod.KEEP))), TestRows.KEY);

        // when / then
        assertThatThrownBy(() -> loader.load(other, TestRows.source(TestRows.sampleRows()), warehouse))
                .isInstanceOf(ProvisioningFailure.class)
                .hasMessageContaining("opening the source")
                .hasMessageContaining("MISSING_COLUMN");
        assertThat(stagingTables()).isEmpty();
    }

    @Test
    void databaseErrorsAreReportedWithoutTheValue() throws SQLException {
        // given: a value the SMALLINT column cannot hold; H2's own message would quote it
        LoadPlan keepAge = new LoadPlan(plan.table(), null, List.of(
                new LoadPlan.Column(new SqlIdentifier("age"), ColumnType.SMALLINT, null, MaskingSpec.of(MaskingMethod.KEEP))),
                TestRows.KEY);
        RowSource outOfRange = new RowSource() {
            @Override
            public List<SourceColumn> columns() {
                return List.of(new SourceColumn("age", ColumnType.SMALLINT, true));
            }

            @Override
            public RowCursor open(List<SourceColumn> wanted) {
                return new RowCursor() {
                    private boolean done;

                    @Override
                    public boolean next() {
                        boolean first = !done;
                        done = true;
                        return first;
                    }

                    @Override
                    public Object get(int index) {
                        return 98765;
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };

        // when / then
        assertThatThrownBy(() -> loader.load(keepAge, outOfRange, warehouse))
                .isInstanceOf(ProvisioningFailure.class)
                .hasMessageContaining("writing rows into the work table")
                .hasMessageContaining("(SQLSTATE 22")
                .hasMessageNotContaining("98765")
                .hasNoCause();
        assertThat(stagingTables()).isEmpty();
    }

    @Test
    void aValueOfTheWrongClassNamesTheClassNotTheValue() {
        // given: a source handing a String for the BIGINT column
        List<Object[]> rows = new ArrayList<>();
        Object[] row = TestRows.sampleRows().get(0).clone();
        row[TestRows.CUSTOMER_ID] = "secret-id-123";
        rows.add(row);

        // when / then
        assertThatThrownBy(() -> loader.load(plan, TestRows.source(rows), warehouse))
                .isInstanceOf(ProvisioningFailure.class)
                .hasMessageContaining("row 1, column customer_id")
                .hasMessageContaining("java.lang.String")
                .hasMessageNotContaining("secret-id-123");
    }

    @Test
    void anUnexpectedSourceExceptionIsNamedByClassOnly() {
        RowSource throwing = new RowSource() {
            @Override
            public List<SourceColumn> columns() {
                return List.of();
            }

            @Override
            public RowCursor open(List<SourceColumn> wanted) {
                throw new SourceProblem(SourceProblem.Kind.UNREACHABLE, "crm is down");
            }
        };

        assertThatThrownBy(() -> loader.load(plan, throwing, warehouse))
                .isInstanceOf(ProvisioningFailure.class)
                .hasMessage("opening the source for staging.marketing__crm_customers failed: UNREACHABLE: crm is down");
    }

    private void assertTableHolds(List<Object[]> expected) throws SQLException {
        String columns = String.join(", ", columnNames().stream().map(n -> "\"" + n + "\"").toList());
        try (Statement s = warehouse.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + columns + " FROM \"staging\".\"marketing__crm_customers\""
                     + " ORDER BY \"visits\" NULLS FIRST, \"customer_id\"")) {
            List<Object[]> sorted = new ArrayList<>(expected);
            sorted.sort(java.util.Comparator.comparing((Object[] r) -> (Integer) r[5],
                    java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
            for (Object[] row : sorted) {
                assertThat(rs.next()).isTrue();
                Expected.assertRow(rs, row);
            }
            assertThat(rs.next()).isFalse();
        }
    }

    private List<String> columnNames() throws SQLException {
        return strings("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'staging'"
                + " AND TABLE_NAME = 'marketing__crm_customers' ORDER BY ORDINAL_POSITION");
    }

    private Map<String, String> columnComments() throws SQLException {
        Map<String, String> comments = new LinkedHashMap<>();
        try (Statement s = warehouse.createStatement();
             ResultSet rs = s.executeQuery("SELECT COLUMN_NAME, REMARKS FROM INFORMATION_SCHEMA.COLUMNS"
                     + " WHERE TABLE_SCHEMA = 'staging' AND TABLE_NAME = 'marketing__crm_customers'")) {
            while (rs.next()) {
                comments.put(rs.getString(1), rs.getString(2));
            }
        }
        return comments;
    }

    private List<String> stagingTables() throws SQLException {
        return strings("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'staging' ORDER BY TABLE_NAME");
    }

    private long count() throws SQLException {
        try (Statement s = warehouse.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"staging\".\"marketing__crm_customers\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement s = warehouse.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
