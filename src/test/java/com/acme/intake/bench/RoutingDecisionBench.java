package com.acme.intake.bench;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import com.acme.intake.workflow.control.ParsedOnceFeelEngine;
import com.acme.intake.workflow.entity.ProcessIds;

/**
 * Evaluations per second of the routing decision ({@code bpmn/intake-routing.dmn}) on the DMN engine
 * alone, without database or process: Camunda's FEEL engine ({@code ScalaFeelEngine}, the baseline)
 * against {@link ParsedOnceFeelEngine}, in alternating rounds of one thread each.
 *
 * <pre>
 * MAVEN_OPTS=-Xmx256m mvn -Pbench -Dbench=RoutingDecisionBench test-compile exec:java
 * </pre>
 * Options: {@code -Dbench.rounds=3}, {@code -Dbench.seconds=10} (per engine and round, after a first
 * round of warm-up). Both run the FEEL version of the build; what FEEL 1.19.5 saved over 1.19.3 is
 * not measured here, as one class path holds one version.
 */
public final class RoutingDecisionBench {

    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final int SECONDS = Integer.getInteger("bench.seconds", 10);

    public static void main(String[] args) throws Exception {
        DmnEngine camunda = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DefaultDmnEngineConfiguration parsedOnceConfiguration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        parsedOnceConfiguration.setFeelEngineFactory(new ParsedOnceFeelEngine.Factory());
        DmnEngine parsedOnce = parsedOnceConfiguration.buildEngine();
        DmnDecision onCamunda = routing(camunda);
        DmnDecision onParsedOnce = routing(parsedOnce);

        System.out.printf("RoutingDecisionBench: %d rounds of %d s per engine after a warm-up round; %s%n", ROUNDS,
                SECONDS, LoadBench.loadAverage());
        double[] baseline = new double[ROUNDS];
        double[] measured = new double[ROUNDS];
        for (int round = -1; round < ROUNDS; round++) {
            double a = rate(camunda, onCamunda);
            double b = rate(parsedOnce, onParsedOnce);
            if (round >= 0) {
                baseline[round] = a;
                measured[round] = b;
                System.out.printf("round %d: Camunda's FEEL engine %,.0f/s, parsed once %,.0f/s (%.1fx)%n", round + 1,
                        a, b, b / a);
            }
        }
        double a = median(baseline);
        double b = median(measured);
        System.out.printf("%nmedian: Camunda's FEEL engine %,.0f evaluations/s, ParsedOnceFeelEngine %,.0f/s: %.1fx%n",
                a, b, b / a);
    }

    private static DmnDecision routing(DmnEngine engine) throws Exception {
        try (InputStream in = RoutingDecisionBench.class.getClassLoader().getResourceAsStream("models/intake-routing.dmn")) {
            return engine.parseDecision(ProcessIds.DECISION_KEY, in);
        }
    }

    /** Evaluations per second for SECONDS, cycling through inputs that hit each rule. */
    private static double rate(DmnEngine engine, DmnDecision decision) {
        List<VariableMap> inputs = List.of(
                input("PERSONAL", false, "JDBC"), input("NONE", true, "FILE"), input("NONE", false, "JDBC"),
                input("SENSITIVE", false, "FILE"));
        long end = System.nanoTime() + SECONDS * 1_000_000_000L;
        long start = System.nanoTime();
        long count = 0;
        int privacyReviews = 0;
        while (System.nanoTime() < end) {
            for (VariableMap input : inputs) {
                Boolean required = engine.evaluateDecisionTable(decision, input).getSingleResult()
                        .getEntry(ProcessIds.VAR_PRIVACY_REVIEW_REQUIRED);
                privacyReviews += Boolean.TRUE.equals(required) ? 1 : 0;
                count++;
            }
        }
        if (privacyReviews != count / 4 * 3) { // three of the four inputs need the privacy review
            throw new IllegalStateException("wrong routing: " + privacyReviews + " privacy reviews of " + count);
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static VariableMap input(String highestPii, boolean keptUnmasked, String sourceKind) {
        return Variables.createVariables()
                .putValue(ProcessIds.VAR_HIGHEST_PII, highestPii)
                .putValue(ProcessIds.VAR_PII_KEPT_UNMASKED, keptUnmasked)
                .putValue(ProcessIds.VAR_SOURCE_KIND, sourceKind);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
