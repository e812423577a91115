package com.acme.intake.audit.boundary;

import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.acme.intake.audit.control.AuditTrail;
import com.acme.intake.database.boundary.SchemaMigration;

/** Right after the schema is migrated, chains the events written before the hash chain existed (once). */
@ApplicationScoped
public class AuditChainSealer {

    private static final Logger LOG = Logger.getLogger(AuditChainSealer.class.getName());

    @Inject
    AuditTrail trail;

    void onStart(@Observes @Priority(SchemaMigration.ORDER + 1) @Initialized(ApplicationScoped.class) Object event) {
        long sealed = trail.sealUnchained();
        if (sealed > 0) {
            LOG.info(() -> "Audit trail: " + sealed + " events from before the hash chain were chained");
        }
    }
}
