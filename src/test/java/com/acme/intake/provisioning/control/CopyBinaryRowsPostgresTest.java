package com.acme.intake.provisioning.control;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
import com.acme.intake.provisioning.entity.ProvisioningFailure;
import com.acme.intake.kernel.SqlIdentifier;
import com.acme.intake.source.entity.RowCursor;
import com.acme.intake.source.entity.RowSource;
import com.acme.intake.source.entity.SourceColumn;
import com.acme.intake.testing.LocalPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every column type through binary COPY into the local PostgreSQL (as {@link WarehouseLoaderPostgresTest},
 * in a database of its own), read back as PostgreSQL's text: the values must be those the text format
 * gave — the decimal text of a Float, numeric scale kept, fractions rounded to microseconds, BC dates.
 */
@Tag(LocalPostgres.TAG)
class CopyBinaryRowsPostgresTest {

    private static final String DATABASE = "intake_copy_binary_test";
    private static final String[] NAMES = {"i", "t", "v", "s", "b", "n", "d", "f", "dt", "ts"};
    private static final ColumnType[] TYPES = {ColumnType.INTEGER, ColumnType.TEXT, ColumnType.VARCHAR,
            ColumnType.SMALLINT, ColumnType.BIGINT, ColumnType.DECIMAL, ColumnType.DOUBLE, ColumnType.BOOLEAN,
            ColumnType.DATE, ColumnType.TIMESTAMP};

    private final LoadPlan plan = new LoadPlan(new SqlIdentifier("copy_binary"), null, Arrays.stream(NAMES)
            .map(name -> new LoadPlan.Column(new SqlIdentifier(name), TYPES[Arrays.asList(NAMES).indexOf(name)], null,
                    MaskingSpec.of(MaskingMethod.KEEP)))
            .toList(), TestRows.KEY);
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
    }

    @AfterEach
    void disconnect() throws SQLException {
        warehouse.close();
    }

    @Test
    void everyTypeRoundTripsAsTheTextFormatWouldHaveLoadedIt() throws SQLException {
        List<Object[]> rows = List.of(
                new Object[] {1, "山田 太郎 𠮷é", "a\tb\\c\nd", (short) -32768, Long.MIN_VALUE,
                        new BigDecimal("-1234567.0890"), -0.1, true, LocalDate.of(1999, 12, 31),
                        LocalDateTime.of(1999, 12, 31, 23, 59, 59, 123_456_789)},
                new Object[] {2, null, null, null, null, null, null, null, null, null},
                new Object[] {3, "", "x\ud800y", 32767, new BigInteger("9223372036854775807"),
                        new BigDecimal("0.00000001"), 0.1f, false, LocalDate.of(0, 3, 1),
                        LocalDateTime.of(-99, 1, 1, 0, 0)},
                new Object[] {4, "ascii only", "ü", (short) 0, 0L, new BigDecimal("1E+3"), Double.NaN, true,
                        LocalDate.of(12345, 6, 7), LocalDateTime.of(2024, 2, 29, 13, 5, 7)},
                new Object[] {5, "z", "z", (short) -1, -1L, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, true,
                        LocalDate.of(2000, 1, 1), LocalDateTime.of(2000, 1, 1, 0, 0, 0, 500)},
                new Object[] {6, "z", "z", (short) 1, 1L, new BigDecimal("0.00"), new BigDecimal("12.5"), true,
                        LocalDate.of(1, 1, 1), LocalDateTime.of(1969, 7, 20, 20, 17, 40, 999_999_600)},
                new Object[] {7, "z", "z", (short) 1, 1L, 1.0E-5, 1.0E10f, true, LocalDate.of(2000, 1, 2), null},
                new Object[] {8, "z", "z", (short) 1, 1L, new BigDecimal("99999999999999999999.9999"), 2.5e-300, true,
                        null, null},
                new Object[] {9, "z", "z", (short) 1, 1L, new BigDecimal("-0.5"), -0.0, true, null, null},
                new Object[] {10, "z", "z", (short) 1, 1L, 1.0E10, 1.0, true, null, null},
                new Object[] {11, "z", "z", (short) 1, 1L, new BigDecimal("123456789012345678901234567890.123"),
                        Float.NaN, true, null, null},
                new Object[] {12, "z", "z", (short) 1, 1L, 0.25f, 3.0, true, null, null});

        new WarehouseLoader().load(plan, source(rows), warehouse);

        assertThat(loaded()).containsExactly(
                "1|山田 太郎 𠮷é|a\tb\\c\nd|-32768|-9223372036854775808|-1234567.0890|-0.1|true|1999-12-31|1999-12-31 23:59:59.123457",
                "2|null|null|null|null|null|null|null|null|null",
                "3||x?y|32767|9223372036854775807|0.00000001|0.1|false|0001-03-01 BC|0100-01-01 00:00:00 BC",
                "4|ascii only|ü|0|0|1000|NaN|true|12345-06-07|2024-02-29 13:05:07",
                "5|z|z|-1|-1|Infinity|-Infinity|true|2000-01-01|2000-01-01 00:00:00",
                "6|z|z|1|1|0.00|12.5|true|0001-01-01|1969-07-20 20:17:41",
                "7|z|z|1|1|0.000010|10000000000|true|2000-01-02|null",
                "8|z|z|1|1|99999999999999999999.9999|2.5e-300|true|null|null",
                "9|z|z|1|1|-0.5|-0|true|null|null",
                "10|z|z|1|1|10000000000|1|true|null|null",
                "11|z|z|1|1|123456789012345678901234567890.123|NaN|true|null|null",
                "12|z|z|1|1|0.25|3|true|null|null");
    }

    @Test
    void aNumberTooLargeForItsColumnFailsWithRowAndColumnButNotTheValue() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {1, "a", "a", (short) 1, 1L, BigDecimal.ONE, 1.0, true, null, null});
        rows.add(new Object[] {2, "a", "a", (short) 1, new BigInteger("92233720368547758070"), BigDecimal.ONE, 1.0, true,
                null, null});

        assertThatThrownBy(() -> new WarehouseLoader().load(plan, source(rows), warehouse))
                .isInstanceOf(ProvisioningFailure.class)
                .hasMessageContaining("row 2, column b of staging.copy_binary")
                .hasMessageContaining("(SQLSTATE 22003)")
                .hasMessageNotContaining("92233720368547758070");
    }

    @Test
    void aDoubleOutsideItsRangeFailsLikeTheTextFormat() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {1, "a", "a", (short) 1, 1L, BigDecimal.ONE, new BigDecimal("1E+400"), true, null, null});

        assertThatThrownBy(() -> new WarehouseLoader().load(plan, source(rows), warehouse))
                .isInstanceOf(ProvisioningFailure.class)
                .hasMessageContaining("row 1, column d of staging.copy_binary")
                .hasMessageContaining("(SQLSTATE 22003)");
    }

    /** The rows as they are, their values in {@link #NAMES}' order. */
    private static RowSource source(List<Object[]> rows) {
        return new RowSource() {
            @Override
            public List<SourceColumn> columns() {
                return Arrays.stream(NAMES).map(name -> new SourceColumn(name, TYPES[Arrays.asList(NAMES).indexOf(name)], true))
                        .toList();
            }

            @Override
            public RowCursor open(List<SourceColumn> wanted) {
                return new RowCursor() {
                    private int position = -1;

                    @Override
                    public boolean next() {
                        return ++position < rows.size();
                    }

                    @Override
                    public Object get(int index) {
                        return rows.get(position)[index];
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }

    private List<String> loaded() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = warehouse.createStatement();
             ResultSet r = s.executeQuery("SELECT " + String.join(", ", Arrays.stream(NAMES).map(n -> n + "::text").toList())
                     + " FROM \"staging\".\"copy_binary\" AS c ORDER BY c.i")) {
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= NAMES.length; i++) {
                    row.append(i == 1 ? "" : "|").append(r.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
