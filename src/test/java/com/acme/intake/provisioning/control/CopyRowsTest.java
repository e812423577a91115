package com.acme.intake.provisioning.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.MaskingSpec;
import com.acme.intake.provisioning.entity.LoadPlan;
import com.acme.intake.provisioning.entity.SqlIdentifier;

import static org.assertj.core.api.Assertions.assertThat;

class CopyRowsTest {

    private static final LoadPlan PLAN = new LoadPlan(new SqlIdentifier("t"), null, List.of(
            new LoadPlan.Column(new SqlIdentifier("a"), ColumnType.TEXT, null, MaskingSpec.of(MaskingMethod.KEEP)),
            new LoadPlan.Column(new SqlIdentifier("b"), ColumnType.TEXT, null, MaskingSpec.of(MaskingMethod.KEEP))),
            TestRows.KEY);

    private static String encode(Object a, Object b) {
        WarehouseLoader.CopyRows rows = new WarehouseLoader.CopyRows(PLAN, 2);
        rows.append(0, a);
        rows.append(1, b);
        return rows.text();
    }

    @Test
    void textEscapesBackslashTabAndLineBreaks() {
        assertThat(encode("a\\b\tc\nd\re", "\\N")).isEqualTo("a\\\\b\\tc\\nd\\re\t\\\\N\n");
    }

    @Test
    void aPlainAsciiRunIsFollowedByEscapesControlsAndNonAscii() {
        assertThat(encode("user@example.com", "~\u007f ok\\x\u0001y\tz")).isEqualTo("user@example.com\t~\u007f ok\\\\x\u0001y\\tz\n");
        assertThat(encode("abcé\\", "\r")).isEqualTo("abcé\\\\\t\\r\n");
    }

    @Test
    void aValueLongerThanTheBufferIsWhole() {
        String big = "x".repeat(3 * WarehouseLoader.COPY_CHUNK) + "\\";
        assertThat(encode(big, "y")).isEqualTo(big.replace("\\", "\\\\") + "\ty\n");
    }

    @Test
    void nullIsBackslashN() {
        assertThat(encode(null, "")).isEqualTo("\\N\t\n");
    }

    @Test
    void numbersBooleansAndFloatingSpecials() {
        assertThat(encode(new BigDecimal("1E+3"), true)).isEqualTo("1000\tt\n");
        assertThat(encode(Double.NaN, Double.NEGATIVE_INFINITY)).isEqualTo("NaN\t-Infinity\n");
        assertThat(encode(-2.5e-3, 42L)).isEqualTo("-0.0025\t42\n");
    }

    @Test
    void textIsUtf8WithSupplementaryCharactersWhole() {
        assertThat(encode("山田𠮷é", "\ud800x")).isEqualTo("山田𠮷é\t?x\n");
    }

    @Test
    void datesBeforeYearOneUseBc() {
        assertThat(encode(LocalDate.of(0, 3, 1), LocalDate.of(12, 1, 9))).isEqualTo("0001-03-01 BC\t0012-01-09\n");
        assertThat(encode(LocalDate.of(12345, 6, 7), null)).isEqualTo("12345-06-07\t\\N\n");
        assertThat(encode(LocalDateTime.of(-99, 1, 1, 0, 0), LocalDateTime.of(2024, 2, 29, 13, 5, 7, 120_000_000)))
                .isEqualTo("0100-01-01 00:00:00 BC\t2024-02-29 13:05:07.120000000\n");
    }
}
