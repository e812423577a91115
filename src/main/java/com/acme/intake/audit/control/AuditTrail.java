package com.acme.intake.audit.control;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import com.acme.intake.audit.entity.AuditAction;
import com.acme.intake.audit.entity.AuditEvent;

/**
 * Appends events to the audit trail. {@link #record} joins the caller's transaction and refuses to
 * run without one: an event is written together with the action it records, or not at all.
 */
@ApplicationScoped
public class AuditTrail {

    /** The actor of what the engine does on its own (jobs, timers). */
    public static final String SYSTEM = "system";

    @PersistenceContext
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(String actor, AuditAction action, Long requestId, String taskId, String businessUnit,
                             String details) {
        var event = new AuditEvent(Instant.now(clock), actor == null ? SYSTEM : actor, action.name(), requestId, taskId,
                businessUnit, details);
        em.persist(event);
        return event;
    }

    public List<AuditEvent> forRequest(long requestId) {
        return em.createNamedQuery(AuditEvent.FOR_REQUEST, AuditEvent.class)
                .setParameter("requestId", requestId)
                .getResultList();
    }
}
