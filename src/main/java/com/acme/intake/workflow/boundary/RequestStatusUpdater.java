package com.acme.intake.workflow.boundary;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

import com.acme.intake.workflow.entity.OpenTask;
import com.acme.intake.workflow.entity.ProcessIds;
import com.acme.intake.workflow.entity.ProcessProgress;

/**
 * Called from listeners in the model, e.g. {@code ${requestStatus.update(task, 'IN_PRIVACY_REVIEW')}}:
 * reads from the engine what the process reached (the request, who acted, the task just created or
 * the overdue review's tasks) and hands it to {@link ProcessProgress}, in the engine's transaction.
 */
@Named(ProcessIds.BEAN_REQUEST_STATUS)
@ApplicationScoped
public class RequestStatusUpdater {

    @Inject
    ProcessProgress progress;

    public void update(VariableScope scope, String status) {
        OpenTask created = scope instanceof DelegateTask task && !ProcessIds.TASK_REVISE.equals(task.getTaskDefinitionKey())
                ? new OpenTask(task.getId(), task.getTaskDefinitionKey(), candidateGroups(task.getCandidates()),
                        task.getAssignee())
                : null;
        progress.reached(requestId(scope), status, EngineActor.of(scope), created);
    }

    /** Called when a review passed its SLA and was offered to the governance leads. */
    public void escalated(VariableScope scope, String review) {
        List<OpenTask> open = List.of();
        if (scope instanceof DelegateExecution execution) {
            TaskService tasks = execution.getProcessEngineServices().getTaskService();
            open = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKey(review).list().stream()
                    .map(task -> new OpenTask(task.getId(), review,
                            candidateGroups(tasks.getIdentityLinksForTask(task.getId())), task.getAssignee()))
                    .toList();
        }
        progress.escalated(requestId(scope), review, open);
    }

    private static Set<String> candidateGroups(Iterable<? extends IdentityLink> links) {
        Set<String> groups = new TreeSet<>();
        for (IdentityLink link : links) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return groups;
    }

    /** The id of the request a process instance is about (the variable is stored as a Long). */
    static long requestId(VariableScope scope) {
        return ((Number) scope.getVariable(ProcessIds.VAR_REQUEST_ID)).longValue();
    }
}
