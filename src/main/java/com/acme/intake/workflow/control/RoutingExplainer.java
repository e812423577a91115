package com.acme.intake.workflow.control;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Description;
import org.camunda.bpm.model.dmn.instance.Rule;

import com.acme.intake.workflow.entity.ProcessIds;

/**
 * Why a request got the reviews it got: the latest evaluation of the routing decision
 * ({@code bpmn/intake-routing.dmn}) in the request's process, read from the engine's history,
 * with the inputs it saw and the rule that matched (its id and its description from the model).
 */
@ApplicationScoped
public class RoutingExplainer {

    /** One input of the decision as it was evaluated: the input clause's id, label and value. */
    public record Input(String id, String label, Object value) {
    }

    /**
     * The routing of one round.
     *
     * @param privacyReviewRequired the decision's output
     * @param reviews               the review task keys this routing leads to, in process order
     * @param ruleId                the id of the matched rule (e.g. {@code ruleAnyPii}); null if none matched
     * @param reason                the matched rule's description from the DMN model (English)
     */
    public record Routing(Instant evaluatedAt, boolean privacyReviewRequired, List<String> reviews, String ruleId,
                          String reason, List<Input> inputs) {
    }

    @Inject
    HistoryService history;

    @Inject
    RepositoryService repository;

    /** The routing of the latest round of a process instance, if the decision was evaluated there. */
    public Optional<Routing> latest(String processInstanceId) {
        if (processInstanceId == null) {
            return Optional.empty();
        }
        List<HistoricDecisionInstance> evaluations = history.createHistoricDecisionInstanceQuery()
                .processInstanceId(processInstanceId)
                .decisionDefinitionKey(ProcessIds.DECISION_KEY)
                .includeInputs()
                .includeOutputs()
                .list();
        return evaluations.stream()
                .max(Comparator.comparing(HistoricDecisionInstance::getEvaluationTime))
                .map(this::routing);
    }

    private Routing routing(HistoricDecisionInstance evaluation) {
        HistoricDecisionOutputInstance output = evaluation.getOutputs().stream()
                .filter(o -> ProcessIds.VAR_PRIVACY_REVIEW_REQUIRED.equals(o.getVariableName()))
                .findFirst().orElse(null);
        boolean privacy = output != null && Boolean.TRUE.equals(output.getValue());
        String ruleId = output == null ? null : output.getRuleId();
        List<Input> inputs = evaluation.getInputs().stream()
                .map((HistoricDecisionInputInstance i) -> new Input(i.getClauseId(), i.getClauseName(), i.getValue()))
                .toList();
        List<String> reviews = privacy
                ? List.of(ProcessIds.TASK_PRIVACY_REVIEW, ProcessIds.TASK_PLATFORM_REVIEW)
                : List.of(ProcessIds.TASK_PLATFORM_REVIEW);
        Instant at = evaluation.getEvaluationTime() == null ? null : evaluation.getEvaluationTime().toInstant();
        return new Routing(at, privacy, reviews, ruleId, ruleDescription(evaluation.getDecisionDefinitionId(), ruleId),
                inputs);
    }

    private String ruleDescription(String decisionDefinitionId, String ruleId) {
        if (ruleId == null || decisionDefinitionId == null) {
            return null;
        }
        DmnModelInstance model = repository.getDmnModelInstance(decisionDefinitionId);
        if (model == null || !(model.getModelElementById(ruleId) instanceof Rule rule)) {
            return null;
        }
        Description description = rule.getDescription();
        return description == null ? null : Objects.toString(description.getTextContent(), null);
    }
}
