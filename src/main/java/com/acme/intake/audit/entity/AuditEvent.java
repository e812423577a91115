package com.acme.intake.audit.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One thing that happened, append-only: who did what to which request, when. Details name fields,
 * outcomes and counts, never data values, so no raw PII reaches the trail.
 */
@Entity
@Table(name = "audit_event")
@SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 1)
@NamedQuery(name = AuditEvent.FOR_REQUEST,
        query = "SELECT e FROM AuditEvent e WHERE e.requestId = :requestId ORDER BY e.seq")
public class AuditEvent {

    public static final String FOR_REQUEST = "AuditEvent.forRequest";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    private Long seq;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    @Column(name = "request_id")
    private Long requestId;

    @Column(name = "task_id")
    private String taskId;

    @Column(name = "business_unit")
    private String businessUnit;

    private String details;

    protected AuditEvent() {
    }

    public AuditEvent(Instant occurredAt, String actor, String action, Long requestId, String taskId,
                      String businessUnit, String details) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.requestId = requestId;
        this.taskId = taskId;
        this.businessUnit = businessUnit;
        this.details = details;
    }

    public Long seq() {
        return seq;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public Long requestId() {
        return requestId;
    }

    public String taskId() {
        return taskId;
    }

    public String businessUnit() {
        return businessUnit;
    }

    public String details() {
        return details;
    }
}
