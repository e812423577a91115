package com.acme.intake.operations.control;

import java.sql.Connection;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.eclipse.microprofile.health.HealthCheckResponse;

/** Whether a database answers: a connection from the pool that reports itself valid within 2 s. */
public final class DataSourceProbe {

    static final int TIMEOUT_SECONDS = 2;

    private DataSourceProbe() {
    }

    /**
     * @return UP, or DOWN with the error's type (never its message, which may carry a URL or user)
     */
    public static HealthCheckResponse check(String name, DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            boolean valid = c.isValid(TIMEOUT_SECONDS);
            return new HealthCheckResponse(name, valid ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                    Optional.of(Map.of("database", c.getMetaData().getDatabaseProductName())));
        } catch (Exception e) {
            return new HealthCheckResponse(name, HealthCheckResponse.Status.DOWN,
                    Optional.of(Map.of("error", e.getClass().getSimpleName())));
        }
    }
}
