package com.acme.intake.workflow.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import com.acme.intake.kernel.ErrorCode;
import com.acme.intake.kernel.Refusal;
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

    /** Which variable a decision sets on each decidable task, and which outcomes it accepts. */
    private record Decidable(String variable, Set<Outcome> outcomes) {
    }

    private static final Map<String, Decidable> DECIDABLE = Map.of(
            ProcessIds.TASK_PRIVACY_REVIEW, new Decidable(ProcessIds.VAR_PRIVACY_OUTCOME, Outcome.REVIEW),
            ProcessIds.TASK_PLATFORM_REVIEW, new Decidable(ProcessIds.VAR_PLATFORM_OUTCOME, Outcome.REVIEW),
            ProcessIds.TASK_RESOLVE_PROVISIONING,
            new Decidable(ProcessIds.VAR_PROVISIONING_RESOLUTION, Outcome.RESOLUTION));

    /** The outcomes a task of this key is decided with; empty for a task not decided through the inbox. */
    public static Set<Outcome> outcomes(String taskKey) {
        Decidable decidable = DECIDABLE.get(taskKey);
        return decidable == null ? Set.of() : decidable.outcomes();
    }

    @Inject
    TaskService tasks;

    @Inject
    RuntimeService runtime;

    @Inject
    HistoryService history;

    @Inject
    IdentityService identity;


    /**
     * A page of the user's open tasks (assigned to them, or unassigned and offered to one of their
     * groups), oldest first; only those of one request when {@code requestId} is given (the
     * process's business key).
     *
     * <p>A native query: the engine's own {@code or()} task query joins the identity links and
     * sorts {@code DISTINCT} over every matching task before it takes a page, so its cost grows with
     * the group's open tasks; with {@code EXISTS} the database reads one page in order
     * (docs/benchmarks.md, LoadBench). Same rows: the engine's candidate-group condition also requires no assignee.
     */
    public List<ReviewTask> inbox(String user, Set<String> groups, Long requestId, int first, int max) {
        // the engine's tables, without a prefix (ProcessEngineLifecycle configures none)
        StringBuilder sql = new StringBuilder("SELECT RES.* FROM ACT_RU_TASK RES WHERE RES.PROC_DEF_ID_ IN (")
                .append("SELECT D.ID_ FROM ACT_RE_PROCDEF D WHERE D.KEY_ = #{processKey})");
        var query = tasks.createNativeTaskQuery().parameter("processKey", ProcessIds.PROCESS_KEY)
                .parameter("user", user);
        if (requestId != null) {
            sql.append(" AND RES.PROC_INST_ID_ IN (SELECT E.ID_ FROM ACT_RU_EXECUTION E")
                    .append(" WHERE E.BUSINESS_KEY_ = #{businessKey} AND E.PARENT_ID_ IS NULL)");
            query.parameter("businessKey", String.valueOf(requestId));
        }
        sql.append(" AND (RES.ASSIGNEE_ = #{user}");
        if (!groups.isEmpty()) {
            sql.append(" OR (RES.ASSIGNEE_ IS NULL AND EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I")
                    .append(" WHERE I.TASK_ID_ = RES.ID_ AND I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN (");
            int i = 0;
            for (String group : groups.stream().sorted().toList()) {
                sql.append(i == 0 ? "" : ", ").append("#{group").append(i).append('}');
                query.parameter("group" + i, group);
                i++;
            }
            sql.append(")))");
        }
        sql.append(") ORDER BY RES.CREATE_TIME_ ASC, RES.ID_ ASC");
        return views(query.sql(sql.toString()).listPage(first, max));
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
            } catch (TaskAlreadyClaimedException | OptimisticLockingException e) {
                throw Refusal.conflict(ErrorCode.TASK_ALREADY_CLAIMED,
                        "task " + taskId + " was claimed by someone else");
            }
        });
        return views(List.of(openTask(taskId))).get(0);
    }

    public void unclaim(String taskId, String user, Set<String> groups) {
        Task task = openTask(taskId);
        requireAllowed(task, user, groups);
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            throw Refusal.conflict(ErrorCode.TASK_CLAIMED_BY_OTHER,
                    "task " + taskId + " is claimed by " + task.getAssignee() + ", not by you");
        }
        as(user, groups, () -> tasks.setAssignee(taskId, null));
    }

    /**
     * Records the decision and completes the review; the process moves on in the same transaction.
     * {@code beforeCompletion} runs once the decision is found valid, just before the task is
     * completed, so that what it records precedes what the process does next.
     */
    public CompletedReview decide(String taskId, Decision decision, String user, Set<String> groups,
                                  Consumer<CompletedReview> beforeCompletion) {
        Task task = openTask(taskId);
        requireAllowed(task, user, groups);
        Decidable decidable = DECIDABLE.get(task.getTaskDefinitionKey());
        if (decidable == null) {
            throw Refusal.conflict(ErrorCode.TASK_NOT_DECIDED_HERE,
                    "task " + taskId + " is not decided here: the requester revises the request with "
                            + "PUT /api/requests/{id}");
        }
        Outcome outcome = parse(decision, decidable.outcomes());
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            throw Refusal.conflict(ErrorCode.TASK_ALREADY_CLAIMED,
                    "task " + taskId + " is claimed by " + task.getAssignee());
        }
        var review = new CompletedReview(taskId, task.getTaskDefinitionKey(), task.getProcessInstanceId(), outcome);
        beforeCompletion.accept(review);
        Map<String, Object> variables = new HashMap<>();
        variables.put(decidable.variable(), outcome.name());
        variables.put(ProcessIds.VAR_DECISION_COMMENT, decision.comment() == null ? null : decision.comment().strip());
        as(user, groups, () -> {
            try {
                if (task.getAssignee() == null) {
                    tasks.claim(taskId, user);
                }
                tasks.complete(taskId, variables);
            } catch (TaskAlreadyClaimedException e) {
                throw Refusal.conflict(ErrorCode.TASK_ALREADY_CLAIMED,
                        "task " + taskId + " was claimed by someone else meanwhile");
            } catch (OptimisticLockingException e) {
                throw Refusal.conflict(ErrorCode.TASK_ALREADY_COMPLETED,
                        "task " + taskId + " was decided by someone else meanwhile");
            }
        });
        return review;
    }

    /**
     * Records on a process instance the fingerprint of the columns its final approval approved, for
     * the load to check. Called in the transaction of the decision.
     */
    public void recordApprovedColumns(String processInstanceId, String columnsHash) {
        runtime.setVariable(processInstanceId, ProcessIds.VAR_APPROVED_COLUMNS_HASH, columnsHash);
    }

    private static Outcome parse(Decision decision, Set<Outcome> allowed) {
        String choices = allowed.stream().map(Outcome::name).sorted().collect(Collectors.joining(", "));
        if (decision == null || decision.outcome() == null || decision.outcome().isBlank()) {
            throw Refusal.invalid(ErrorCode.OUTCOME_INVALID, "outcome is required: one of " + choices);
        }
        Outcome outcome;
        try {
            outcome = Outcome.valueOf(decision.outcome().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            outcome = null;
        }
        if (outcome == null || !allowed.contains(outcome)) {
            throw Refusal.invalid(ErrorCode.OUTCOME_INVALID, "outcome must be one of " + choices);
        }
        if (outcome.needsComment() && (decision.comment() == null || decision.comment().isBlank())) {
            throw Refusal.invalid(ErrorCode.COMMENT_REQUIRED,
                    "a comment is required to " + outcome.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        if (decision.comment() != null && decision.comment().length() > 2000) {
            throw Refusal.invalid(ErrorCode.COMMENT_TOO_LONG, "comment must be at most 2000 characters");
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
            throw Refusal.conflict(ErrorCode.TASK_ALREADY_COMPLETED, "task " + taskId + " is already done");
        }
        throw Refusal.notFound(ErrorCode.TASK_NOT_FOUND, "no task " + taskId);
    }

    private void requireAllowed(Task task, String user, Set<String> groups) {
        if (user.equals(task.getAssignee())) {
            return;
        }
        List<IdentityLink> links;
        try {
            links = tasks.getIdentityLinksForTask(task.getId());
        } catch (ProcessEngineException e) {
            // completed between the two queries (a decision that committed a moment ago): say so, as openTask would
            openTask(task.getId());
            throw e;
        }
        for (IdentityLink link : links) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
                    && groups.contains(link.getGroupId())) {
                return;
            }
        }
        // Not one of theirs: answer as if it did not exist, so task ids of other groups are not probed.
        throw Refusal.notFound(ErrorCode.TASK_NOT_FOUND, "no task " + task.getId() + " in your inbox");
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
        Map<String, String> problems = new HashMap<>();
        String[] failed = found.stream().filter(t -> ProcessIds.TASK_RESOLVE_PROVISIONING.equals(t.getTaskDefinitionKey()))
                .map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
        if (failed.length > 0) {
            for (VariableInstance v : runtime.createVariableInstanceQuery()
                    .variableName(ProcessIds.VAR_PROVISIONING_ERROR).processInstanceIdIn(failed).list()) {
                problems.put(v.getProcessInstanceId(), String.valueOf(v.getValue()));
            }
        }
        List<ReviewTask> views = new ArrayList<>(found.size());
        for (Task t : found) {
            views.add(new ReviewTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getProcessInstanceId(),
                    t.getCreateTime() == null ? null : t.getCreateTime().toInstant(),
                    t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                    overdue.getOrDefault(t.getId(), false), t.getAssignee(),
                    ProcessIds.TASK_RESOLVE_PROVISIONING.equals(t.getTaskDefinitionKey())
                            ? problems.get(t.getProcessInstanceId()) : null));
        }
        return views;
    }
}
