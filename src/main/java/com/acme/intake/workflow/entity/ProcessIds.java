package com.acme.intake.workflow.entity;

import com.acme.intake.security.Role;

/**
 * Every identifier shared between {@code bpmn/intake-approval.bpmn}, {@code bpmn/intake-routing.dmn}
 * and the Java code: process and decision keys, activity ids, variable names, candidate groups and
 * CDI bean names. The models spell these literally; Java refers to them only through this class, so
 * a rename is one search.
 */
public final class ProcessIds {

    private ProcessIds() {
    }

    public static final String PROCESS_KEY = "intakeApproval";
    public static final String DECISION_KEY = "intakeRouting";

    /** Forms deployed from {@code forms/}, referenced with {@code camunda:formRef} (deployment binding). */
    public static final String FORM_INTAKE_REQUEST = "intake-request";
    public static final String FORM_PRIVACY_REVIEW = "privacy-review";
    public static final String FORM_PLATFORM_REVIEW = "platform-review";

    // activities
    public static final String START_EVENT = "requestSubmitted";
    public static final String TASK_ROUTE = "routeRequest";
    public static final String TASK_PRIVACY_REVIEW = "privacyReview";
    public static final String TASK_PLATFORM_REVIEW = "platformReview";
    public static final String TASK_REVISE = "reviseRequest";
    public static final String TASK_PROVISION = "provisionDataset";
    public static final String TASK_REGISTER_CATALOG = "registerCatalogEntry";
    /** Each review has its own escalation path, so the model states which review it escalates. */
    public static final String TASK_ESCALATE_PRIVACY = "escalatePrivacyReview";
    public static final String TASK_ESCALATE_PLATFORM = "escalatePlatformReview";
    /** Non-interrupting SLA timers on the review tasks. */
    public static final String EVENT_PRIVACY_OVERDUE = "privacyReviewOverdue";
    public static final String EVENT_PLATFORM_OVERDUE = "platformReviewOverdue";
    public static final String END_PRIVACY_ESCALATED = "privacyReviewEscalated";
    public static final String END_PLATFORM_ESCALATED = "platformReviewEscalated";
    public static final String END_PROVISIONED = "requestProvisioned";
    public static final String END_REJECTED = "requestRejected";
    /** Boundary error event of provisionDataset, thrown when its last retry fails. */
    public static final String EVENT_PROVISIONING_FAILED = "provisioningFailed";
    /** Boundary error event of registerCatalogEntry, thrown when its last retry fails. */
    public static final String EVENT_CATALOG_REGISTRATION_FAILED = "catalogRegistrationFailed";
    /** The platform team's task after provisioning or catalog registration failed: RETRY or ABORT. */
    public static final String TASK_RESOLVE_PROVISIONING = "resolveProvisioningFailure";
    public static final String END_PROVISIONING_ABORTED = "provisioningAborted";
    /** BPMN error code caught by {@link #EVENT_PROVISIONING_FAILED} and {@link #EVENT_CATALOG_REGISTRATION_FAILED}. */
    public static final String ERROR_PROVISIONING_FAILED = "PROVISIONING_FAILED";

    // process variables
    /** Long: primary key of the IntakeRequest row. */
    public static final String VAR_REQUEST_ID = "requestId";
    /** String: user name of the requester (four-eyes, revise task assignee). */
    public static final String VAR_REQUESTER = "requester";
    public static final String VAR_BUSINESS_UNIT = "businessUnit";
    public static final String VAR_DATASET = "dataset";
    /** String: NONE, PERSONAL or SENSITIVE, the highest PII category over the columns (DMN input). */
    public static final String VAR_HIGHEST_PII = "highestPii";
    /** Boolean: a PII column is kept unmasked (KEEP with a justification) (DMN input). */
    public static final String VAR_PII_KEPT_UNMASKED = "piiKeptUnmasked";
    /** String: JDBC or FILE (DMN input). */
    public static final String VAR_SOURCE_KIND = "sourceKind";
    /** Boolean: DMN output, whether the privacy review is needed. */
    public static final String VAR_PRIVACY_REVIEW_REQUIRED = "privacyReviewRequired";
    /** String: an {@link Outcome} name, set when the privacy review is completed. */
    public static final String VAR_PRIVACY_OUTCOME = "privacyOutcome";
    /** String: an {@link Outcome} name, set when the platform review is completed. */
    public static final String VAR_PLATFORM_OUTCOME = "platformOutcome";
    /** String: who completed the privacy review in the current round (four-eyes). */
    public static final String VAR_PRIVACY_REVIEWER = "privacyReviewer";
    /** String: who completed the platform review in the current round (four-eyes). */
    public static final String VAR_PLATFORM_REVIEWER = "platformReviewer";
    /** String: why provisioning failed (names source, table, columns, types; never data values). */
    public static final String VAR_PROVISIONING_ERROR = "provisioningError";
    /**
     * String: SHA-256 of the columns and masking the final approval approved (request's
     * ApprovedColumns); the load refuses to run when the request no longer matches it.
     */
    public static final String VAR_APPROVED_COLUMNS_HASH = "approvedColumnsHash";
    /** String: RETRY or ABORT, the platform team's resolution of a failed provisioning. */
    public static final String VAR_PROVISIONING_RESOLUTION = "provisioningResolution";
    /** String: the reviewer's comment on the last decision. */
    public static final String VAR_DECISION_COMMENT = "decisionComment";
    /** String: ISO-8601 duration of the review SLA timer, e.g. P3D. */
    public static final String VAR_REVIEW_SLA = "reviewSla";
    /** Boolean, task-local: the review passed its SLA. */
    public static final String VAR_OVERDUE = "overdue";
    /** String, local input of the escalation task: which review task it escalates. */
    public static final String VAR_ESCALATED_TASK = "reviewTask";

    // candidate groups: each is the application role of the same name, spelled in Role alone
    // (the model spells them as text for Camunda Modeler; ModelIdentifiersTest holds it to Role)
    public static final String GROUP_PRIVACY_REVIEWER = Role.PRIVACY_REVIEWER;
    public static final String GROUP_PLATFORM_ENGINEER = Role.PLATFORM_ENGINEER;
    public static final String GROUP_GOVERNANCE_LEAD = Role.GOVERNANCE_LEAD;

    // CDI bean names used in the models
    public static final String BEAN_REQUEST_STATUS = "requestStatus";
    public static final String BEAN_FOUR_EYES = "fourEyesListener";
    public static final String BEAN_ESCALATE = "escalateOverdueReviewDelegate";
    public static final String BEAN_PROVISION = "provisionDatasetDelegate";
    public static final String BEAN_REGISTER_CATALOG = "registerCatalogEntryDelegate";
}
