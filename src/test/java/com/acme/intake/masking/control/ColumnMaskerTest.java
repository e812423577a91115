package com.acme.intake.masking.control;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.MaskingSpec;
import com.acme.intake.masking.entity.PseudonymKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** What holds for every method: NULL, DROP, KEEP, NULLIFY, result types and value-free errors. */
class ColumnMaskerTest {

    private static final PseudonymKey KEY = PseudonymKey.ofUtf8("test-1", "a demo key");

    /** A valid spec for the method and a column type it fits. */
    private static MaskingSpec specFor(MaskingMethod method) {
        return switch (method) {
            case GENERALIZE_DATE -> MaskingSpec.of(method).with("to", "YEAR");
            case GENERALIZE_NUMBER -> MaskingSpec.of(method).with("width", 10);
            default -> MaskingSpec.of(method);
        };
    }

    private static ColumnType fittingType(MaskingMethod method) {
        return Arrays.stream(ColumnType.values()).filter(method::fits).findFirst().orElseThrow();
    }

    private static ColumnMasker compile(MaskingMethod method, ColumnType type) {
        return ColumnMasker.compile(specFor(method), type, KEY);
    }

    static Stream<Arguments> everyMethodWithEveryFittingType() {
        return Arrays.stream(MaskingMethod.values())
                .flatMap(method -> Arrays.stream(ColumnType.values()).filter(method::fits)
                        .map(type -> arguments(method, type)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everyMethodWithEveryFittingType")
    void nullStaysNull(MaskingMethod method, ColumnType type) {
        // given
        ColumnMasker masker = compile(method, type);

        // when / then
        if (method == MaskingMethod.DROP) {
            assertThatThrownBy(() -> masker.mask(null)).isInstanceOf(IllegalStateException.class);
        } else {
            assertThat(masker.mask(null)).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(ColumnType.class)
    void dropCreatesNoColumnAndRefusesToMask(ColumnType type) {
        // given
        ColumnMasker masker = compile(MaskingMethod.DROP, type);

        // then
        assertThat(masker.isDropped()).isTrue();
        assertThat(masker.createsColumn()).isFalse();
        assertThatThrownBy(() -> masker.mask("山田太郎"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("山田太郎");
        assertThatThrownBy(masker::resultType).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(value = MaskingMethod.class, names = "DROP", mode = EnumSource.Mode.EXCLUDE)
    void everyOtherMethodCreatesTheColumn(MaskingMethod method) {
        // given
        ColumnType type = fittingType(method);
        ColumnMasker masker = compile(method, type);

        // then
        assertThat(masker.isDropped()).isFalse();
        assertThat(masker.createsColumn()).isTrue();
        assertThat(masker.method()).isEqualTo(method);
        assertThat(masker.type()).isEqualTo(type);
        assertThat(masker.resultType()).isEqualTo(method == MaskingMethod.PSEUDONYMIZE ? ColumnType.VARCHAR : type);
    }

    static Stream<Arguments> valuesOfEveryType() {
        return Stream.of(
                arguments(ColumnType.VARCHAR, "山田太郎"),
                arguments(ColumnType.TEXT, ""),
                arguments(ColumnType.SMALLINT, (short) 7),
                arguments(ColumnType.INTEGER, 7),
                arguments(ColumnType.BIGINT, Long.MIN_VALUE),
                arguments(ColumnType.DECIMAL, new BigDecimal("12.30")),
                arguments(ColumnType.DOUBLE, 1.5),
                arguments(ColumnType.BOOLEAN, Boolean.TRUE),
                arguments(ColumnType.DATE, LocalDate.of(1985, 3, 14)),
                arguments(ColumnType.TIMESTAMP, LocalDateTime.of(1985, 3, 14, 10, 11, 12)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesOfEveryType")
    void keepReturnsTheValue(ColumnType type, Object value) {
        assertThat(compile(MaskingMethod.KEEP, type).mask(value)).isSameAs(value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesOfEveryType")
    void nullifyReturnsNull(ColumnType type, Object value) {
        assertThat(compile(MaskingMethod.NULLIFY, type).mask(value)).isNull();
    }

    @Test
    void keepNormalisesJdbcDateAndTimeClasses() {
        assertThat(compile(MaskingMethod.KEEP, ColumnType.DATE).mask(java.sql.Date.valueOf("1985-03-14")))
                .isEqualTo(LocalDate.of(1985, 3, 14));
        assertThat(compile(MaskingMethod.KEEP, ColumnType.TIMESTAMP).mask(Timestamp.valueOf("1985-03-14 10:11:12.5")))
                .isEqualTo(LocalDateTime.of(1985, 3, 14, 10, 11, 12, 500_000_000));
        assertThat(compile(MaskingMethod.KEEP, ColumnType.TIMESTAMP).mask(OffsetDateTime.parse("1985-03-14T10:11:12+09:00")))
                .isEqualTo(LocalDateTime.of(1985, 3, 14, 10, 11, 12));
    }

    static Stream<Arguments> wrongValueClasses() {
        return Stream.of(
                arguments(MaskingMethod.KEEP, ColumnType.VARCHAR, 9876543210L, "java.lang.Long"),
                arguments(MaskingMethod.REDACT, ColumnType.VARCHAR, new StringBuilder("山田太郎"), "java.lang.StringBuilder"),
                arguments(MaskingMethod.EMAIL, ColumnType.TEXT, 'x', "java.lang.Character"),
                arguments(MaskingMethod.PSEUDONYMIZE, ColumnType.BIGINT, "9876543210", "java.lang.String"),
                arguments(MaskingMethod.GENERALIZE_NUMBER, ColumnType.INTEGER, new BigDecimal("98765.4321"), "java.math.BigDecimal"),
                arguments(MaskingMethod.GENERALIZE_NUMBER, ColumnType.DECIMAL, 98765L, "java.lang.Long"),
                arguments(MaskingMethod.KEEP, ColumnType.BOOLEAN, "true", "java.lang.String"),
                arguments(MaskingMethod.GENERALIZE_DATE, ColumnType.DATE, LocalDateTime.of(1985, 3, 14, 10, 11), "java.time.LocalDateTime"),
                arguments(MaskingMethod.GENERALIZE_DATE, ColumnType.TIMESTAMP, "1985-03-14", "java.lang.String"),
                arguments(MaskingMethod.NULLIFY, ColumnType.DATE, "1985-03-14", "java.lang.String"));
    }

    @ParameterizedTest(name = "{0} on {1} given {3}")
    @MethodSource("wrongValueClasses")
    void aValueOfTheWrongClassIsRefusedWithoutShowingIt(MaskingMethod method, ColumnType type, Object value,
                                                        String className) {
        // given
        ColumnMasker masker = compile(method, type);

        // when / then
        assertThatThrownBy(() -> masker.mask(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(type.name())
                .hasMessageContaining(className)
                .hasMessageNotContaining(String.valueOf(value))
                .hasMessageNotContaining("1985")
                .hasMessageNotContaining("98765");
    }

    @Test
    void anInvalidSpecIsRefusedWithItsProblems() {
        assertThatThrownBy(() -> ColumnMasker.compile(MaskingSpec.of(MaskingMethod.SHOW_LAST_N).with("n", -1),
                ColumnType.VARCHAR, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid masking for a column of type VARCHAR: 'n' must be a whole number from 0 to 1000");
    }

    @Test
    void aMethodThatDoesNotFitIsRefused() {
        assertThatThrownBy(() -> ColumnMasker.compile(MaskingSpec.of(MaskingMethod.REDACT), ColumnType.BIGINT, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REDACT cannot mask a column of type BIGINT");
    }

    @Test
    void keepNeedsNoJustificationToCompileBecauseSubmissionCheckedIt() {
        assertThat(ColumnMasker.compile(MaskingSpec.of(MaskingMethod.KEEP), ColumnType.VARCHAR, null).mask("a"))
                .isEqualTo("a");
    }
}
