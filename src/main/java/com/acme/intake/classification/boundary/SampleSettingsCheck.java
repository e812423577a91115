package com.acme.intake.classification.boundary;

import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.acme.intake.classification.control.PiiDetection;
import com.acme.intake.database.boundary.SchemaMigration;

/** Reads the detection settings at startup, so a bad {@code INTAKE_PII_SAMPLE_ROWS} stops the deployment, not a submission. */
@ApplicationScoped
public class SampleSettingsCheck {

    private static final Logger LOG = Logger.getLogger(SampleSettingsCheck.class.getName());

    @Inject
    PiiDetection detection;

    void onStart(@Observes @Priority(SchemaMigration.ORDER + 5) @Initialized(ApplicationScoped.class) Object event) {
        int rows = detection.sampleRows();
        LOG.info(() -> "PII detection samples " + rows + " rows per source");
    }
}
