package com.acme.intake.provisioning.control;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import com.acme.intake.database.control.DatabaseSettings;
import com.acme.intake.provisioning.entity.LoadPlan;
import com.acme.intake.provisioning.entity.LoadResult;
import com.acme.intake.request.entity.IntakeRequest;
import com.acme.intake.source.entity.RowSource;
import com.acme.intake.workflow.control.ProcessEngineLifecycle;

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
    public static final String LOAD_TIMEOUT_PROPERTY = "intake.warehouse.load-timeout";
    /** Runs before the schema migration, so a timeout that disagrees with the job lock stops the start first. */
    public static final int ORDER = 91;

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    /** Gives each PostgreSQL load its reading thread, with the container's context. */
    @Resource
    ManagedThreadFactory threads;

    @Inject
    MaskingKeys keys;

    private volatile Duration loadTimeout;

    void onStart(@Observes @Priority(ORDER) @Initialized(ApplicationScoped.class) Object event) {
        loadTimeout();
    }

    /**
     * The longest a load may take ({@value #LOAD_TIMEOUT_PROPERTY}, INTAKE_WAREHOUSE_LOAD_TIMEOUT,
     * default {@link WarehouseLoader#DEFAULT_LOAD_TIMEOUT}).
     *
     * @throws IllegalStateException when it is no duration, or not shorter than the job lock time
     */
    Duration loadTimeout() {
        Duration current = loadTimeout;
        if (current == null) {
            Config config = ConfigProvider.getConfig(Warehouse.class.getClassLoader());
            current = loadTimeout(config.getOptionalValue(LOAD_TIMEOUT_PROPERTY, String.class),
                    Duration.ofMillis(ProcessEngineLifecycle.lockTimeMillis(
                            config.getOptionalValue(ProcessEngineLifecycle.LOCK_TIME_PROPERTY, String.class)
                                    .orElse(ProcessEngineLifecycle.DEFAULT_LOCK_TIME))));
            loadTimeout = current;
        }
        return current;
    }

    /**
     * The load timeout configured as {@code value}, checked against the job lock time: a load that
     * may outlive the lock could be taken over and run a second time, at once, by another node.
     */
    static Duration loadTimeout(Optional<String> value, Duration lockTime) {
        Duration timeout;
        try {
            timeout = value.map(String::strip).filter(v -> !v.isEmpty()).map(Duration::parse)
                    .orElse(WarehouseLoader.DEFAULT_LOAD_TIMEOUT);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(LOAD_TIMEOUT_PROPERTY + " (INTAKE_WAREHOUSE_LOAD_TIMEOUT) must be an"
                    + " ISO-8601 duration such as PT4M");
        }
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalStateException(LOAD_TIMEOUT_PROPERTY + " (INTAKE_WAREHOUSE_LOAD_TIMEOUT) must be at"
                    + " least PT1S, not " + timeout);
        }
        if (timeout.compareTo(lockTime) >= 0) {
            throw new IllegalStateException(LOAD_TIMEOUT_PROPERTY + " (INTAKE_WAREHOUSE_LOAD_TIMEOUT, " + timeout
                    + ") must be shorter than " + ProcessEngineLifecycle.LOCK_TIME_PROPERTY
                    + " (INTAKE_JOBS_LOCK_TIME, " + lockTime + "): a load that outlives its job's lock is started"
                    + " again by another node while it still runs. Raise the lock time or lower the load timeout.");
        }
        return timeout;
    }

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
        return new WarehouseLoader(threads, loadTimeout()).load(plan, source, dataSource);
    }
}
