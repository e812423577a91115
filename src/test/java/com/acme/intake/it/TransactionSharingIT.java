package com.acme.intake.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Set;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.acme.intake.audit.control.AuditTrail;
import com.acme.intake.audit.entity.AuditAction;
import com.acme.intake.request.control.IntakeRequests;
import com.acme.intake.request.entity.IntakeRequest;
import com.acme.intake.request.entity.IntakeRequestCommand;
import com.acme.intake.request.entity.IntakeRequestCommand.ColumnSpec;
import com.acme.intake.request.entity.IntakeRequestCommand.Masking;
import com.acme.intake.request.entity.IntakeRequestCommand.Source;
import com.acme.intake.security.AppUser;
import com.acme.intake.workflow.control.ParsedOnceFeelEngine;
import com.acme.intake.workflow.control.ProcessEngineLifecycle;

/**
 * Inside the server: the request row, its audit event and the process instance it starts live in
 * one JTA transaction on the shared data source, so they commit or roll back together; audit events
 * of a deferring action are chained when it returns, inside that transaction. Also the engine as the
 * application configures it: its DMN evaluates FEEL with {@link ParsedOnceFeelEngine}.
 */
@ExtendWith(ArquillianExtension.class)
class TransactionSharingIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.application().addClass(TransactionSharingIT.class);
    }

    @Inject
    IntakeRequests requests;

    @Inject
    RuntimeService runtime;

    @Inject
    ProcessEngineLifecycle lifecycle;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Resource
    UserTransaction transaction;

    @Test
    void request_row_and_process_state_roll_back_together() throws Exception {
        transaction.begin();
        IntakeRequest submitted = requests.submit(command("rolled_back"), alice());
        long id = submitted.id();
        String processInstanceId = submitted.processInstanceId();
        assertEquals(1, runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count(),
                "inside the transaction the process instance is visible");

        transaction.rollback();

        assertEquals(0, runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count());
        assertNull(em.find(IntakeRequest.class, id));
        assertEquals(0L, em.createQuery("SELECT COUNT(e) FROM AuditEvent e WHERE e.requestId = :id", Long.class)
                .setParameter("id", id).getSingleResult());
    }

    @Test
    void request_row_and_process_state_commit_together() throws Exception {
        transaction.begin();
        IntakeRequest submitted = requests.submit(command("committed"), alice());
        transaction.commit();

        assertNotNull(em.find(IntakeRequest.class, submitted.id()));
        assertEquals(1, runtime.createProcessInstanceQuery().processInstanceId(submitted.processInstanceId()).count());
    }

    @Test
    void deferred_events_are_chained_when_the_action_returns_inside_its_transaction() throws Exception {
        long before = events();
        transaction.begin();
        try {
            long duringAction = (long) audit.deferring(() -> {
                audit.record("alice", AuditAction.CATALOG_EDITED, null, null, "marketing", "deferred");
                return events();
            });
            assertEquals(before, duringAction, "noted while the action runs, not yet written");
            assertEquals(before + 1, events(), "written when the action returns, before the commit");
            audit.record("alice", AuditAction.CATALOG_EDITED, null, null, "marketing", "immediate");
            assertEquals(before + 2, events(), "outside a deferring action an event is written at once");
        } finally {
            transaction.commit();
        }
        assertEquals(before + 2, events());
    }

    @Test
    void deferred_events_of_a_failed_action_roll_back_with_it() throws Exception {
        long before = events();
        transaction.begin();
        try {
            assertThrows(IllegalStateException.class, () -> audit.deferring(() -> {
                audit.record("alice", AuditAction.CATALOG_EDITED, null, null, "marketing", "then failed");
                throw new IllegalStateException("the action failed");
            }));
        } finally {
            transaction.rollback();
        }
        assertEquals(before, events());
    }

    private long events() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM audit_event").getSingleResult()).longValue();
    }

    private static AppUser alice() {
        return new AppUser("alice", Set.of("requester"), "marketing");
    }

    private static IntakeRequestCommand command(String dataset) {
        return new IntakeRequestCommand("Transactions", "marketing", dataset, "alice", "transaction test", "ENTITY",
                new Source("JDBC", "demo", "customers", null, null), "DAILY", 30,
                List.of(new ColumnSpec("customer_id", "BIGINT", "NONE", null,
                                new Masking("KEEP", null, null, null, null)),
                        new ColumnSpec("email", "VARCHAR", "PERSONAL", null,
                                new Masking("EMAIL", null, null, null, null))));
    }

    @Test
    void the_engines_decisions_evaluate_feel_parsed_once() {
        var configuration = (ProcessEngineConfigurationImpl) lifecycle.engine().getProcessEngineConfiguration();

        assertInstanceOf(ParsedOnceFeelEngine.class, configuration.getDmnEngineConfiguration().getFeelEngine());
    }
}
