package com.acme.intake.workflow.boundary;

import static com.acme.intake.workflow.entity.ProcessIds.TASK_PLATFORM_REVIEW;
import static com.acme.intake.workflow.entity.ProcessIds.TASK_PRIVACY_REVIEW;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_PLATFORM_REVIEWER;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_PRIVACY_REVIEWER;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_REQUESTER;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_REQUEST_ID;

import com.acme.intake.workflow.entity.FourEyesViolation;
import com.acme.intake.workflow.entity.ProcessIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The four-eyes rule, enforced by the engine on both review tasks so that neither the inbox nor any
 * other engine client can bypass it: nobody reviews a request they submitted, and the privacy and
 * platform reviews of one round are done by two different people.
 *
 * <p>The acting user is the engine's current authentication, falling back to the task assignee. On
 * {@code assignment} the new assignee is checked, so a wrong claim fails early; on {@code complete}
 * the actor is checked and recorded as the reviewer of this round.
 *
 * <p>A round starts each time the request is routed: {@link #startNewRound} (a start listener of
 * {@code routeRequest}) forgets the previous round's reviewers, so a revised request is judged on
 * its own.
 */
@Named(ProcessIds.BEAN_FOUR_EYES)
@ApplicationScoped
public class FourEyesListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_ASSIGNMENT -> checkAssignee(task);
            case EVENTNAME_COMPLETE -> checkAndRecordReviewer(task);
            default -> {
                // the model wires this listener to assignment and complete only
            }
        }
    }

    /** Called by the model whenever the request is routed, first or again after a revision. */
    public void startNewRound(DelegateExecution execution) {
        execution.removeVariable(VAR_PRIVACY_REVIEWER);
        execution.removeVariable(VAR_PLATFORM_REVIEWER);
    }

    private void checkAssignee(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee != null) {
            refuseExcluded(task, assignee);
        }
    }

    private void checkAndRecordReviewer(DelegateTask task) {
        String actor = actor(task);
        if (actor == null) {
            throw FourEyesViolation.unknownReviewer(request(task), reviewName(task.getTaskDefinitionKey()));
        }
        refuseExcluded(task, actor);
        task.setVariable(reviewerVariable(task.getTaskDefinitionKey()), actor);
    }

    private void refuseExcluded(DelegateTask task, String user) {
        if (user.equals(task.getVariable(VAR_REQUESTER))) {
            throw FourEyesViolation.ownRequest(user, request(task));
        }
        String otherReview = otherReview(task.getTaskDefinitionKey());
        if (user.equals(task.getVariable(reviewerVariable(otherReview)))) {
            throw FourEyesViolation.otherReviewDone(user, request(task),
                    reviewName(otherReview), reviewName(task.getTaskDefinitionKey()));
        }
    }

    private static String actor(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee();
    }

    /** The request's id for messages; the process instance id if the variable is missing. */
    private static String request(DelegateTask task) {
        return Objects.toString(task.getVariable(VAR_REQUEST_ID), task.getProcessInstanceId());
    }

    private static String reviewerVariable(String review) {
        return switch (review) {
            case TASK_PRIVACY_REVIEW -> VAR_PRIVACY_REVIEWER;
            case TASK_PLATFORM_REVIEW -> VAR_PLATFORM_REVIEWER;
            default -> throw notAReview(review);
        };
    }

    private static String otherReview(String review) {
        return switch (review) {
            case TASK_PRIVACY_REVIEW -> TASK_PLATFORM_REVIEW;
            case TASK_PLATFORM_REVIEW -> TASK_PRIVACY_REVIEW;
            default -> throw notAReview(review);
        };
    }

    private static String reviewName(String review) {
        return switch (review) {
            case TASK_PRIVACY_REVIEW -> "privacy review";
            case TASK_PLATFORM_REVIEW -> "platform review";
            default -> throw notAReview(review);
        };
    }

    private static IllegalStateException notAReview(String taskKey) {
        return new IllegalStateException("four-eyes listener attached to " + taskKey + ", which is not a review task");
    }
}
