package com.acme.intake.masking.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.acme.intake.masking.entity.ColumnType.BIGINT;
import static com.acme.intake.masking.entity.ColumnType.BOOLEAN;
import static com.acme.intake.masking.entity.ColumnType.DATE;
import static com.acme.intake.masking.entity.ColumnType.DECIMAL;
import static com.acme.intake.masking.entity.ColumnType.DOUBLE;
import static com.acme.intake.masking.entity.ColumnType.INTEGER;
import static com.acme.intake.masking.entity.ColumnType.SMALLINT;
import static com.acme.intake.masking.entity.ColumnType.TEXT;
import static com.acme.intake.masking.entity.ColumnType.TIMESTAMP;
import static com.acme.intake.masking.entity.ColumnType.VARCHAR;
import static com.acme.intake.masking.entity.MaskingMethod.DROP;
import static com.acme.intake.masking.entity.MaskingMethod.EMAIL;
import static com.acme.intake.masking.entity.MaskingMethod.GENERALIZE_DATE;
import static com.acme.intake.masking.entity.MaskingMethod.GENERALIZE_NUMBER;
import static com.acme.intake.masking.entity.MaskingMethod.KEEP;
import static com.acme.intake.masking.entity.MaskingMethod.NULLIFY;
import static com.acme.intake.masking.entity.MaskingMethod.PSEUDONYMIZE;
import static com.acme.intake.masking.entity.MaskingMethod.REDACT;
import static com.acme.intake.masking.entity.MaskingMethod.SHOW_FIRST_N;
import static com.acme.intake.masking.entity.MaskingMethod.SHOW_LAST_N;
import static com.acme.intake.masking.entity.PiiCategory.NONE;
import static com.acme.intake.masking.entity.PiiCategory.PERSONAL;
import static com.acme.intake.masking.entity.PiiCategory.SENSITIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class MaskingSpecTest {

    static Stream<Arguments> validSpecs() {
        return Stream.of(
                arguments(MaskingSpec.of(KEEP), BIGINT, NONE),
                arguments(MaskingSpec.of(KEEP).with("justification", "needed to join CRM exports"), VARCHAR, PERSONAL),
                arguments(MaskingSpec.of(KEEP).with("justification", "主治医の確認が必要"), TEXT, SENSITIVE),
                arguments(MaskingSpec.of(KEEP).with("justification", "not PII, stated anyway"), DATE, NONE),
                arguments(MaskingSpec.of(PSEUDONYMIZE), VARCHAR, PERSONAL),
                arguments(MaskingSpec.of(PSEUDONYMIZE), BIGINT, PERSONAL),
                arguments(MaskingSpec.of(REDACT), TEXT, PERSONAL),
                arguments(MaskingSpec.of(SHOW_LAST_N), VARCHAR, PERSONAL),
                arguments(MaskingSpec.of(SHOW_LAST_N).with("n", 0), VARCHAR, PERSONAL),
                arguments(MaskingSpec.of(SHOW_FIRST_N).with("n", 1000), VARCHAR, PERSONAL),
                arguments(MaskingSpec.of(SHOW_FIRST_N).with("n", new BigDecimal("4.0")), VARCHAR, PERSONAL),
                arguments(MaskingSpec.of(SHOW_FIRST_N).with("n", 3L), VARCHAR, PERSONAL),
                arguments(MaskingSpec.of(EMAIL), VARCHAR, PERSONAL),
                arguments(MaskingSpec.of(GENERALIZE_DATE).with("to", "YEAR"), DATE, PERSONAL),
                arguments(MaskingSpec.of(GENERALIZE_DATE).with("to", DateGranularity.MONTH), TIMESTAMP, PERSONAL),
                arguments(MaskingSpec.of(GENERALIZE_NUMBER).with("width", 10), INTEGER, PERSONAL),
                arguments(MaskingSpec.of(GENERALIZE_NUMBER).with("width", new BigDecimal("10.00")), SMALLINT, PERSONAL),
                arguments(MaskingSpec.of(GENERALIZE_NUMBER).with("width", Long.MAX_VALUE), BIGINT, PERSONAL),
                arguments(MaskingSpec.of(GENERALIZE_NUMBER).with("width", 0.5), DOUBLE, PERSONAL),
                arguments(MaskingSpec.of(GENERALIZE_NUMBER).with("width", new BigDecimal("0.01")), DECIMAL, PERSONAL),
                arguments(MaskingSpec.of(NULLIFY), BOOLEAN, SENSITIVE),
                arguments(MaskingSpec.of(DROP), TIMESTAMP, SENSITIVE));
    }

    @ParameterizedTest
    @MethodSource("validSpecs")
    void validSpecsHaveNoProblems(MaskingSpec spec, ColumnType type, PiiCategory pii) {
        assertThat(spec.problems(type, pii)).isEmpty();
    }

    static Stream<Arguments> invalidSpecs() {
        return Stream.of(
                arguments(MaskingSpec.of(REDACT), DATE, NONE,
                        "REDACT cannot mask a column of type DATE; it masks text columns"),
                arguments(MaskingSpec.of(GENERALIZE_DATE).with("to", "YEAR"), VARCHAR, NONE,
                        "GENERALIZE_DATE cannot mask a column of type VARCHAR; it masks date and timestamp columns"),
                arguments(MaskingSpec.of(PSEUDONYMIZE), DECIMAL, NONE,
                        "PSEUDONYMIZE cannot mask a column of type DECIMAL; it masks text and integer columns"),
                arguments(MaskingSpec.of(SHOW_LAST_N).with("m", 4), VARCHAR, NONE,
                        "unknown parameter 'm'; SHOW_LAST_N takes only 'n'"),
                arguments(MaskingSpec.of(REDACT).with("n", 4), VARCHAR, NONE,
                        "parameter 'n' does not apply; REDACT takes no parameters"),
                arguments(MaskingSpec.of(EMAIL).with("justification", "because"), VARCHAR, PERSONAL,
                        "parameter 'justification' does not apply; EMAIL takes no parameters"),
                arguments(MaskingSpec.of(KEEP).with("justification", "ok").with("n", 2), VARCHAR, PERSONAL,
                        "parameter 'n' does not apply; KEEP takes only 'justification'"),
                arguments(MaskingSpec.of(SHOW_LAST_N).with("n", -1), VARCHAR, NONE,
                        "'n' must be a whole number from 0 to 1000"),
                arguments(MaskingSpec.of(SHOW_FIRST_N).with("n", 1001), VARCHAR, NONE,
                        "'n' must be a whole number from 0 to 1000"),
                arguments(MaskingSpec.of(SHOW_FIRST_N).with("n", new BigInteger("99999999999999999999")), VARCHAR, NONE,
                        "'n' must be a whole number from 0 to 1000"),
                arguments(MaskingSpec.of(SHOW_FIRST_N).with("n", 2.5), VARCHAR, NONE,
                        "'n' must be a whole number from 0 to 1000"),
                arguments(MaskingSpec.of(SHOW_FIRST_N).with("n", "4"), VARCHAR, NONE,
                        "'n' must be a whole number from 0 to 1000"),
                arguments(MaskingSpec.of(SHOW_FIRST_N).with("n", Double.NaN), VARCHAR, NONE,
                        "'n' must be a whole number from 0 to 1000"),
                arguments(MaskingSpec.of(GENERALIZE_DATE), DATE, NONE,
                        "GENERALIZE_DATE needs 'to': YEAR or MONTH"),
                arguments(MaskingSpec.of(GENERALIZE_DATE).with("to", "DAY"), DATE, NONE,
                        "'to' must be YEAR or MONTH"),
                arguments(MaskingSpec.of(GENERALIZE_DATE).with("to", "year"), DATE, NONE,
                        "'to' must be YEAR or MONTH"),
                arguments(MaskingSpec.of(GENERALIZE_DATE).with("to", 1), DATE, NONE,
                        "'to' must be YEAR or MONTH"),
                arguments(MaskingSpec.of(GENERALIZE_NUMBER), INTEGER, NONE,
                        "GENERALIZE_NUMBER needs 'width', a number greater than 0"),
                arguments(MaskingSpec.of(GENERALIZE_NUMBER).with("width", 0), INTEGER, NONE,
                        "'width' must be a number greater than 0 and below 10^38, with at most 38 decimal places"),
                arguments(MaskingSpec.of(GENERALIZE_NUMBER).with("width", -5), DECIMAL, NONE,
                        "'width' must be a number greater than 0 and below 10^38, with at most 38 decimal places"),
                arguments(MaskingSpec.of(GENERALIZE_NUMBER).with("width", "10"), DECIMAL, NONE,
                        "'width' must be a number greater than 0 and below 10^38, with at most 38 decimal places"),
                arguments(MaskingSpec.of(GENERALIZE_NUMBER).with("width", Double.POSITIVE_INFINITY), DOUBLE, NONE,
                        "'width' must be a number greater than 0 and below 10^38, with at most 38 decimal places"),
                arguments(MaskingSpec.of(GENERALIZE_NUMBER).with("width", new BigDecimal("1E-39")), DECIMAL, NONE,
                        "'width' must be a number greater than 0 and below 10^38, with at most 38 decimal places"),
                arguments(MaskingSpec.of(GENERALIZE_NUMBER).with("width", new BigDecimal("1E+38")), DECIMAL, NONE,
                        "'width' must be a number greater than 0 and below 10^38, with at most 38 decimal places"),
                arguments(MaskingSpec.of(GENERALIZE_NUMBER).with("width", 1.5), INTEGER, NONE,
                        "'width' must be a whole number from 1 to 9223372036854775807 for a column of type INTEGER"),
                arguments(MaskingSpec.of(GENERALIZE_NUMBER).with("width", new BigDecimal("9223372036854775808")), BIGINT, NONE,
                        "'width' must be a whole number from 1 to 9223372036854775807 for a column of type BIGINT"),
                arguments(MaskingSpec.of(KEEP), VARCHAR, PERSONAL,
                        "KEEP on a PERSONAL column needs a 'justification' for the privacy review"),
                arguments(MaskingSpec.of(KEEP).with("justification", " \t"), VARCHAR, SENSITIVE,
                        "KEEP on a SENSITIVE column needs a 'justification' for the privacy review"),
                arguments(MaskingSpec.of(KEEP).with("justification", 42), VARCHAR, PERSONAL,
                        "'justification' must be text"));
    }

    @ParameterizedTest
    @MethodSource("invalidSpecs")
    void invalidSpecsAreExplained(MaskingSpec spec, ColumnType type, PiiCategory pii, String problem) {
        assertThat(spec.problems(type, pii)).containsExactly(problem);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        // given
        MaskingSpec spec = MaskingSpec.of(GENERALIZE_NUMBER).with("with", 10);

        // when
        List<String> problems = spec.problems(VARCHAR, NONE);

        // then
        assertThat(problems).containsExactly(
                "GENERALIZE_NUMBER cannot mask a column of type VARCHAR; it masks integer and decimal columns",
                "unknown parameter 'with'; GENERALIZE_NUMBER takes only 'width'",
                "GENERALIZE_NUMBER needs 'width', a number greater than 0");
    }

    @Test
    void problemsNeverQuoteTheJustification() {
        // given
        MaskingSpec spec = MaskingSpec.of(REDACT).with("justification", "患者の病歴は研究に必要");

        // when
        List<String> problems = spec.problems(TEXT, SENSITIVE);

        // then
        assertThat(problems).hasSize(1).allSatisfy(p -> assertThat(p).doesNotContain("患者"));
    }

    @ParameterizedTest
    @EnumSource(MaskingMethod.class)
    void eachMethodFitsTheKindsItDeclares(MaskingMethod method) {
        for (ColumnType type : ColumnType.values()) {
            assertThat(method.fits(type)).isEqualTo(method.kinds().contains(type.kind()));
        }
    }

    @Test
    void nDefaultsToFour() {
        assertThat(MaskingSpec.of(SHOW_LAST_N).n()).isEqualTo(4).isEqualTo(MaskingSpec.DEFAULT_N);
    }

    @Test
    void nAcceptsAnyWholeNumberClass() {
        assertThat(MaskingSpec.of(SHOW_LAST_N).with("n", new BigDecimal("7.00")).n()).isEqualTo(7);
        assertThat(MaskingSpec.of(SHOW_LAST_N).with("n", (short) 2).n()).isEqualTo(2);
    }

    @Test
    void invalidNCannotBeRead() {
        assertThatThrownBy(() -> MaskingSpec.of(SHOW_LAST_N).with("n", -1).n())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void toIsReadFromTextOrEnum() {
        assertThat(MaskingSpec.of(GENERALIZE_DATE).with("to", "MONTH").to()).isEqualTo(DateGranularity.MONTH);
        assertThat(MaskingSpec.of(GENERALIZE_DATE).with("to", DateGranularity.YEAR).to()).isEqualTo(DateGranularity.YEAR);
        assertThatThrownBy(() -> MaskingSpec.of(GENERALIZE_DATE).to()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void widthIsNormalisedWithoutTrailingZerosAndNeverANegativeScale() {
        assertThat(MaskingSpec.of(GENERALIZE_NUMBER).with("width", new BigDecimal("10.0")).width())
                .isEqualTo(new BigDecimal("10"));
        assertThat(MaskingSpec.of(GENERALIZE_NUMBER).with("width", new BigDecimal("1E+1")).width())
                .isEqualTo(new BigDecimal("10"));
        assertThat(MaskingSpec.of(GENERALIZE_NUMBER).with("width", new BigDecimal("0.50")).width())
                .isEqualTo(new BigDecimal("0.5"));
        assertThat(MaskingSpec.of(GENERALIZE_NUMBER).with("width", 0.1f).width())
                .isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void justificationIsReadWhenText() {
        assertThat(MaskingSpec.of(KEEP).with("justification", "要件").justification()).contains("要件");
        assertThat(MaskingSpec.of(KEEP).justification()).isEmpty();
    }

    @Test
    void nullParameterValuesCountAsAbsent() {
        // given
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("n", null);

        // when
        MaskingSpec spec = new MaskingSpec(REDACT, parameters);

        // then
        assertThat(spec.parameters()).isEmpty();
        assertThat(spec.problems(VARCHAR, NONE)).isEmpty();
        assertThat(new MaskingSpec(REDACT, null).parameters()).isEmpty();
        assertThat(MaskingSpec.of(SHOW_LAST_N).with("n", 2).with("n", null).n()).isEqualTo(4);
    }

    @Test
    void parametersAreACopyThatCannotChange() {
        // given
        Map<String, Object> parameters = new HashMap<>(Map.of("n", 2));
        MaskingSpec spec = new MaskingSpec(SHOW_LAST_N, parameters);

        // when
        parameters.put("n", 3);

        // then
        assertThat(spec.n()).isEqualTo(2);
        assertThatThrownBy(() -> spec.parameters().put("n", 5)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void methodIsRequired() {
        assertThatThrownBy(() -> MaskingSpec.of(null)).isInstanceOf(NullPointerException.class);
    }
}
