package com.acme.intake.workflow.control;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;

import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

/**
 * Runs the engine's jobs on the container's managed threads instead of a private thread pool, so
 * delegates run with the application's naming, CDI and transaction context and the container
 * stays in charge of the threads it serves. The acquisition loop runs on a thread from the
 * container's {@link ManagedThreadFactory}; each acquired batch is handed to the
 * {@link ManagedExecutorService}. When the executor refuses work, the engine's rejected-jobs
 * handler unlocks the jobs so they are picked up again later (by this node or another).
 */
public class ManagedJobExecutor extends JobExecutor {

    private final ManagedExecutorService executor;
    private final ManagedThreadFactory threadFactory;

    public ManagedJobExecutor(ManagedExecutorService executor, ManagedThreadFactory threadFactory) {
        this.executor = executor;
        this.threadFactory = threadFactory;
    }

    @Override
    protected void startExecutingJobs() {
        startJobAcquisitionThread();
    }

    @Override
    protected void startJobAcquisitionThread() {
        if (jobAcquisitionThread == null) {
            jobAcquisitionThread = threadFactory.newThread(acquireJobsRunnable);
            jobAcquisitionThread.setName("intake-job-acquisition");
            jobAcquisitionThread.start();
        }
    }

    @Override
    protected void stopExecutingJobs() {
        // The managed executor belongs to the container; it is not ours to shut down.
    }

    @Override
    public void executeJobs(List<String> jobIds, ProcessEngineImpl processEngine) {
        try {
            executor.execute(getExecuteJobsRunnable(jobIds, processEngine));
        } catch (RejectedExecutionException e) {
            logRejectedExecution(processEngine, jobIds.size());
            rejectedJobsHandler.jobsRejected(jobIds, processEngine, this);
        }
    }
}
