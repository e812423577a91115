package com.acme.intake.operations.boundary;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.acme.intake.workflow.control.EngineProbe;
import com.acme.intake.workflow.entity.EngineState;

/**
 * Ready when the process engine answers, the approval process is deployed and the job executor
 * runs as configured ({@code intake.jobs.active}: a node may be configured to run no jobs).
 */
@Readiness
@ApplicationScoped
public class EngineCheck implements HealthCheck {

    public static final String NAME = "process-engine";

    @Inject
    EngineProbe probe;

    @Override
    public HealthCheckResponse call() {
        return check(probe::state);
    }

    static HealthCheckResponse check(Supplier<EngineState> state) {
        try {
            EngineState s = state.get();
            return new HealthCheckResponse(NAME, s.ready() ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                    Optional.of(Map.of("processDeployed", s.processDeployed(),
                            "jobExecutorActive", s.jobExecutorActive(),
                            "jobExecutorExpected", s.jobExecutorExpected())));
        } catch (RuntimeException e) {
            return new HealthCheckResponse(NAME, HealthCheckResponse.Status.DOWN,
                    Optional.of(Map.of("error", e.getClass().getSimpleName())));
        }
    }
}
