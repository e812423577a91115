package com.acme.intake.operations.boundary;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.acme.intake.operations.control.DataSourceProbe;
import com.acme.intake.provisioning.control.Warehouse;

/** Ready when the warehouse database, where masked staging tables are provisioned, answers. */
@Readiness
@ApplicationScoped
public class WarehouseCheck implements HealthCheck {

    public static final String NAME = "warehouse-database";

    @Resource(lookup = Warehouse.DATA_SOURCE)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        return DataSourceProbe.check(NAME, dataSource);
    }
}
