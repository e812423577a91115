package com.acme.intake.audit.boundary;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;

import com.acme.intake.audit.control.AuditTrail;
import com.acme.intake.database.boundary.SchemaMigration;

/**
 * Right after the schema is migrated, checks that the hash chain has its head: a chain whose head hash
 * is missing is re-sealed only when an operator asks for it ({@value AuditTrail#RESEAL_PROPERTY},
 * INTAKE_AUDIT_RESEAL=true); otherwise the application refuses to start, saying why.
 */
@ApplicationScoped
public class AuditChainSealer {

    private static final Logger LOG = Logger.getLogger(AuditChainSealer.class.getName());

    @Inject
    AuditTrail trail;

    void onStart(@Observes @Priority(SchemaMigration.ORDER + 1) @Initialized(ApplicationScoped.class) Object event) {
        boolean resealAsked = resealAsked(ConfigProvider.getConfig(AuditChainSealer.class.getClassLoader())
                .getOptionalValue(AuditTrail.RESEAL_PROPERTY, String.class));
        long sealed = trail.sealUnchained(resealAsked);
        if (sealed > 0) {
            LOG.warning(() -> "Audit trail: " + sealed + " events were re-sealed, as " + AuditTrail.RESEAL_PROPERTY
                    + " asked; the re-seal is on the trail. Remove INTAKE_AUDIT_RESEAL now.");
        } else if (resealAsked) {
            LOG.warning(() -> "INTAKE_AUDIT_RESEAL is set but the audit chain has its head: nothing was re-sealed."
                    + " Remove the setting, so a damaged head is never re-sealed without a decision.");
        }
    }

    /** Only "true" or "false" (any case, or unset: false); anything else stops the start. */
    static boolean resealAsked(Optional<String> value) {
        String v = value.map(String::strip).orElse("false");
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.isEmpty() || v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalStateException(AuditTrail.RESEAL_PROPERTY + " (INTAKE_AUDIT_RESEAL) must be true or false");
    }
}
