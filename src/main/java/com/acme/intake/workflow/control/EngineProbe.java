package com.acme.intake.workflow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.acme.intake.workflow.entity.EngineState;
import com.acme.intake.workflow.entity.ProcessIds;

/**
 * Read-only questions about the engine for health checks and metrics, so that engine types stay
 * inside the workflow feature.
 */
@ApplicationScoped
public class EngineProbe {

    @Inject
    ProcessEngineLifecycle lifecycle;

    @Inject
    @ConfigProperty(name = "intake.jobs.active", defaultValue = "true")
    boolean jobExecutorExpected;

    /** Asks the engine's database (one small query); throws when the engine cannot answer. */
    public EngineState state() {
        ProcessEngine engine = lifecycle.engine();
        long deployed = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(ProcessIds.PROCESS_KEY).latestVersion().count();
        JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        return new EngineState(deployed > 0, jobs != null && jobs.isActive(), jobExecutorExpected);
    }

    /** Open user tasks (reviews, revisions, provisioning failures) over all requests. */
    public long openTasks() {
        return lifecycle.engine().getTaskService().createTaskQuery().active().count();
    }
}
