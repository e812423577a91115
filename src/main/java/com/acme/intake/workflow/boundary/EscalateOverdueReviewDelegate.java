package com.acme.intake.workflow.boundary;

import static com.acme.intake.workflow.entity.ProcessIds.GROUP_GOVERNANCE_LEAD;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_ESCALATED_TASK;
import static com.acme.intake.workflow.entity.ProcessIds.VAR_OVERDUE;

import com.acme.intake.workflow.entity.ProcessIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;

/**
 * Runs when a review passes its SLA (a non-interrupting timer, so the review stays open): marks the
 * review task overdue and offers it to the governance leads as well. Which review is escalated comes
 * from the local input {@code reviewTask} of the escalation task in the model.
 */
@Named(ProcessIds.BEAN_ESCALATE)
@ApplicationScoped
public class EscalateOverdueReviewDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Object reviewTask = execution.getVariableLocal(VAR_ESCALATED_TASK);
        if (!(reviewTask instanceof String taskKey)) {
            throw new IllegalStateException(execution.getCurrentActivityId()
                    + " needs the input parameter " + VAR_ESCALATED_TASK + " naming the review task");
        }
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task task : tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskKey)
                .list()) {
            tasks.addCandidateGroup(task.getId(), GROUP_GOVERNANCE_LEAD);
            tasks.setVariableLocal(task.getId(), VAR_OVERDUE, true);
        }
    }
}
