package com.acme.intake.operations.boundary;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.acme.intake.database.boundary.SchemaMigration;
import com.acme.intake.operations.control.DataSourceProbe;

/** Ready when the application database (requests, audit, engine tables) answers. */
@Readiness
@ApplicationScoped
public class ApplicationDatabaseCheck implements HealthCheck {

    public static final String NAME = "application-database";

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        return DataSourceProbe.check(NAME, dataSource);
    }
}
