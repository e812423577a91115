package com.acme.intake.audit.entity;

/** The kinds of things recorded on the audit trail. */
public enum AuditAction {
    REQUEST_SUBMITTED,
    REQUEST_REVISED,
    REQUEST_WITHDRAWN,
    TASK_CLAIMED,
    TASK_UNCLAIMED,
    REVIEW_DECIDED,
    REVIEW_ESCALATED,
    STATUS_CHANGED,
    PROVISIONING_RUN,
    CATALOG_REGISTERED,
    CATALOG_EDITED,
    ACCESS_REFUSED,
    AUDIT_EXPORTED,
    /** An operator had the chain re-sealed because its head hash was missing (INTAKE_AUDIT_RESEAL). */
    AUDIT_RESEALED
}
