package com.acme.intake.masking.control;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.MaskingSpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** GENERALIZE_DATE and GENERALIZE_NUMBER. */
class GeneralizeTest {

    private static Object generalizeDate(String to, ColumnType type, Object value) {
        return ColumnMasker.compile(MaskingSpec.of(MaskingMethod.GENERALIZE_DATE).with("to", to), type, null)
                .mask(value);
    }

    private static Object generalizeNumber(Object width, ColumnType type, Object value) {
        return ColumnMasker.compile(MaskingSpec.of(MaskingMethod.GENERALIZE_NUMBER).with("width", width), type, null)
                .mask(value);
    }

    @ParameterizedTest(name = "{0} to {1} -> {2}")
    @CsvSource({
            "1990-07-15, YEAR,  1990-01-01",
            "1990-07-15, MONTH, 1990-07-01",
            "2024-02-29, YEAR,  2024-01-01",
            "2024-02-29, MONTH, 2024-02-01",
            "1999-12-31, YEAR,  1999-01-01",
            "1999-12-31, MONTH, 1999-12-01",
            "2000-01-01, YEAR,  2000-01-01",
            "2000-01-01, MONTH, 2000-01-01",
            "2023-03-01, MONTH, 2023-03-01",
            "-0044-03-15, YEAR, -0044-01-01"})
    void datesAreTruncated(LocalDate value, String to, LocalDate expected) {
        assertThat(generalizeDate(to, ColumnType.DATE, value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} to {1} -> {2}")
    @CsvSource({
            "2023-12-31T23:59:59.999999999, YEAR,  2023-01-01T00:00",
            "2023-12-31T23:59:59.999999999, MONTH, 2023-12-01T00:00",
            "2024-01-01T00:00,              YEAR,  2024-01-01T00:00",
            "2024-03-01T00:00:00.000000001, MONTH, 2024-03-01T00:00"})
    void timestampsAreTruncatedToMidnight(LocalDateTime value, String to, LocalDateTime expected) {
        assertThat(generalizeDate(to, ColumnType.TIMESTAMP, value)).isEqualTo(expected);
    }

    @Test
    void jdbcDateAndTimeClassesGiveJavaTimeResults() {
        assertThat(generalizeDate("MONTH", ColumnType.DATE, java.sql.Date.valueOf("1985-03-14")))
                .isEqualTo(LocalDate.of(1985, 3, 1));
        assertThat(generalizeDate("YEAR", ColumnType.TIMESTAMP, Timestamp.valueOf("1985-03-14 10:11:12")))
                .isEqualTo(LocalDateTime.of(1985, 1, 1, 0, 0));
        assertThat(generalizeDate("MONTH", ColumnType.TIMESTAMP, java.sql.Date.valueOf("1985-03-14")))
                .isEqualTo(LocalDateTime.of(1985, 3, 1, 0, 0));
    }

    @Test
    void anOffsetDateTimeIsTruncatedInItsOwnOffset() {
        // given: just after new year in Tokyo, still the old year in UTC
        OffsetDateTime value = OffsetDateTime.parse("2024-01-01T00:30+09:00");

        // then
        assertThat(generalizeDate("YEAR", ColumnType.TIMESTAMP, value)).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
    }

    @ParameterizedTest(name = "{0} width {1} -> {2}")
    @CsvSource({
            "37,  10, 30",
            "30,  10, 30",
            "0,   10, 0",
            "-1,  10, -10",
            "-10, 10, -10",
            "-11, 10, -20",
            "9223372036854775807,  10, 9223372036854775800",
            "-9223372036854775800, 10, -9223372036854775800",
            "-9223372036854775801, 10, -9223372036854775808",
            "-9223372036854775808, 10, -9223372036854775808",
            "-9223372036854775808, 9223372036854775807, -9223372036854775808",
            "9223372036854775807,  9223372036854775807, 9223372036854775807",
            "-1, 9223372036854775807, -9223372036854775807",
            "123456, 1, 123456"})
    void longsFloorToTheBucketStartWithoutOverflow(long value, long width, long expected) {
        assertThat(generalizeNumber(width, ColumnType.BIGINT, value)).isEqualTo(expected);
    }

    @Test
    void integerClassesStayTheirClass() {
        assertThat(generalizeNumber(10, ColumnType.INTEGER, 37)).isEqualTo(30);
        assertThat(generalizeNumber(10, ColumnType.SMALLINT, (short) -1)).isEqualTo((short) -10);
        assertThat(generalizeNumber(10, ColumnType.BIGINT, BigInteger.valueOf(-1))).isEqualTo(BigInteger.valueOf(-10));
    }

    @Test
    void aBucketBelowTheColumnTypesRangeGivesItsSmallestValue() {
        assertThat(generalizeNumber(10, ColumnType.INTEGER, Integer.MIN_VALUE)).isEqualTo(Integer.MIN_VALUE);
        assertThat(generalizeNumber(10, ColumnType.SMALLINT, Short.MIN_VALUE)).isEqualTo(Short.MIN_VALUE);
        // an Integer read from a SMALLINT column is limited by the column, not by its class
        assertThat(generalizeNumber(100000, ColumnType.SMALLINT, -1)).isEqualTo((int) Short.MIN_VALUE);
        // a Short read from a BIGINT column is limited by its class, which must hold the result
        assertThat(generalizeNumber(100000, ColumnType.BIGINT, (short) -1)).isEqualTo(Short.MIN_VALUE);
    }

    @Test
    void bigIntegersAreExact() {
        BigInteger large = new BigInteger("1000000000000000000000000000005");
        assertThat(generalizeNumber(10, ColumnType.BIGINT, large))
                .isEqualTo(new BigInteger("1000000000000000000000000000000"));
        assertThat(generalizeNumber(10, ColumnType.BIGINT, new BigInteger("-9223372036854775809")))
                .isEqualTo(BigInteger.valueOf(Long.MIN_VALUE));
    }

    @Test
    void aWholeDecimalWidthServesIntegerColumns() {
        assertThat(generalizeNumber(new BigDecimal("1E+1"), ColumnType.BIGINT, 37L)).isEqualTo(30L);
        assertThat(generalizeNumber(new BigDecimal("10.00"), ColumnType.INTEGER, -1)).isEqualTo(-10);
    }

    @ParameterizedTest(name = "{0} width {1} -> {2}")
    @CsvSource({
            "123.45,     10,   120.00",
            "-0.01,      1,    -1.00",
            "7.25,       0.5,  7.00",
            "7.75,       0.5,  7.50",
            "12345.6789, 0.01, 12345.6700",
            "1.3,        0.05, 1.30",
            "-2.5,       1,    -3.0",
            "1E+3,       7,    994",
            "0,          10,   0"})
    void bigDecimalsAreExactAndKeepTheLargerScale(BigDecimal value, BigDecimal width, BigDecimal expected) {
        // isEqualTo on BigDecimal compares the scale too
        assertThat(generalizeNumber(width, ColumnType.DECIMAL, value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} width {1} -> {2}")
    @CsvSource({
            "0.3,   0.1, 0.3",
            "37.5,  10,  30.0",
            "-0.5,  1,   -1.0",
            "-0.0,  1,   0.0",
            "99.99, 0.1, 99.9",
            "1e300, 1,   1e300"})
    void doublesAreComputedOnTheirDecimalForm(double value, BigDecimal width, double expected) {
        assertThat(generalizeNumber(width, ColumnType.DOUBLE, value)).isEqualTo(expected);
    }

    @Test
    void nonFiniteDoublesStayAsTheyAre() {
        assertThat(generalizeNumber(10, ColumnType.DOUBLE, Double.NaN)).isEqualTo(Double.NaN);
        assertThat(generalizeNumber(10, ColumnType.DOUBLE, Double.NEGATIVE_INFINITY)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(generalizeNumber(10, ColumnType.DOUBLE, Float.POSITIVE_INFINITY)).isEqualTo(Float.POSITIVE_INFINITY);
    }

    @Test
    void floatsStayFloats() {
        assertThat(generalizeNumber(0.5, ColumnType.DOUBLE, 2.7f)).isEqualTo(2.5f);
        assertThat(generalizeNumber(new BigDecimal("0.1"), ColumnType.DECIMAL, 0.3f)).isEqualTo(0.3f);
    }
}
