package com.acme.intake.operations.boundary;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the application is deployed and answers. Deliberately checks no database: a
 * database outage makes the node not ready (no traffic), not dead (no restart that would not help).
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    public static final String NAME = "intake-application";

    @Override
    public HealthCheckResponse call() {
        return new HealthCheckResponse(NAME, HealthCheckResponse.Status.UP, Optional.empty());
    }
}
