package com.acme.intake.workflow.boundary;

import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import com.acme.intake.audit.control.AuditTrail;
import com.acme.intake.audit.entity.AuditAction;
import com.acme.intake.notification.entity.Notice;
import com.acme.intake.notification.entity.NoticeKind;
import com.acme.intake.request.control.IntakeRequests;
import com.acme.intake.request.entity.IntakeRequest;
import com.acme.intake.request.entity.RequestStatus;
import com.acme.intake.workflow.entity.ProcessIds;

/**
 * Called from listeners in the model, e.g. {@code ${requestStatus.update(task, 'IN_PRIVACY_REVIEW')}}:
 * moves the request to the status the process has reached, in the engine's transaction; and records
 * escalations of overdue reviews. Both fire a {@link Notice} for the people to tell; it is mailed
 * only after the engine's transaction commits.
 */
@Named(ProcessIds.BEAN_REQUEST_STATUS)
@ApplicationScoped
public class RequestStatusUpdater {

    @Inject
    IntakeRequests requests;

    @Inject
    AuditTrail audit;

    @Inject
    Event<Notice> notices;

    public void update(VariableScope scope, String status) {
        long requestId = requestId(scope);
        RequestStatus next = RequestStatus.valueOf(status);
        requests.moveTo(requestId, next, EngineActor.of(scope));
        NoticeKind toRequester = switch (next) {
            case CHANGES_REQUESTED -> NoticeKind.CHANGES_REQUESTED;
            case REJECTED -> NoticeKind.REJECTED;
            case PROVISIONED -> NoticeKind.PROVISIONED;
            case PROVISIONING_FAILED -> NoticeKind.PROVISIONING_FAILED;
            case PROVISIONING_ABORTED -> NoticeKind.PROVISIONING_ABORTED;
            default -> null;
        };
        boolean newTaskForReviewers = scope instanceof DelegateTask task
                && !ProcessIds.TASK_REVISE.equals(task.getTaskDefinitionKey());
        if (toRequester == null && !newTaskForReviewers) {
            return;
        }
        IntakeRequest request = requests.find(requestId);
        if (toRequester != null) {
            notices.fire(Notice.toRequester(toRequester, requestId, request.requester(), request.businessUnit(),
                    request.dataset()));
        }
        if (newTaskForReviewers) {
            DelegateTask task = (DelegateTask) scope;
            notices.fire(Notice.aboutTask(NoticeKind.TASK_CREATED, requestId, request.requester(),
                    request.businessUnit(), request.dataset(), task.getId(), task.getTaskDefinitionKey(),
                    candidateGroups(task.getCandidates()), task.getAssignee()));
        }
    }

    /** Called when a review passed its SLA and was offered to the governance leads: recorded on the trail. */
    public void escalated(VariableScope scope, String review) {
        long requestId = requestId(scope);
        IntakeRequest request = requests.find(requestId);
        audit.record(AuditTrail.SYSTEM, AuditAction.REVIEW_ESCALATED, requestId, null, request.businessUnit(),
                review + " overdue; offered to " + ProcessIds.GROUP_GOVERNANCE_LEAD);
        if (scope instanceof DelegateExecution execution) {
            TaskService tasks = execution.getProcessEngineServices().getTaskService();
            for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKey(review).list()) {
                notices.fire(Notice.aboutTask(NoticeKind.TASK_OVERDUE, requestId, request.requester(),
                        request.businessUnit(), request.dataset(), task.getId(), review,
                        candidateGroups(tasks.getIdentityLinksForTask(task.getId())), task.getAssignee()));
            }
        }
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
