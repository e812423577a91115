package com.acme.intake.source.boundary;

import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.acme.intake.database.boundary.SchemaMigration;
import com.acme.intake.source.control.Sources;
import com.acme.intake.source.entity.SourceProblem;

/**
 * DEMO ONLY: at startup on the embedded default, creates and fills the demo source's sample table
 * (after the schema migration, before the engine). A failure is logged and does not stop the
 * service: the demo source is a convenience, not a dependency.
 */
@ApplicationScoped
public class DemoSourceSetup {

    private static final Logger LOG = Logger.getLogger(DemoSourceSetup.class.getName());

    @Inject
    Sources sources;

    void onStart(@Observes @Priority(SchemaMigration.ORDER + 10) @Initialized(ApplicationScoped.class) Object event) {
        try {
            int added = sources.prepareDemo();
            if (added > 0) {
                LOG.info(() -> "DEMO ONLY: source 'demo' filled with " + added + " sample rows in table customers");
            }
        } catch (SourceProblem e) {
            LOG.warning(() -> "DEMO ONLY: the demo source could not be prepared: " + e.getMessage());
        }
    }
}
