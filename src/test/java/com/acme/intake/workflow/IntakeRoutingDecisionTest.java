package com.acme.intake.workflow;

import static com.acme.intake.workflow.entity.ProcessIds.DECISION_KEY;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_HIGHEST_PII;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_PII_KEPT_UNMASKED;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_PRIVACY_REVIEW_REQUIRED;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_SOURCE_KIND;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.intake.workflow.control.ParsedOnceFeelEngine;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The governance rules of {@code intakeRouting}, row by row. */
class IntakeRoutingDecisionTest extends IntakeProcessTestSupport {

    @ParameterizedTest(name = "{0}, kept unmasked {1}, {2} -> privacy review {3}")
    @CsvSource(textBlock = """
            NONE,      false, JDBC, false
            NONE,      false, FILE, false
            PERSONAL,  false, JDBC, true
            PERSONAL,  true,  FILE, true
            SENSITIVE, false, JDBC, true
            SENSITIVE, false, FILE, true
            NONE,      true,  JDBC, true
            NONE,      true,  FILE, true
            """)
    void privacyReviewIsRequiredForAnyPiiOrUnmaskedColumn(String highestPii, boolean piiKeptUnmasked,
                                                          String sourceKind, boolean expected) {
        // given
        var request = Variables.createVariables()
                .putValue(VAR_HIGHEST_PII, highestPii)
                .putValue(VAR_PII_KEPT_UNMASKED, piiKeptUnmasked)
                .putValue(VAR_SOURCE_KIND, sourceKind);

        // when
        DmnDecisionResult result = engine.getDecisionService().evaluateDecisionByKey(DECISION_KEY)
                .variables(request).evaluate();

        // then
        assertThat(result).hasSize(1);
        assertThat(result.getSingleResult().<Boolean>getEntry(VAR_PRIVACY_REVIEW_REQUIRED)).isEqualTo(expected);
    }

    @Test
    void theRulesAreJudgedOnTheApplicationsFeelEngine() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(ParsedOnceFeelEngine.class);
    }
}
