package com.acme.intake.database.boundary;

import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import com.acme.intake.database.control.Installation;

/**
 * Refuses to start a node whose configuration mixes real databases with the embedded default
 * ({@link Installation}), before the masking key, the schema migration or the engine look at it
 * (observer priority {@link #ORDER}). The exception's message is the operator's instruction.
 */
@ApplicationScoped
public class InstallationCheck {

    public static final int ORDER = 80;

    private static final Logger LOG = Logger.getLogger(InstallationCheck.class.getName());

    void onStart(@Observes @Priority(ORDER) @Initialized(ApplicationScoped.class) Object event) {
        Installation installation = Installation.current();
        if (installation.demo()) {
            LOG.warning(() -> "DEMO MODE (" + (installation.embeddedDefault() ? "embedded default" : "INTAKE_DEMO=true")
                    + "): demo users with the public password 'demo' and the public demo masking key. Never use it"
                    + " for real data.");
        }
    }
}
