package com.acme.intake.provisioning.control;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.acme.intake.database.control.DatabaseSettings;
import com.acme.intake.provisioning.entity.LoadPlan;
import com.acme.intake.provisioning.entity.LoadResult;
import com.acme.intake.request.entity.IntakeRequest;
import com.acme.intake.source.entity.RowSource;

/**
 * The warehouse, where masked staging tables are provisioned. Its data source is deliberately
 * <em>not</em> transactional (not enlisted in JTA): the loader commits its own local transaction,
 * so the table swap is final as soon as it is done, independent of the engine's transaction
 * around the job — and a job that fails afterwards and is retried simply provisions again.
 */
@DataSourceDefinition(
        name = Warehouse.DATA_SOURCE,
        className = "com.acme.intake.database.control.ConfiguredDataSource",
        properties = {"configPrefix=" + DatabaseSettings.WAREHOUSE_PREFIX},
        minPoolSize = 0,
        maxPoolSize = 8,
        transactional = false)
@ApplicationScoped
public class Warehouse {

    public static final String DATA_SOURCE = "java:app/jdbc/warehouse";

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    /** Gives each PostgreSQL load its reading thread, with the container's context. */
    @Resource
    ManagedThreadFactory threads;

    @Inject
    MaskingKeys keys;

    /**
     * Provisions the request's staging table from {@code source}, with the configured key.
     *
     * @throws com.acme.intake.provisioning.entity.ProvisioningFailure when it fails; the previous
     *                                                                 table is left as it was
     */
    public LoadResult provision(IntakeRequest request, RowSource source) {
        return provision(LoadPlan.forRequest(request, keys.current()), source);
    }

    /** Provisions a prepared plan. */
    public LoadResult provision(LoadPlan plan, RowSource source) {
        return new WarehouseLoader(threads).load(plan, source, dataSource);
    }
}
