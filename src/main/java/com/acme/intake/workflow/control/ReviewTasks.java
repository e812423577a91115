package com.acme.intake.workflow.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

import com.acme.intake.web.Refusal;
import com.acme.intake.workflow.entity.CompletedReview;
import com.acme.intake.workflow.entity.Decision;
import com.acme.intake.workflow.entity.FourEyesViolation;
import com.acme.intake.workflow.entity.Outcome;
import com.acme.intake.workflow.entity.ProcessIds;
import com.acme.intake.workflow.entity.ReviewTask;

/**
 * The approver side of the process: a user's inbox (tasks assigned to them or offered to one of
 * their groups), claiming, and decisions. Four-eyes is enforced by the engine
 * ({@code FourEyesListener} on the review tasks); this class only says who is acting.
 */
@ApplicationScoped
public class ReviewTasks {

    private static final Map<String, String> OUTCOME_VARIABLE = Map.of(
            ProcessIds.TASK_PRIVACY_REVIEW, ProcessIds.VAR_PRIVACY_OUTCOME,
            ProcessIds.TASK_PLATFORM_REVIEW, ProcessIds.VAR_PLATFORM_OUTCOME);

    @Inject
    TaskService tasks;

    @Inject
    RuntimeService runtime;

    @Inject
    HistoryService history;

    @Inject
    IdentityService identity;

    /** The open tasks of the user: assigned to them, or unassigned and offered to one of their groups. */
    public List<ReviewTask> inbox(String user, Set<String> groups) {
        TaskQuery query = tasks.createTaskQuery().processDefinitionKey(ProcessIds.PROCESS_KEY);
        if (groups.isEmpty()) {
            query.taskAssignee(user);
        } else {
            query.or().taskAssignee(user).taskCandidateGroupIn(List.copyOf(groups)).endOr();
        }
        List<Task> found = query.orderByTaskCreateTime().asc().list();
        return views(found);
    }

    /** The open task, if the user may act on it (assignee or member of a candidate group). */
    public ReviewTask find(String taskId, String user, Set<String> groups) {
        Task task = openTask(taskId);
        requireAllowed(task, user, groups);
        return views(List.of(task)).get(0);
    }

    public ReviewTask claim(String taskId, String user, Set<String> groups) {
        Task task = openTask(taskId);
        requireAllowed(task, user, groups);
        if (user.equals(task.getAssignee())) {
            return views(List.of(task)).get(0);
        }
        as(user, groups, () -> {
            try {
                tasks.claim(taskId, user);
            } catch (TaskAlreadyClaimedException e) {
                throw Refusal.conflict("task " + taskId + " is already claimed by " + task.getAssignee());
            }
        });
        return views(List.of(openTask(taskId))).get(0);
    }

    public void unclaim(String taskId, String user, Set<String> groups) {
        Task task = openTask(taskId);
        requireAllowed(task, user, groups);
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            throw Refusal.conflict("task " + taskId + " is claimed by " + task.getAssignee() + ", not by you");
        }
        as(user, groups, () -> tasks.setAssignee(taskId, null));
    }

    /** Records the decision and completes the review; the process moves on in the same transaction. */
    public CompletedReview decide(String taskId, Decision decision, String user, Set<String> groups) {
        Outcome outcome = parse(decision);
        Task task = openTask(taskId);
        requireAllowed(task, user, groups);
        String outcomeVariable = OUTCOME_VARIABLE.get(task.getTaskDefinitionKey());
        if (outcomeVariable == null) {
            throw Refusal.conflict("task " + taskId + " is not a review: the requester revises the request with "
                    + "PUT /api/requests/{id}");
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            throw Refusal.conflict("task " + taskId + " is claimed by " + task.getAssignee());
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(outcomeVariable, outcome.name());
        variables.put(ProcessIds.VAR_DECISION_COMMENT, decision.comment() == null ? null : decision.comment().strip());
        as(user, groups, () -> {
            try {
                if (task.getAssignee() == null) {
                    tasks.claim(taskId, user);
                }
                tasks.complete(taskId, variables);
            } catch (TaskAlreadyClaimedException | OptimisticLockingException e) {
                throw Refusal.conflict("task " + taskId + " was decided or claimed by someone else meanwhile");
            }
        });
        return new CompletedReview(taskId, task.getTaskDefinitionKey(), task.getProcessInstanceId(), outcome);
    }

    private static Outcome parse(Decision decision) {
        if (decision == null || decision.outcome() == null || decision.outcome().isBlank()) {
            throw Refusal.badRequest("outcome is required: APPROVE, REJECT or REQUEST_CHANGES");
        }
        Outcome outcome;
        try {
            outcome = Outcome.valueOf(decision.outcome().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.badRequest("outcome must be APPROVE, REJECT or REQUEST_CHANGES");
        }
        if (outcome.needsComment() && (decision.comment() == null || decision.comment().isBlank())) {
            throw Refusal.badRequest("a comment is required to " + outcome.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        if (decision.comment() != null && decision.comment().length() > 2000) {
            throw Refusal.badRequest("comment must be at most 2000 characters");
        }
        return outcome;
    }

    private Task openTask(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task != null) {
            return task;
        }
        boolean existed = history.createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
        if (existed) {
            throw Refusal.conflict("task " + taskId + " is already done");
        }
        throw Refusal.notFound("no task " + taskId);
    }

    private void requireAllowed(Task task, String user, Set<String> groups) {
        if (user.equals(task.getAssignee())) {
            return;
        }
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
                    && groups.contains(link.getGroupId())) {
                return;
            }
        }
        // Not one of theirs: answer as if it did not exist, so task ids of other groups are not probed.
        throw Refusal.notFound("no task " + task.getId() + " in your inbox");
    }

    private void as(String user, Set<String> groups, Runnable action) {
        identity.setAuthentication(user, List.copyOf(groups));
        try {
            action.run();
        } catch (RuntimeException e) {
            throw unwrapFourEyes(e);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The engine wraps what its listeners throw; a four-eyes refusal is surfaced as itself. */
    private static RuntimeException unwrapFourEyes(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FourEyesViolation violation) {
                return violation;
            }
        }
        return e;
    }

    private List<ReviewTask> views(List<Task> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, Boolean> overdue = new HashMap<>();
        String[] ids = found.stream().map(Task::getId).toArray(String[]::new);
        for (VariableInstance v : runtime.createVariableInstanceQuery()
                .variableName(ProcessIds.VAR_OVERDUE).taskIdIn(ids).list()) {
            overdue.put(v.getTaskId(), Boolean.TRUE.equals(v.getValue()));
        }
        List<ReviewTask> views = new ArrayList<>(found.size());
        for (Task t : found) {
            views.add(new ReviewTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getProcessInstanceId(),
                    t.getCreateTime() == null ? null : t.getCreateTime().toInstant(),
                    t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                    overdue.getOrDefault(t.getId(), false), t.getAssignee()));
        }
        return views;
    }
}
