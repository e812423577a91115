package com.acme.intake.notification.entity;

import java.util.Objects;
import java.util.Set;

/**
 * Fired (as a CDI event) inside the transaction that changed a request or created a task; mailed
 * only after that transaction commits. Identifiers only: see the package documentation.
 *
 * @param requester       user name of who submitted the request
 * @param businessUnit    validated identifier, e.g. {@code marketing}
 * @param dataset         validated identifier, e.g. {@code crm_customers}
 * @param taskId          the engine's task id for task notices, else null
 * @param taskKey         the task's definition key ({@code privacyReview}, …) for task notices, else null
 * @param candidateGroups groups the task is offered to (empty for requester notices)
 * @param assignee        who has claimed the task, or null
 */
public record Notice(NoticeKind kind, long requestId, String requester, String businessUnit, String dataset,
                     String taskId, String taskKey, Set<String> candidateGroups, String assignee) {

    public Notice {
        Objects.requireNonNull(kind, "kind");
        candidateGroups = candidateGroups == null ? Set.of() : Set.copyOf(candidateGroups);
    }

    /** A notice to the requester about their request. */
    public static Notice toRequester(NoticeKind kind, long requestId, String requester, String businessUnit,
                                     String dataset) {
        if (!kind.forRequester()) {
            throw new IllegalArgumentException(kind + " is not a notice to the requester");
        }
        return new Notice(kind, requestId, requester, businessUnit, dataset, null, null, Set.of(), null);
    }

    /** A notice to the candidates and assignee of a task. */
    public static Notice aboutTask(NoticeKind kind, long requestId, String requester, String businessUnit,
                                   String dataset, String taskId, String taskKey, Set<String> candidateGroups,
                                   String assignee) {
        if (kind.forRequester()) {
            throw new IllegalArgumentException(kind + " is not a task notice");
        }
        return new Notice(kind, requestId, requester, businessUnit, dataset, Objects.requireNonNull(taskId),
                taskKey, candidateGroups, assignee);
    }

    /** {@code <business_unit>__<dataset>}, as the staging table and catalog key are named. */
    public String datasetKey() {
        return businessUnit + "__" + dataset;
    }
}
