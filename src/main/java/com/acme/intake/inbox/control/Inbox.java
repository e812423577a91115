package com.acme.intake.inbox.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.acme.intake.audit.control.AuditTrail;
import com.acme.intake.audit.control.ChainedAtEnd;
import com.acme.intake.audit.entity.AuditAction;
import com.acme.intake.request.control.ApprovedColumns;
import com.acme.intake.request.control.IntakeRequests;
import com.acme.intake.request.entity.IntakeRequest;
import com.acme.intake.request.entity.RequestSummary;
import com.acme.intake.security.Role;
import com.acme.intake.workflow.control.ReviewTasks;
import com.acme.intake.workflow.control.RoutingExplainer;
import com.acme.intake.workflow.entity.CompletedReview;
import com.acme.intake.workflow.entity.Decision;
import com.acme.intake.workflow.entity.Outcome;
import com.acme.intake.workflow.entity.ProcessIds;
import com.acme.intake.workflow.entity.ReviewTask;

/**
 * An approver's inbox: review tasks joined with the requests they concern, claims and decisions,
 * each recorded on the audit trail in the same transaction.
 */
@ApplicationScoped
public class Inbox {

    /**
     * A task as {@code GET /api/tasks} lists it (DESIGN §10). {@code routing} (why the request got
     * its reviews) is only filled by {@code GET /api/tasks/{id}}, null in the list.
     */
    public record TaskView(String id, String key, String name, Long requestId, String dataset, String businessUnit,
                           String title, String requester, Instant created, Instant due, boolean overdue,
                           String assignee, String problem, List<String> allowedActions,
                           RoutingExplainer.Routing routing) {

        TaskView withRouting(RoutingExplainer.Routing routing) {
            return new TaskView(id, key, name, requestId, dataset, businessUnit, title, requester, created, due,
                    overdue, assignee, problem, allowedActions, routing);
        }
    }

    /** Claim, unclaim or decide a task ({@code @RolesAllowed} of TasksResource's claim and decision). */
    static final Set<String> DECIDERS = Set.of(Role.PRIVACY_REVIEWER, Role.PLATFORM_ENGINEER, Role.GOVERNANCE_LEAD);
    /** Not a decision of the inbox, but a link: the requester revises the request on its own page. */
    public static final String REVISE = "REVISE";
    public static final String CLAIM = "CLAIM";
    public static final String UNCLAIM = "UNCLAIM";

    /**
     * What the user may do with a task of their inbox, by the rules claim, unclaim and decide enforce:
     * a decider claims a free task, unclaims their own, and decides one that is free or theirs with
     * the outcomes of its key; nothing on a task someone else holds. The requester of a request that
     * waits for changes revises it. The four-eyes rule is the engine's and answers when tried.
     */
    static List<String> allowedActions(String taskKey, String assignee, String requester, String user,
                                       Set<String> groups) {
        List<String> actions = new ArrayList<>();
        Set<Outcome> outcomes = ReviewTasks.outcomes(taskKey);
        boolean free = assignee == null;
        boolean mine = user.equals(assignee);
        if (outcomes.isEmpty()) {
            if (user.equals(requester) && groups.contains(Role.REQUESTER)) {
                actions.add(REVISE);
            }
            return List.copyOf(actions);
        }
        if (groups.stream().noneMatch(DECIDERS::contains) || !(free || mine)) {
            return List.of();
        }
        actions.add(free ? CLAIM : UNCLAIM);
        outcomes.stream().sorted().map(Outcome::name).forEach(actions::add);
        return List.copyOf(actions);
    }

    @Inject
    ReviewTasks reviewTasks;

    @Inject
    IntakeRequests requests;

    @Inject
    AuditTrail audit;

    @Inject
    RoutingExplainer routing;

    /** A page of the user's inbox, oldest first; only one request's tasks when {@code requestId} is given. */
    public List<TaskView> tasks(String user, Set<String> groups, Long requestId, int page, int size) {
        return views(reviewTasks.inbox(user, groups, requestId, page * size, size), user, groups);
    }

    /** One task of the user's inbox, with the routing decision of the request's current round. */
    public TaskView task(String taskId, String user, Set<String> groups) {
        ReviewTask task = reviewTasks.find(taskId, user, groups);
        TaskView view = views(List.of(task), user, groups).get(0);
        return routing.latest(task.processInstanceId()).map(view::withRouting).orElse(view);
    }

    /**
     * Claims and decisions first lock the request's row, then look at the task again: two that race
     * take turns, and the second finds the task claimed or done (409) instead of failing on the
     * engine's optimistic lock or the request's version at commit (500).
     */
    @Transactional
    public TaskView claim(String taskId, String user, Set<String> groups) {
        requests.lockForProcess(reviewTasks.find(taskId, user, groups).processInstanceId());
        TaskView view = views(List.of(reviewTasks.claim(taskId, user, groups)), user, groups).get(0);
        audit.record(user, AuditAction.TASK_CLAIMED, view.requestId(), taskId, view.businessUnit(), view.key());
        return view;
    }

    @Transactional
    public void unclaim(String taskId, String user, Set<String> groups) {
        TaskView view = views(List.of(reviewTasks.find(taskId, user, groups)), user, groups).get(0);
        reviewTasks.unclaim(taskId, user, groups);
        audit.record(user, AuditAction.TASK_UNCLAIMED, view.requestId(), taskId, view.businessUnit(), view.key());
    }

    @Transactional
    @ChainedAtEnd
    public Map<String, Object> decide(String taskId, Decision decision, String user, Set<String> groups) {
        IntakeRequest request = requests.lockForProcess(reviewTasks.find(taskId, user, groups).processInstanceId());
        String comment = decision == null || decision.comment() == null || decision.comment().isBlank() ? ""
                : "; comment=" + decision.comment().strip();
        // noted before the task completes, so that the status change the process makes follows it; the
        // final approval's hash is set on the process before the process moves on to the load
        CompletedReview done = reviewTasks.decide(taskId, decision, user, groups, review -> {
            String approved = "";
            if (isFinalApproval(review)) {
                String hash = ApprovedColumns.hash(request.columns());
                reviewTasks.recordApprovedColumns(review.processInstanceId(), hash);
                approved = "; approvedColumnsSha256=" + hash;
            }
            audit.record(user, AuditAction.REVIEW_DECIDED, request.id(), taskId, request.businessUnit(),
                    review.taskKey() + "=" + review.outcome() + approved + comment);
        });
        return Map.of("taskId", taskId, "outcome", done.outcome(), "requestId", request.id(),
                "status", request.status());
    }

    /** The platform review comes last: its approval is the one the load must match. */
    private static boolean isFinalApproval(CompletedReview done) {
        return ProcessIds.TASK_PLATFORM_REVIEW.equals(done.taskKey()) && done.outcome() == Outcome.APPROVE;
    }

    private List<TaskView> views(List<ReviewTask> tasks, String user, Set<String> groups) {
        Map<String, RequestSummary> byProcess = requests.summariesByProcessInstance(
                tasks.stream().map(ReviewTask::processInstanceId).collect(Collectors.toSet()));
        return tasks.stream().map(t -> {
            RequestSummary r = byProcess.get(t.processInstanceId());
            return new TaskView(t.id(), t.key(), t.name(), r == null ? null : r.id(), r == null ? null : r.dataset(),
                    r == null ? null : r.businessUnit(), r == null ? null : r.title(), r == null ? null : r.requester(),
                    t.created(), t.due(), t.overdue(), t.assignee(), t.problem(),
                    allowedActions(t.key(), t.assignee(), r == null ? null : r.requester(), user, groups), null);
        }).toList();
    }
}
