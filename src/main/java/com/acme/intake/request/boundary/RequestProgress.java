package com.acme.intake.request.boundary;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import com.acme.intake.audit.control.AuditTrail;
import com.acme.intake.audit.entity.AuditAction;
import com.acme.intake.notification.entity.Notice;
import com.acme.intake.notification.entity.NoticeKind;
import com.acme.intake.request.control.IntakeRequests;
import com.acme.intake.request.entity.IntakeRequest;
import com.acme.intake.request.entity.RequestStatus;
import com.acme.intake.workflow.entity.OpenTask;
import com.acme.intake.workflow.entity.ProcessIds;
import com.acme.intake.workflow.entity.ProcessProgress;

/**
 * The request's side of the process: moves the request to the status the process has reached and
 * records escalations of overdue reviews. Both fire a {@link Notice} for the people to tell; it is
 * mailed only after the engine's transaction commits.
 */
@ApplicationScoped
public class RequestProgress implements ProcessProgress {

    @Inject
    IntakeRequests requests;

    @Inject
    AuditTrail audit;

    @Inject
    Event<Notice> notices;

    @Override
    public void reached(long requestId, String status, String actor, OpenTask createdTask) {
        RequestStatus next = RequestStatus.valueOf(status);
        requests.moveTo(requestId, next, actor == null ? AuditTrail.SYSTEM : actor);
        NoticeKind toRequester = switch (next) {
            case CHANGES_REQUESTED -> NoticeKind.CHANGES_REQUESTED;
            case REJECTED -> NoticeKind.REJECTED;
            case PROVISIONED -> NoticeKind.PROVISIONED;
            case PROVISIONING_FAILED -> NoticeKind.PROVISIONING_FAILED;
            case PROVISIONING_ABORTED -> NoticeKind.PROVISIONING_ABORTED;
            default -> null;
        };
        if (toRequester == null && createdTask == null) {
            return;
        }
        IntakeRequest request = requests.find(requestId);
        if (toRequester != null) {
            notices.fire(Notice.toRequester(toRequester, requestId, request.requester(), request.businessUnit(),
                    request.dataset()));
        }
        if (createdTask != null) {
            notices.fire(aboutTask(NoticeKind.TASK_CREATED, requestId, request, createdTask));
        }
    }

    @Override
    public void escalated(long requestId, String review, List<OpenTask> openTasks) {
        IntakeRequest request = requests.find(requestId);
        audit.record(AuditTrail.SYSTEM, AuditAction.REVIEW_ESCALATED, requestId, null, request.businessUnit(),
                review + " overdue; offered to " + ProcessIds.GROUP_GOVERNANCE_LEAD);
        for (OpenTask task : openTasks) {
            notices.fire(aboutTask(NoticeKind.TASK_OVERDUE, requestId, request, task));
        }
    }

    private static Notice aboutTask(NoticeKind kind, long requestId, IntakeRequest request, OpenTask task) {
        return Notice.aboutTask(kind, requestId, request.requester(), request.businessUnit(), request.dataset(),
                task.id(), task.key(), task.candidateGroups(), task.assignee());
    }
}
