package com.acme.intake.audit.control;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.acme.intake.audit.entity.AuditAction;
import com.acme.intake.audit.entity.AuditEntry;
import com.acme.intake.audit.entity.AuditEvent;
import com.acme.intake.audit.entity.ChainHead;

/**
 * Appends events to the audit trail. {@link #record} joins the caller's transaction and refuses to
 * run without one: an event is written together with the action it records, or not at all.
 *
 * <p>Each append locks the one row of {@code audit_chain_head} until the caller's transaction ends
 * (see {@link AuditChain#append}). That serialises audited transactions from their append to their
 * commit, on every node sharing the database, and is what makes the chain follow commit order.
 * So that the lock is held as briefly as possible, the actions that do much work in their
 * transaction (a submission starts the process: the engine writes some thirty rows) run inside
 * {@link #deferring}, marked {@link ChainedAtEnd}: their events are only noted, and chained when the
 * action returns, still inside its transaction, just before it commits. Elsewhere (the engine's
 * jobs, nested calls) an event is chained at once. Either way an event is written in its action's
 * transaction, with the same entity manager and connection, or not at all.
 */
@ApplicationScoped
public class AuditTrail {

    /** The actor of what the engine does on its own (jobs, timers). */
    public static final String SYSTEM = "system";

    private static final int SEAL_PAGE = 500;

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, AuditAction action, Long requestId, String taskId, String businessUnit,
                       String details) {
        var event = new Pending(actor == null ? SYSTEM : actor, action.name(), requestId, taskId, businessUnit,
                details);
        var deferred = (Deferred) transactions.getResource(Deferred.class);
        if (deferred != null && deferred.open) {
            deferred.events.add(event);
        } else {
            append(List.of(event));
        }
    }

    /**
     * Runs the work, and chains the events it records when it returns (normally or not), as the last
     * statements of the transaction, if that transaction is still to commit. Outside a transaction,
     * or nested in another deferring call, the work just runs.
     */
    public Object deferring(Callable<Object> work) throws Exception {
        if (transactions.getTransactionKey() == null || transactions.getResource(Deferred.class) != null) {
            return work.call();
        }
        var deferred = new Deferred();
        transactions.putResource(Deferred.class, deferred);
        boolean returned = false;
        try {
            Object result = work.call();
            returned = true;
            return result;
        } finally {
            deferred.open = false;
            if (!deferred.events.isEmpty() && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                try {
                    append(deferred.events);
                } catch (RuntimeException e) {
                    transactions.setRollbackOnly();
                    if (returned) {
                        throw e;
                    }
                }
            }
        }
    }

    /**
     * Records what happened outside any action that could carry the event, such as a refused call
     * or an export, in a transaction of its own, so that it stays recorded whatever the caller does next.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordInNewTransaction(String actor, AuditAction action, Long requestId, String taskId,
                                       String businessUnit, String details) {
        record(actor, action, requestId, taskId, businessUnit, details);
    }

    public List<AuditEvent> forRequest(long requestId) {
        return em.createNamedQuery(AuditEvent.FOR_REQUEST, AuditEvent.class)
                .setParameter("requestId", requestId)
                .getResultList();
    }

    /** The setting by which an operator asks for a re-seal of a chain whose head hash is missing. */
    public static final String RESEAL_PROPERTY = "intake.audit.reseal";

    /**
     * Chains the events of a chain whose head has no hash: those written before the hash chain existed
     * (migration V5 leaves the head's hash empty when there are any), or a chain whose head was
     * damaged. Numbers them 1…n in their order, closing the gaps that rolled-back transactions left in
     * the old sequence, and hashes them. That rewrites the chain, so it happens only when an operator
     * asks for it ({@code resealAsked}), and is then itself recorded, as {@link AuditAction#AUDIT_RESEALED}.
     * Does nothing once sealed.
     *
     * @return how many events were sealed
     * @throws IllegalStateException when the head has no hash, events exist and no re-seal was asked for
     */
    @Transactional
    public long sealUnchained(boolean resealAsked) {
        ChainHead head = lockHead();
        long events = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM audit_event").getSingleResult())
                .longValue();
        if (!needsReseal(head, events, resealAsked)) {
            return 0;
        }
        long sealed = 0;
        long after = Long.MIN_VALUE;
        String prev = AuditChain.GENESIS;
        while (true) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT seq, occurred_at, actor, action, request_id, task_id, "
                            + "business_unit, details FROM audit_event WHERE seq > ? ORDER BY seq")
                    .setParameter(1, after)
                    .setMaxResults(SEAL_PAGE)
                    .getResultList();
            if (rows.isEmpty()) {
                break;
            }
            for (Object[] row : rows) {
                long old = ((Number) row[0]).longValue();
                AuditEntry e = AuditChain.seal(++sealed, instant(row[1]), (String) row[2], (String) row[3],
                        row[4] == null ? null : ((Number) row[4]).longValue(), (String) row[5], (String) row[6],
                        (String) row[7], prev);
                em.createNativeQuery("UPDATE audit_event SET seq = ?, occurred_at = ?, prev_hash = ?, hash = ? "
                                + "WHERE seq = ?")
                        .setParameter(1, e.seq())
                        .setParameter(2, AuditReader.utc(e.occurredAt()))
                        .setParameter(3, e.prevHash())
                        .setParameter(4, e.hash())
                        .setParameter(5, old)
                        .executeUpdate();
                prev = e.hash();
                after = old;
            }
        }
        moveHead(new ChainHead(sealed, prev));
        if (events > 0 || head.lastSeq() > 0) {
            record(SYSTEM, AuditAction.AUDIT_RESEALED, null, null, null, "events=" + sealed + "; headSeqBefore="
                    + head.lastSeq() + "; asked for by " + RESEAL_PROPERTY + "=true (INTAKE_AUDIT_RESEAL)");
        }
        return sealed;
    }

    /**
     * Whether the chain must be (re)sealed now: not when its head has a hash; when it has none, only
     * for an empty chain (nothing to rewrite) or when an operator asked for it.
     *
     * @throws IllegalStateException otherwise, saying what is wrong and how to go on
     */
    static boolean needsReseal(ChainHead head, long events, boolean resealAsked) {
        if (head.lastHash() != null) {
            return false;
        }
        if (events == 0 && head.lastSeq() == 0 || resealAsked) {
            return true;
        }
        throw new IllegalStateException("The audit chain's head hash (audit_chain_head.last_hash) is missing while "
                + events + " audit events exist (head sequence " + head.lastSeq() + "), so the chain cannot be"
                + " verified; refusing to start rather than re-sealing it silently. Either the events were written"
                + " before the hash chain existed (an upgrade), or the head was damaged or tampered with: check the"
                + " audit_event table, then set INTAKE_AUDIT_RESEAL=true (" + RESEAL_PROPERTY + ") for one start to"
                + " re-seal the events as they are now; the re-seal is recorded on the trail.");
    }

    /** The events a {@link #deferring} call has noted so far; closed when it returns. */
    private static final class Deferred {
        private final List<Pending> events = new ArrayList<>();
        private boolean open = true;
    }

    /** An event to chain. */
    private record Pending(String actor, String action, Long requestId, String taskId, String businessUnit,
                           String details) {
    }

    /** Chains the events in order under one lock of the head, which is moved once, after the last. */
    private void append(List<Pending> events) {
        em.flush(); // the transaction's own rows first: the head's lock then covers only the chaining
        var store = new JpaStore();
        for (Pending e : events) {
            AuditChain.append(store, clock, e.actor(), e.action(), e.requestId(), e.taskId(), e.businessUnit(),
                    e.details());
        }
        store.writeHead();
    }

    /**
     * The chain in this persistence context: the caller's transaction and connection. The head is
     * locked by the first append and then kept here (the lock lasts until the commit), and written
     * back by {@link #writeHead}.
     */
    private final class JpaStore implements AuditChain.Store {

        private ChainHead head;
        private boolean moved;

        @Override
        public ChainHead lockHead() {
            if (head == null) {
                head = AuditTrail.this.lockHead();
            }
            return head;
        }

        @Override
        public void insert(AuditEntry entry) {
            em.persist(new AuditEvent(entry));
        }

        @Override
        public void moveHead(ChainHead next) {
            head = next;
            moved = true;
        }

        void writeHead() {
            if (moved) {
                AuditTrail.this.moveHead(head);
            }
        }
    }

    private ChainHead lockHead() {
        Object[] head = (Object[]) em.createNativeQuery(AuditReader.LOCK_HEAD).getSingleResult();
        return new ChainHead(((Number) head[0]).longValue(), (String) head[1]);
    }

    private void moveHead(ChainHead head) {
        em.createNativeQuery(AuditReader.MOVE_HEAD)
                .setParameter(1, head.lastSeq())
                .setParameter(2, head.lastHash())
                .executeUpdate();
    }

    /** A legacy time as the driver returns it, read as UTC like the chain's times. */
    private static Instant instant(Object value) {
        LocalDateTime at = value instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) value;
        return at.toInstant(ZoneOffset.UTC);
    }
}
