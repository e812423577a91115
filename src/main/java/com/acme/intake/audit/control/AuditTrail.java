package com.acme.intake.audit.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
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
 * So that the lock is held as briefly as possible, {@link #record} only notes the event; the
 * transaction's events are chained and written at its very end, in {@code beforeCompletion} of an
 * interposed synchronization, on the transaction's own connection (plain JDBC on the same JTA data
 * source), after the engine and JPA have written everything else. A transaction that rolls back
 * writes none of them; a failing append rolls the transaction back.
 */
@ApplicationScoped
public class AuditTrail {

    /** The actor of what the engine does on its own (jobs, timers). */
    public static final String SYSTEM = "system";

    private static final int SEAL_PAGE = 500;

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/intake")
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, AuditAction action, Long requestId, String taskId, String businessUnit,
                       String details) {
        pending().add(new Pending(actor == null ? SYSTEM : actor, action.name(), requestId, taskId, businessUnit,
                details));
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

    /**
     * Chains the events written before the hash chain existed (migration V5 leaves the head's hash
     * empty when there are any): numbers them 1…n in their order, closing the gaps that rolled-back
     * transactions left in the old sequence, and hashes them. Does nothing once sealed.
     *
     * @return how many events were sealed
     */
    @Transactional
    public long sealUnchained() {
        ChainHead head = lockHead();
        if (head.lastHash() != null) {
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
        return sealed;
    }

    /** The events noted in the current transaction, with the synchronization that writes them at its end. */
    private List<Pending> pending() {
        var appends = (PendingAppends) transactions.getResource(PendingAppends.class);
        if (appends == null) {
            appends = new PendingAppends();
            transactions.putResource(PendingAppends.class, appends);
            transactions.registerInterposedSynchronization(appends);
        }
        return appends.events;
    }

    /** An event noted by {@link #record}, chained when its transaction ends. */
    private record Pending(String actor, String action, Long requestId, String taskId, String businessUnit,
                           String details) {
    }

    /** Writes a transaction's events as the last statements before it commits. */
    private final class PendingAppends implements Synchronization {

        private final List<Pending> events = new ArrayList<>();

        @Override
        public void beforeCompletion() {
            if (events.isEmpty() || transactions.getRollbackOnly()) {
                return;
            }
            try (Connection connection = dataSource.getConnection()) {
                var store = new JdbcChainStore(connection);
                for (Pending e : events) {
                    AuditChain.append(store, clock, e.actor(), e.action(), e.requestId(), e.taskId(),
                            e.businessUnit(), e.details());
                }
            } catch (SQLException | RuntimeException e) {
                transactions.setRollbackOnly();
                throw new IllegalStateException("The audit events of this transaction could not be written; "
                        + "it is rolled back", e);
            }
        }

        @Override
        public void afterCompletion(int status) {
            // nothing kept: the events were written in beforeCompletion or discarded with the transaction
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
