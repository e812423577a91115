package com.acme.intake.provisioning.control;

import java.time.Duration;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The timer {@value #NAME} of provisioning runs, tagged {@code outcome=succeeded|failed}; its count
 * is the number of runs. Recording never disturbs provisioning.
 */
@ApplicationScoped
public class ProvisioningMetrics {

    public static final String NAME = "intake_provisioning_duration";
    private static final Logger LOG = Logger.getLogger(ProvisioningMetrics.class.getName());
    private static final Metadata METADATA = Metadata.builder().withName(NAME)
            .withDescription("Duration of provisioning runs (copy, mask and load of one request)")
            .withUnit(MetricUnits.SECONDS).build();

    @Inject
    MetricRegistry registry;

    public void record(Duration duration, boolean succeeded) {
        try {
            registry.timer(METADATA, new Tag("outcome", succeeded ? "succeeded" : "failed")).update(duration);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Provisioning duration not recorded: " + e);
        }
    }
}
