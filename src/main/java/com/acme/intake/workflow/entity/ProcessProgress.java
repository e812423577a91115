package com.acme.intake.workflow.entity;

import java.util.List;

/**
 * What the process tells the rest of the application as it runs, without the engine's types: the
 * request feature moves the request on and tells the people concerned. Called in the engine's
 * transaction by the model's own listeners.
 */
public interface ProcessProgress {

    /**
     * The process reached {@code status} (a {@code RequestStatus} name, as spelled in the model).
     *
     * @param actor       the user who caused it, or null for the engine itself (jobs, timers)
     * @param createdTask the user task whose creation this is, or null
     */
    void reached(long requestId, String status, String actor, OpenTask createdTask);

    /** A review passed its SLA and was offered to the governance leads; {@code openTasks} are its tasks. */
    void escalated(long requestId, String review, List<OpenTask> openTasks);
}
