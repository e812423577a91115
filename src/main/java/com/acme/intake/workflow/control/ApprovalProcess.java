package com.acme.intake.workflow.control;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.acme.intake.kernel.ErrorCode;
import com.acme.intake.kernel.Refusal;
import com.acme.intake.workflow.entity.ProcessIds;
import com.acme.intake.workflow.entity.RoutingFacts;

/**
 * Starts, resumes and cancels the approval process of a request. Callers hold the JTA transaction,
 * so the request row and the process state commit together.
 */
@ApplicationScoped
public class ApprovalProcess {

    @Inject
    RuntimeService runtime;

    @Inject
    TaskService tasks;

    @Inject
    IdentityService identity;

    /** ISO-8601 duration after which an open review is overdue (e.g. P3D, PT4H). */
    @Inject
    @ConfigProperty(name = "intake.review.sla", defaultValue = "P3D")
    String reviewSla;

    /** A wrong SLA stops startup with a clear message instead of failing the first submission. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        checkSla();
    }

    @PostConstruct
    void checkSla() {
        try {
            if (Duration.parse(reviewSla).isNegative() || Duration.parse(reviewSla).isZero()) {
                throw new IllegalStateException("intake.review.sla must be a positive duration, not " + reviewSla);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("intake.review.sla must be an ISO-8601 duration such as P3D or PT4H, not "
                    + reviewSla, e);
        }
    }

    /** Starts the process for a newly stored request; returns the process instance id. */
    public String start(RoutingFacts facts) {
        Map<String, Object> variables = variables(facts);
        variables.put(ProcessIds.VAR_REQUEST_ID, facts.requestId());
        variables.put(ProcessIds.VAR_REQUESTER, facts.requester());
        variables.put(ProcessIds.VAR_REVIEW_SLA, reviewSla);
        return runtime.startProcessInstanceByKey(ProcessIds.PROCESS_KEY, String.valueOf(facts.requestId()), variables)
                .getId();
    }

    /** Completes the requester's revise task: the revised request is routed again from the start. */
    public void revised(String processInstanceId, RoutingFacts facts, String user, Set<String> groups) {
        Task revise = tasks.createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(ProcessIds.TASK_REVISE)
                .singleResult();
        if (revise == null) {
            throw Refusal.conflict(ErrorCode.REQUEST_NOT_WAITING_FOR_CHANGES,
                    "request " + facts.requestId() + " is not waiting for changes");
        }
        identity.setAuthentication(user, groups.stream().toList());
        try {
            tasks.complete(revise.getId(), variables(facts));
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Ends the process of a withdrawn request; its open tasks disappear from every inbox. */
    public void withdraw(String processInstanceId, String reason) {
        runtime.deleteProcessInstance(processInstanceId, reason, true, true);
    }

    private static Map<String, Object> variables(RoutingFacts facts) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessIds.VAR_BUSINESS_UNIT, facts.businessUnit());
        variables.put(ProcessIds.VAR_DATASET, facts.dataset());
        variables.put(ProcessIds.VAR_HIGHEST_PII, facts.highestPii());
        variables.put(ProcessIds.VAR_PII_KEPT_UNMASKED, facts.piiKeptUnmasked());
        variables.put(ProcessIds.VAR_SOURCE_KIND, facts.sourceKind());
        return variables;
    }
}
