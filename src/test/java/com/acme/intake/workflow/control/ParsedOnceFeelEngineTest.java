package com.acme.intake.workflow.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The DMN's FEEL engine with parsing kept: the same answers and errors as Camunda's, parsed once. */
class ParsedOnceFeelEngineTest {

    private final ScalaFeelEngine camunda = new ScalaFeelEngine(List.of());
    private final ParsedOnceFeelEngine parsedOnce = new ParsedOnceFeelEngine();

    private static VariableContext variables() {
        return Variables.createVariables()
                .putValue("highestPii", "PERSONAL")
                .putValue("piiKeptUnmasked", false)
                .putValue("retentionDays", 400)
                .putValue("submitted", LocalDate.of(2026, 11, 28))
                .putValue("missing", null)
                .asVariableContext();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            highestPii
            piiKeptUnmasked
            retentionDays * 2 + 1
            if retentionDays > 365 then "long" else "short"
            string length(highestPii)
            missing
            submitted.year
            [1, 2, 3][item > 1]
            """)
    void expressionsAnswerAsCamundasEngineDoes(String expression) {
        Object expected = camunda.evaluateSimpleExpression(expression, variables());

        assertThat((Object) parsedOnce.evaluateSimpleExpression(expression, variables())).isEqualTo(expected);
        // the second time from the cache, same answer
        assertThat((Object) parsedOnce.evaluateSimpleExpression(expression, variables())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} against {0}")
    @CsvSource(delimiter = '|', textBlock = """
            highestPii      | "PERSONAL","SENSITIVE"
            highestPii      | "NONE"
            highestPii      | not("NONE")
            piiKeptUnmasked | true
            piiKeptUnmasked | false
            retentionDays   | > 365
            retentionDays   | [1..365]
            retentionDays   | -
            missing         | null
            """)
    void unaryTestsAnswerAsCamundasEngineDoes(String input, String tests) {
        boolean expected = camunda.evaluateSimpleUnaryTests(tests, input, variables());

        assertThat(parsedOnce.evaluateSimpleUnaryTests(tests, input, variables())).isEqualTo(expected);
        assertThat(parsedOnce.evaluateSimpleUnaryTests(tests, input, variables())).isEqualTo(expected);
    }

    @Test
    void eachTextIsParsedOnceAndKept() {
        for (int i = 0; i < 50; i++) {
            parsedOnce.evaluateSimpleExpression("highestPii", variables());
            parsedOnce.evaluateSimpleUnaryTests("\"PERSONAL\",\"SENSITIVE\"", "highestPii", variables());
            parsedOnce.evaluateSimpleUnaryTests("true", "piiKeptUnmasked", variables());
        }

        assertThat(parsedOnce.cachedExpressions()).isEqualTo(3);
    }

    @Test
    void whatDoesNotParseFailsAsInCamundasEngineAndIsNotKept() {
        Throwable expected = catchThrowable(() -> camunda.evaluateSimpleExpression("retentionDays >", variables()));
        assertThat(expected).isNotNull();

        for (int i = 0; i < 2; i++) {
            Throwable actual = catchThrowable(() -> parsedOnce.evaluateSimpleExpression("retentionDays >", variables()));
            assertThat(actual).isInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
        }
        assertThat(parsedOnce.cachedExpressions()).isZero();
    }

    @Test
    void evaluationErrorsAreCamundasToo() {
        String unknownFunction = "no such function(highestPii)";
        Throwable expected = catchThrowable(() -> camunda.evaluateSimpleExpression(unknownFunction, variables()));
        Throwable actual = catchThrowable(() -> parsedOnce.evaluateSimpleExpression(unknownFunction, variables()));

        assertThat(expected).isNotNull();
        assertThat(actual).isInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
    }

    @Test
    void manyThreadsShareOneEngine() throws Exception {
        Callable<Boolean> routing = () -> {
            for (int i = 0; i < 200; i++) {
                if (!parsedOnce.evaluateSimpleUnaryTests("\"PERSONAL\",\"SENSITIVE\"", "highestPii", variables())
                        || parsedOnce.evaluateSimpleUnaryTests("true", "piiKeptUnmasked", variables())) {
                    return false;
                }
            }
            return true;
        };
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            assertThat(pool.invokeAll(List.of(routing, routing, routing, routing)))
                    .allSatisfy(f -> assertThat(f.get()).isTrue());
        } finally {
            pool.shutdown();
        }
        assertThat(parsedOnce.cachedExpressions()).isEqualTo(2);
    }
}
